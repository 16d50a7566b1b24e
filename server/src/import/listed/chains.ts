import { type Chain, type Feeds, type Segment, TIERS, type Tier } from '../../domain/model';
import { type Industries, l3Under, level } from './industries';
import { byText } from './names';
import type { Report } from './report';

/** A chain's L3 segments by industry code, and its segments' rows. */
export interface BuiltChain {
  chain: Chain;
  segments: Segment[];
  feeds: Feeds[];
  /** L3 code → segment id. */
  l3: Map<string, string>;
}

/** industry_up links counted fewer times than this are noise and left out. */
export const MIN_UP_COUNT = 2;
/** L1 sectors that are services, not material flows: never an upstream or downstream segment. */
export const SERVICE_SECTORS = ['420000', '430000', '450000', '460000', '480000', '490000', '510000', '720000'];

/** The code of a focus given as an SW code or name (L1, L2 or L3); undefined if unknown. */
export function focusCode(industries: Industries, focus: string): string | undefined {
  const text = focus.trim();
  return industries.nameOf.has(text) ? text : industries.codeOf.get(text);
}

const l1Of = (ind: Industries, code: string) => {
  let at = code;
  while (level(at) > 1 && ind.parentOf.has(at)) at = ind.parentOf.get(at) as string;
  return at;
};

/** The chain around one focus industry (see docs/listed-data.md for the rules). */
export function buildChain(ind: Industries, code: string, report: Report): BuiltChain {
  const chainId = `chainkg-${code}`;
  const focusName = ind.nameOf.get(code) as string;
  const mid = l3Under(ind, code);
  const midSet = new Set(mid);
  const usable = (name: string) => {
    const c = ind.codeOf.get(name);
    if (!c || level(c) !== 3 || midSet.has(c) || SERVICE_SECTORS.includes(l1Of(ind, c))) return undefined;
    return c;
  };
  const upEvidence = new Map<string, number>();
  const downEvidence = new Map<string, number>();
  const add = (m: Map<string, number>, c: string, n: number) => m.set(c, (m.get(c) ?? 0) + n);
  for (const m of mid) {
    for (const [name, n] of ind.ups.get(ind.nameOf.get(m) as string) ?? []) {
      const c = n >= MIN_UP_COUNT ? usable(name) : undefined;
      if (c) add(upEvidence, c, n);
    }
  }
  for (const [name, ups] of ind.ups) {
    for (const m of mid) {
      const n = ups.get(ind.nameOf.get(m) as string) ?? 0;
      const c = n >= MIN_UP_COUNT ? usable(name) : undefined;
      if (c) add(downEvidence, c, n);
    }
  }
  const tierOf = new Map<string, Tier>(mid.map((m) => [m, 'MIDSTREAM']));
  for (const [c, n] of upEvidence) if (n >= (downEvidence.get(c) ?? 0)) tierOf.set(c, 'UPSTREAM');
  for (const [c, n] of downEvidence) if (!tierOf.has(c) && n > 0) tierOf.set(c, 'DOWNSTREAM');
  for (const [c] of downEvidence)
    if (upEvidence.has(c)) report.note('chains: industries both upstream and downstream (placed by the larger count)');

  const { segments, l3 } = layOut(ind, chainId, tierOf);
  const feeds: Feeds[] = [];
  for (const [to, toId] of l3) {
    for (const [name, n] of ind.ups.get(ind.nameOf.get(to) as string) ?? []) {
      const fromId = l3.get(ind.codeOf.get(name) ?? '');
      if (n >= MIN_UP_COUNT && fromId && fromId !== toId) feeds.push({ from: fromId, to: toId });
    }
  }
  feeds.sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to));
  const count = (t: Tier) => [...tierOf.values()].filter((x) => x === t).length;
  const description =
    `申万2021「${focusName}」(${code}) 的 ${count('MIDSTREAM')} 个三级行业为中游；` +
    `上游 ${count('UPSTREAM')} 个、下游 ${count('DOWNSTREAM')} 个三级行业据 chainkg industry_up（次数 ≥ ${MIN_UP_COUNT}）推出。`;
  return { chain: { id: chainId, name: `${focusName}产业链`, description }, segments, feeds, l3 };
}

const TIER_WORD: Record<Tier, string> = { UPSTREAM: 'up', MIDSTREAM: 'mid', DOWNSTREAM: 'down' };

/**
 * Segments in order: tier by tier, upstream first; in a tier by industry code, a parent (an L2
 * group of 2+ of the tier's L3 segments) just before its parts.
 */
function layOut(ind: Industries, chainId: string, tierOf: Map<string, Tier>) {
  const segments: Segment[] = [];
  const l3 = new Map<string, string>();
  for (const tier of TIERS) {
    const codes = [...tierOf].filter(([, t]) => t === tier).map(([c]) => c);
    const groups = new Map<string, string[]>();
    for (const c of codes.sort(byText)) {
      const parent = ind.parentOf.get(c) ?? c;
      groups.set(parent, [...(groups.get(parent) ?? []), c]);
    }
    for (const parent of [...groups.keys()].sort(byText)) {
      const parts = groups.get(parent) as string[];
      let parentId: string | undefined;
      if (parts.length >= 2 && ind.nameOf.has(parent)) {
        parentId = `${chainId}-${parent}-${TIER_WORD[tier]}`;
        const name = ind.nameOf.get(parent) as string;
        segments.push({ id: parentId, chainId, name, tier, order: segments.length + 1, keywords: [name] });
      }
      for (const c of parts) {
        const id = `${chainId}-${c}`;
        const name = ind.nameOf.get(c) as string;
        l3.set(c, id);
        segments.push({
          id,
          chainId,
          name,
          tier,
          order: segments.length + 1,
          ...(parentId ? { parentId } : {}),
          keywords: [name],
        });
      }
    }
  }
  return { segments, l3 };
}
