import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from '@chain-atlas/seeds/random';
import type { Dataset, Enterprise, InSegment, Makes, Segment, Supplies, Tier } from '../src/domain/model';
import { toJsonLines } from '../src/interchange/format';
import { segmentProducts } from './b12-hide';

/** The generated set's seed: the same files every run. */
export const GENERATED_SEED = 12;

const CHAINS = ['电池', '光伏', '汽车'];
const TIERS: [Tier, string][] = [
  ['UPSTREAM', '上游'],
  ['MIDSTREAM', '中游'],
  ['DOWNSTREAM', '下游'],
];
const PROVINCES = ['湖北省', '广东省', '江苏省', '浙江省', '上海市', '四川省'];
const GENERIC = ['其他', '技术服务', '材料'];
const SOURCE = 'B12 generated set';

/**
 * A small set for B12 when the listed-company data is not there: 3 chains of 6 segments (2 a tier,
 * the midstream ones parts of a parent), each with 4 products of its own. Of `firms` firms, 75% are
 * members of one segment (a tenth of them of a second one too) and make 2 of its products, often a
 * stray product of another segment and a generic one; the rest are outsiders, most of whom make
 * 1–2 products of some segment too (they look like members, and are not). Members of a segment
 * buy from makers of the segments that feed it. Size (revenue, registered capital in CNY or USD,
 * employees, or none) is drawn independently of all that.
 */
export function generateB12(firms = 900, seed = GENERATED_SEED): Dataset {
  const random = new Random(seed);
  const chains = CHAINS.map((name, c) => ({ id: `b12-c${c + 1}`, name: `${name}产业链` }));
  const segments: Segment[] = [];
  const own = new Map<string, string[]>(); // leaf segment → its products
  const feeds: Dataset['feeds'] = [];
  for (const [c, chain] of chains.entries()) {
    const leaves: string[] = [];
    for (const [t, [tier, word]] of TIERS.entries()) {
      const parentId = tier === 'MIDSTREAM' ? `${chain.id}-mid` : undefined;
      if (parentId)
        segments.push({
          id: parentId,
          chainId: chain.id,
          name: `${CHAINS[c]}${word}`,
          tier,
          order: segments.length + 1,
        });
      for (const i of [1, 2]) {
        const id = `${chain.id}-s${t * 2 + i}`;
        const name = `${CHAINS[c]}${word}${i}`;
        segments.push({ id, chainId: chain.id, name, tier, order: segments.length + 1, keywords: [name] });
        if (parentId) (segments.at(-1) as Segment).parentId = parentId;
        own.set(
          id,
          [1, 2, 3, 4].map((k) => `${name}产品${k}`),
        );
        leaves.push(id);
      }
    }
    // upstream i → midstream i → downstream i, and a cross link between each two tiers
    for (const [a, b] of [
      [0, 2],
      [1, 3],
      [2, 4],
      [3, 5],
      [0, 3],
      [2, 5],
    ] as const)
      feeds.push({ from: leaves[a] as string, to: leaves[b] as string });
  }
  const leafIds = [...own.keys()];
  const chainOf = new Map(segments.map((s) => [s.id, s.chainId]));

  const enterprises: Enterprise[] = [];
  const inSegment: InSegment[] = [];
  const products: Makes[] = [];
  const makersOf = new Map<string, string[]>();
  const made = new Set<string>();
  const make = (enterpriseId: string, product: string) => {
    if (made.has(`${enterpriseId}\t${product}`)) return;
    made.add(`${enterpriseId}\t${product}`);
    products.push({ enterpriseId, product, share: random.round(0.05, 0.6, 3), source: SOURCE, confidence: 1 });
    makersOf.set(product, [...(makersOf.get(product) ?? []), enterpriseId]);
  };
  for (let n = 1; n <= firms; n++) {
    const id = `G${String(n).padStart(4, '0')}`;
    const province = random.pick(PROVINCES);
    enterprises.push({
      id,
      name: `链图测试${n}号有限公司`,
      shortName: `测试${n}`,
      province,
      local: false,
      tags: [],
      ...size(random),
    });
    const home = random.pick(leafIds);
    if (random.chance(0.75)) {
      const sameChain = leafIds.filter((s) => chainOf.get(s) === chainOf.get(home));
      const second = random.chance(0.1) ? random.pick(sameChain) : home;
      for (const segmentId of new Set([home, second]))
        inSegment.push({ enterpriseId: id, segmentId, source: SOURCE, confidence: 1 });
      for (const p of random.sample(own.get(home) as string[], 2)) make(id, p);
      if (random.chance(0.5)) make(id, random.pick(own.get(random.pick(leafIds)) as string[]));
      if (random.chance(0.3)) make(id, random.pick(GENERIC));
    } else if (random.chance(0.7)) {
      for (const p of random.sample(own.get(home) as string[], random.int(1, 2))) make(id, p);
    } else make(id, random.pick(own.get(random.pick(leafIds)) as string[]));
  }

  const supplies: Supplies[] = [];
  const seen = new Set<string>();
  for (const { from, to } of feeds) {
    for (const m of inSegment.filter((r) => r.segmentId === to)) {
      if (!random.chance(0.5)) continue;
      const product = random.pick(own.get(from) as string[]);
      for (const supplier of random.sample(makersOf.get(product) ?? [], random.int(1, 2))) {
        const key = `${supplier}\t${m.enterpriseId}\t${product}`;
        if (supplier === m.enterpriseId || seen.has(key)) continue;
        seen.add(key);
        supplies.push({ from: supplier, to: m.enterpriseId, product, source: SOURCE, confidence: 0.3 });
      }
    }
  }
  const anchors = chains.map((chain) => {
    const mid = inSegment.filter((r) => chainOf.get(r.segmentId) === chain.id && /-s[34]$/.test(r.segmentId));
    return { enterpriseId: (mid[0] as InSegment).enterpriseId, chainId: chain.id, source: SOURCE, confidence: 0.5 };
  });
  return {
    enterprises,
    chains,
    segments: segmentProducts(segments, inSegment, products),
    leaders: [],
    controls: [],
    supplies,
    inSegment,
    anchors,
    feeds,
    leads: [],
    products,
    district: [],
  };
}

/** Revenue (half), registered capital (a quarter; a fifth of those in USD), employees, or nothing. */
function size(random: Random): Partial<Enterprise> {
  const magnitude = () => Math.round(10 ** random.round(2, 6, 2));
  const r = random.next();
  if (r < 0.5) return { revenue: magnitude() };
  if (r < 0.75)
    return random.chance(0.2)
      ? { registeredCapital: magnitude(), registeredCapitalCurrency: 'USD' }
      : { registeredCapital: magnitude() };
  if (r < 0.85) return { employees: random.int(10, 5000) };
  return {};
}

/** Writes the generated set as interchange files (JSON Lines) into `dir`. */
export function writeGeneratedB12(dir: string, firms?: number): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of toJsonLines(generateB12(firms))) writeFileSync(join(dir, name), text);
}
