import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCreditCode } from '@chain-atlas/server/domain/credit-code';
import { toJsonLines } from '@chain-atlas/server/interchange/format';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../src/demo';

const DATA_DIR = new URL('../data/', import.meta.url).pathname;

describe('the demo data generator', () => {
  const data = buildDemoDataset();

  it('reproduces the committed data files byte for byte (run `pnpm seed` after changing it)', () => {
    for (const [name, text] of toJsonLines(data)) {
      expect(readFileSync(join(DATA_DIR, name), 'utf8'), name).toBe(text);
    }
  });

  it('is deterministic', () => {
    expect(toJsonLines(buildDemoDataset())).toEqual(toJsonLines(data));
  });

  it('gives every enterprise a valid, unique credit code and unique names', () => {
    expect(data.enterprises.every((e) => isCreditCode(e.id))).toBe(true);
    expect(new Set(data.enterprises.map((e) => e.id)).size).toBe(data.enterprises.length);
    expect(new Set(data.enterprises.map((e) => e.name)).size).toBe(data.enterprises.length);
    expect(new Set(data.enterprises.map((e) => e.shortName)).size).toBe(data.enterprises.length);
  });

  it('keeps the shares held in any company at or under 100%', () => {
    const held = new Map<string, number>();
    for (const c of data.controls) held.set(c.to, (held.get(c.to) ?? 0) + (c.share ?? 0));
    expect(Math.max(...held.values())).toBeLessThanOrEqual(1 + 1e-9);
  });
});
