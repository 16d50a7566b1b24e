import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError } from '../src/import/problems';
import { readDatasetFolder } from '../src/import/read-folder';
import { DEMO_DATA_DIR } from '../src/paths';

describe('reading a folder of interchange files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  /** A copy of the demo data with one file's lines changed. */
  function demoCopyWith(file: string, edit: (lines: string[]) => string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-'));
    dirs.push(dir);
    cpSync(DEMO_DATA_DIR, dir, { recursive: true });
    const lines = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, file), `${edit(lines).join('\n')}\n`);
    return dir;
  }
  function problemsOf(dir: string): string[] {
    try {
      readDatasetFolder(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return (e as ImportError).message.split('\n').slice(1);
    }
    throw new Error('expected an ImportError');
  }

  it('reads the demo data', () => {
    const data = readDatasetFolder(DEMO_DATA_DIR);
    expect(data.chains).toHaveLength(11);
    expect(data.enterprises.length).toBeGreaterThan(600);
  });

  it('names file, line and field of every bad row, and of bad references', () => {
    const dir = demoCopyWith('controls.jsonl', (lines) => {
      const first = JSON.parse(lines[0] as string);
      const second = JSON.parse(lines[1] as string);
      return [
        JSON.stringify({ ...first, share: 1.5 }),
        JSON.stringify({ ...second, to: 'no-such-firm' }),
        '{ not json',
        ...lines.slice(3),
      ];
    });
    const problems = problemsOf(dir);
    expect(problems).toContain('controls.jsonl:1 share: must be at most 1');
    expect(problems.some((p) => p.startsWith('controls.jsonl:3: not valid JSON'))).toBe(true);
    // reference checks run once every row is well-formed; fix rows 1 and 3 and they show
    const refs = demoCopyWith('controls.jsonl', (lines) => {
      const second = JSON.parse(lines[1] as string);
      return [lines[0] as string, JSON.stringify({ ...second, to: 'no-such-firm' }), ...lines.slice(2)];
    });
    expect(problemsOf(refs)).toEqual(["controls.jsonl:2 to: unknown enterprise 'no-such-firm'"]);
  });

  it('checks credit codes, tiers, unknown fields and duplicate ids', () => {
    const dir = demoCopyWith('enterprises.jsonl', (lines) => {
      const e = JSON.parse(lines[0] as string);
      const badCheck = `${e.id.slice(0, 17)}${e.id.endsWith('0') ? '1' : '0'}`;
      return [JSON.stringify({ ...e, id: badCheck, extra: 1 }), ...lines.slice(1), lines[1] as string];
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => /^enterprises\.jsonl:1 id: unified social credit code check character/.test(p))).toBe(
      true,
    );
    expect(problems.some((p) => /^enterprises\.jsonl:1 \(row\): Unrecognized key: "extra"/.test(p))).toBe(true);
    const tiers = demoCopyWith('segments.jsonl', (lines) => [
      JSON.stringify({ ...JSON.parse(lines[0] as string), tier: 'SIDEWAYS' }),
      ...lines.slice(1),
    ]);
    expect(problemsOf(tiers)[0]).toMatch(/^segments\.jsonl:1 tier: /);
  });

  it('says which file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-'));
    dirs.push(dir);
    expect(problemsOf(dir)[0]).toMatch(/^chains\.jsonl:0: missing file/);
  });
});
