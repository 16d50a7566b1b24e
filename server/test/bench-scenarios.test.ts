import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agree, check, printOutcomes, relationKey } from '../bench/scenario';

const BENCH = fileURLToPath(new URL('../bench/', import.meta.url));

describe('the benchmarks quick run (pnpm bench -- --quick)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('knows every scenario that has a file of its own in server/bench/, so that CI runs it', () => {
    const run = readFileSync(`${BENCH}run.ts`, 'utf8');
    const ids = new Set(
      [...run.matchAll(/\bid: '(\w+)',\s*(?:aliases: \[([^\]]*)\])?/g)].flatMap(([, id, aliases]) => [
        id,
        ...[...(aliases ?? '').matchAll(/'(\w+)'/g)].map(([, a]) => a),
      ]),
    );
    const numbered = readdirSync(BENCH)
      .map((file) => /^b(\d+)-/.exec(file)?.[1])
      .filter((n) => n !== undefined)
      .map((n) => `B${n}`);
    expect(numbered.length).toBeGreaterThan(0);
    for (const id of new Set(numbered)) expect(ids, `${id} is not in run.ts's SCENARIOS`).toContain(id);
    for (const id of ['B2', 'B6N', 'B7N', 'B8', 'LIMIT']) expect(ids).toContain(id);
  });

  it('says which scenario disagrees, and where', () => {
    expect(() => agree('B7N', 'the reports', { a: [1, 2] }, { a: [1, 2] })).not.toThrow();
    expect(() => agree('B7N', 'the reports', { a: [1, 2] }, { a: [1, 3] })).toThrow(
      /^B7N: the reports differ at character 8: …\{"a":\[1,2\]\}… against …\{"a":\[1,3\]\}…$/,
    );
    expect(() => check('B14', false, 'the floods were never refused')).toThrow('B14: the floods were never refused');
  });

  it('keys a relationship the same way from a store and from a row', () => {
    expect(relationKey({ from: 'a', to: 'b', product: '电池' })).toBe('a>b:电池');
    expect(relationKey({ from: 'a', to: 'b' })).toBe('a>b:');
  });

  it('fails on a failed scenario, and on a skipped one only under CI', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const ok = { label: 'B1 (S)', seconds: 1 };
    const skipped = { label: 'B2/B6N/B7N (S)', seconds: 0, skipped: 'NEO4J_URI is not set' };
    expect(printOutcomes([ok], { skipFails: true })).toBe(false);
    expect(printOutcomes([ok, skipped], { skipFails: false })).toBe(false);
    expect(printOutcomes([ok, skipped], { skipFails: true })).toBe(true);
    expect(printOutcomes([ok, { label: 'B4 (S)', seconds: 2, failed: 'B4: …' }], { skipFails: false })).toBe(true);
  });
});
