import { Random } from '@chain-atlas/seeds/random';
import type { Dataset, Makes, Segment } from '../src/domain/model';
import { SEGMENT_PRODUCTS } from '../src/import/listed/members';
import { byText } from '../src/import/listed/names';

/** B12 hides the segment memberships of this share of the firms that have any … */
export const HIDE_SHARE = 0.2;
/** … picked with this seed (seeds' mulberry32). */
export const HIDE_SEED = 12;

/** A hidden (firm, segment) membership: what the ranking should find again. */
export interface HiddenPair {
  enterpriseId: string;
  segmentId: string;
}

export interface Hidden {
  /** The data set without the hidden firms' memberships, segment products recomputed. */
  dataset: Dataset;
  /** The firms picked, sorted. */
  firms: string[];
  pairs: HiddenPair[];
  /** How many firms had a membership before the hiding. */
  firmsWithMemberships: number;
}

/**
 * Picks round(share × n) of the n firms with a membership (the sorted ids shuffled with `seed`) and
 * drops all their in_segment rows, and their anchor rows: the converter picks a chain's owners
 * among its members, so an owner row would tell. Every segment's products are then recomputed
 * from its visible members (segmentProducts), so the hidden firms do not leak into them.
 */
export function hideMemberships(data: Dataset, share = HIDE_SHARE, seed = HIDE_SEED): Hidden {
  const all = [...new Set(data.inSegment.map((m) => m.enterpriseId))].sort(byText);
  const firms = new Random(seed).sample(all, Math.round(share * all.length)).sort(byText);
  const hidden = new Set(firms);
  const inSegment = data.inSegment.filter((m) => !hidden.has(m.enterpriseId));
  const pairs = data.inSegment
    .filter((m) => hidden.has(m.enterpriseId))
    .map(({ enterpriseId, segmentId }) => ({ enterpriseId, segmentId }));
  const segments = segmentProducts(data.segments, inSegment, data.products);
  const anchors = data.anchors.filter((a) => !hidden.has(a.enterpriseId));
  return { dataset: { ...data, inSegment, segments, anchors }, firms, pairs, firmsWithMemberships: all.length };
}

/**
 * Product names too general to say what a segment is about. The converter's rule (GENERIC in
 * server/src/import/listed/members.ts) is not exported and B12 may not change the converter, so it
 * is restated here; server/test/b12-metrics.test.ts checks that both give the same products.
 */
const GENERIC =
  /其他|其它|^(主营业务|技术服务|服务|销售|贸易|租赁|材料销售|商品销售|销售商品|配件|劳务|工程施工|材料|加工费)$/;

/**
 * Every segment's products as the converter computes them (members.ts, topProducts, restated
 * because it is not exported): the SEGMENT_PRODUCTS non-generic products made by most of the
 * segment's firms, then by the larger summed share of revenue, then by name. A segment with parts
 * (a parent) ranks the products of its parts' firms; one with none left loses `products`.
 */
export function segmentProducts(
  segments: readonly Segment[],
  memberships: readonly { enterpriseId: string; segmentId: string }[],
  products: readonly Makes[],
): Segment[] {
  const membersOf = new Map<string, string[]>();
  for (const m of memberships) push(membersOf, m.segmentId, m.enterpriseId);
  const partsOf = new Map<string, string[]>();
  for (const s of segments) if (s.parentId !== undefined) push(partsOf, s.parentId, s.id);
  const makes = new Map<string, Makes[]>();
  for (const p of products) push(makes, p.enterpriseId, p);

  return segments.map((segment) => {
    const parts = partsOf.get(segment.id);
    const firms = parts ? parts.flatMap((id) => membersOf.get(id) ?? []) : (membersOf.get(segment.id) ?? []);
    const tally = new Map<string, { firms: number; weight: number }>();
    for (const firm of new Set(firms)) {
      for (const { product, share } of makes.get(firm) ?? []) {
        if (GENERIC.test(product)) continue;
        const t = tally.get(product) ?? { firms: 0, weight: 0 };
        t.firms += 1;
        t.weight += share ?? 0;
        tally.set(product, t);
      }
    }
    const top = [...tally]
      .sort(([a, x], [b, y]) => y.firms - x.firms || y.weight - x.weight || byText(a, b))
      .slice(0, SEGMENT_PRODUCTS)
      .map(([p]) => p);
    if (top.length > 0) return { ...segment, products: top };
    const { products: _none, ...rest } = segment;
    return rest;
  });
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
