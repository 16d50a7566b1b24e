import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from '@chain-atlas/seeds/random';
import { afterAll, describe, expect, it } from 'vitest';
import { generateB12, writeGeneratedB12 } from '../bench/b12-generated';
import { HIDE_SEED, hideMemberships, segmentProducts } from '../bench/b12-hide';
import { bySize, compare, expectedRandom, poolOf, quality, rankOf, sizeOf } from '../bench/b12-metrics';
import type { Dataset, Makes, Segment } from '../src/domain/model';
import { readDataset } from '../src/import/importer';
import { convertListed } from '../src/import/listed/convert';
import { writeOutput } from '../src/import/listed/output';

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'b12-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const made = (enterpriseId: string, product: string, share?: number): Makes => ({
  enterpriseId,
  product,
  ...(share === undefined ? {} : { share }),
  source: 't',
  confidence: 1,
});
const member = (enterpriseId: string, segmentId: string) => ({ enterpriseId, segmentId, source: 't', confidence: 1 });
const segment = (id: string, parentId?: string): Segment => ({
  id,
  chainId: 'c',
  name: id,
  tier: 'MIDSTREAM',
  order: 1,
  ...(parentId ? { parentId } : {}),
});

describe('hiding memberships', () => {
  const data = generateB12();

  it('hides all memberships of 20% of the firms that have any, the same ones every run', () => {
    const firms = new Set(data.inSegment.map((m) => m.enterpriseId));
    const a = hideMemberships(data);
    expect(a.firms).toHaveLength(Math.round(0.2 * firms.size));
    expect(a.firmsWithMemberships).toBe(firms.size);
    expect(hideMemberships(data).firms).toEqual(a.firms);
    expect(hideMemberships(data, 0.2, HIDE_SEED + 1).firms).not.toEqual(a.firms);
    const hidden = new Set(a.firms);
    expect(a.dataset.inSegment.some((m) => hidden.has(m.enterpriseId))).toBe(false);
    expect(a.pairs).toHaveLength(data.inSegment.filter((m) => hidden.has(m.enterpriseId)).length);
    expect(a.dataset.inSegment.length + a.pairs.length).toBe(data.inSegment.length);
    expect(a.dataset.anchors.every((x) => !hidden.has(x.enterpriseId))).toBe(true);
    expect(a.dataset.products).toBe(data.products); // what firms make stays known
  });

  it('recomputes segment products from the visible members only', () => {
    const segments = [segment('p'), segment('a', 'p'), segment('b', 'p')];
    const members = [member('f1', 'a'), member('f2', 'a'), member('f3', 'b'), member('h', 'a')];
    const products = [
      made('f1', 'x', 0.5),
      made('f2', 'x', 0.1),
      made('f1', 'y', 0.9),
      made('f2', 'z', 0.2),
      made('f3', 'y'),
      made('f1', '其他产品'),
      made('f2', '服务'),
      ...['h1', 'h2', 'h3'].map((p) => made('h', p)),
      made('h', 'x'),
    ];
    const before = segmentProducts(segments, members, products);
    // by firms, then summed share, then name; generic names left out
    expect(before.find((s) => s.id === 'a')?.products).toEqual(['x', 'y', 'z', 'h1', 'h2']);
    const data = { inSegment: members, segments, products, anchors: [] } as unknown as Dataset;
    const after = hideMemberships(data, 0.25, HIDE_SEED);
    expect(after.firms).toHaveLength(1);
    const visible = members.filter((m) => m.enterpriseId !== after.firms[0]);
    expect(after.dataset.segments).toEqual(segmentProducts(segments, visible, products));
    // the hidden firm's products no longer describe the segment; a parent takes its parts' firms
    const only = segmentProducts(
      segments,
      members.filter((m) => m.enterpriseId !== 'h'),
      products,
    );
    expect(only.find((s) => s.id === 'a')?.products).toEqual(['x', 'y', 'z']);
    expect(only.find((s) => s.id === 'p')?.products).toEqual(['y', 'x', 'z']);
    expect(segmentProducts([segment('e')], [], products)[0]).not.toHaveProperty('products');
  });

  it("gives the converter's segment products when nothing is hidden (the chainkg fixture)", async () => {
    const fixture = fileURLToPath(new URL('./fixtures/chainkg', import.meta.url));
    const out = join(temp(), 'listed');
    writeOutput(out, (await convertListed({ input: fixture, focus: ['电池', '280000'] })).files);
    const data = await readDataset([out]);
    expect(data.segments.some((s) => s.products?.length)).toBe(true);
    expect(segmentProducts(data.segments, data.inSegment, data.products)).toEqual(data.segments);
  });
});

describe('metrics', () => {
  it('ranks are 1-based, a firm not listed is a miss', () => {
    expect(rankOf(['a', 'b', 'c'], 'a')).toBe(1);
    expect(rankOf(['a', 'b', 'c'], 'c')).toBe(3);
    expect(rankOf(['a'], 'z')).toBeUndefined();
  });

  it('computes Hits@10, MRR and coverage from hand-made ranks', () => {
    const q = quality([1, 10, 11, undefined]);
    expect(q.pairs).toBe(4);
    expect(q.hitsAt10).toBe(0.5);
    expect(q.mrr).toBeCloseTo((1 + 1 / 10 + 1 / 11 + 0) / 4, 12);
    expect(q.coverage).toBe(0.75);
    expect(quality([])).toEqual({ pairs: 0, hitsAt10: 0, mrr: 0, coverage: 0 });
    expect(quality([2, 3], 2).hitsAt10).toBe(0.5);
  });

  it('knows what a random ranking gives on average', () => {
    expect(expectedRandom([20]).hitsAt10).toBe(0.5);
    expect(expectedRandom([5, 20]).hitsAt10).toBe(0.75);
    expect(expectedRandom([1]).mrr).toBe(1);
    expect(expectedRandom([2]).mrr).toBe(0.75);
  });
});

describe('baselines', () => {
  const sizes = new Map([
    ['rev', { revenue: 500 }],
    ['usd', { registeredCapital: 100, registeredCapitalCurrency: 'USD' }], // 710 in 10k CNY
    ['cny', { registeredCapital: 600 }],
    ['odd', { registeredCapital: 1e9, registeredCapitalCurrency: 'XXX' }], // no rate: unknown
    ['staff', { employees: 1e6 }],
    ['none', {}],
  ]);

  it('ranks by revenue, else capital in CNY, else employees; unknown last', () => {
    expect(sizeOf(sizes.get('usd'))).toEqual({ tier: 0, value: 710 });
    expect(sizeOf(sizes.get('staff'))).toEqual({ tier: 1, value: 1e6 });
    expect(sizeOf(undefined).tier).toBe(2);
    const ranked = bySize([...sizes.keys()], (id) => sizes.get(id), new Random(1));
    expect(ranked.slice(0, 4)).toEqual(['usd', 'cny', 'rev', 'staff']);
    expect(new Set(ranked.slice(4))).toEqual(new Set(['odd', 'none']));
  });

  it('puts ties in random order, the same for the same seed', () => {
    const pool = Array.from({ length: 30 }, (_, i) => `f${i}`);
    const a = bySize(pool, () => undefined, new Random(7));
    expect(bySize(pool, () => undefined, new Random(7))).toEqual(a);
    expect(a).not.toEqual(pool);
    expect(new Set(a)).toEqual(new Set(pool));
  });

  it('ranks the same pool as the model, plus the hidden firms it missed', () => {
    const s = { segmentId: 's', list: ['a', 'h1', 'b'], hidden: ['h1', 'h2'] };
    expect(poolOf(s)).toEqual(['a', 'h1', 'b', 'h2']);
    const sized = new Map([['h2', { revenue: 10 }]]);
    const figures = compare([s], (id) => sized.get(id));
    expect(figures.model).toMatchObject({ pairs: 2, hitsAt10: 0.5, mrr: 0.25, coverage: 0.5 });
    expect(figures.sizeOnly.coverage).toBe(1);
    expect(figures.sizeOnly.mrr).toBeGreaterThan(0.5); // h2 is the only firm with a size: first
    expect(figures.random.coverage).toBe(1);
    expect(figures.expected.hitsAt10).toBe(1); // a pool of 4: always in the top 10
  });

  it('averages the random baseline near its expected value', () => {
    const segments = Array.from({ length: 40 }, (_, i) => ({
      segmentId: `s${i}`,
      list: Array.from({ length: 40 }, (_, j) => `f${j}`),
      hidden: ['f3', 'f17'],
    }));
    const { randomMean, expected } = compare(segments, () => undefined);
    expect(expected.hitsAt10).toBe(0.25);
    expect(Math.abs(randomMean.hitsAt10 - expected.hitsAt10)).toBeLessThan(0.03);
    expect(Math.abs(randomMean.mrr - expected.mrr)).toBeLessThan(0.02);
  });
});

describe('the generated set', () => {
  it('is the same every run and reads without problems', async () => {
    expect(generateB12()).toEqual(generateB12());
    const dir = join(temp(), 'generated');
    writeGeneratedB12(dir);
    const data = await readDataset([dir]);
    expect(data.chains).toHaveLength(3);
    expect(data.enterprises).toHaveLength(900);
    expect(data.supplies.length).toBeGreaterThan(100);
    expect(data.segments.every((s) => (s.products?.length ?? 0) > 0)).toBe(true);
  });

  it("lets product match carry signal: most members make one of their segment's products", () => {
    const data = generateB12();
    const productsOf = new Map(data.segments.map((s) => [s.id, new Set(s.products)]));
    const makes = new Map<string, string[]>();
    for (const p of data.products) makes.set(p.enterpriseId, [...(makes.get(p.enterpriseId) ?? []), p.product]);
    const fits = data.inSegment.filter((m) =>
      makes.get(m.enterpriseId)?.some((p) => productsOf.get(m.segmentId)?.has(p)),
    );
    expect(fits.length / data.inSegment.length).toBeGreaterThan(0.8);
    const outsiders = data.enterprises.filter((e) => !data.inSegment.some((m) => m.enterpriseId === e.id));
    expect(outsiders.length).toBeGreaterThan(150); // firms that make such products without being members
  });
});
