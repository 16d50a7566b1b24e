import { toCny } from '../domain/currency';
import { sameRegion } from '../domain/names';
import type { EnterpriseRecord } from '../domain/records';
import { productProfile, profileFit } from './product-profile';
import type { ChainIndexView } from './subgraph';

/**
 * The terms of a candidate's score, each a value in [0, 1] or null when it is not known (never a
 * zero in its place). docs/analysis.md, Candidates, says how each is measured.
 */
export type TermKey = 'PRODUCT_MATCH' | 'WORKS_IN_SEGMENT' | 'PROXIMITY' | 'ADJACENCY' | 'SCALE' | 'DISTANCE';
export const TERM_KEYS: readonly TermKey[] = [
  'PRODUCT_MATCH',
  'WORKS_IN_SEGMENT',
  'PROXIMITY',
  'ADJACENCY',
  'SCALE',
  'DISTANCE',
];

/** One term of a candidate's score, as the candidate shows it. */
export interface ScoreTerm {
  key: TermKey;
  label: string;
  /** In [0, 1]; null when not known for this firm. */
  value: number | null;
  weight: number;
  /** This term's share of the score (the points of the known terms sum to the score); null when missing. */
  points: number | null;
}

export type CandidateWeights = Record<TermKey, number>;
export const DEFAULT_WEIGHTS: CandidateWeights = {
  PRODUCT_MATCH: 4,
  WORKS_IN_SEGMENT: 3,
  PROXIMITY: 3,
  ADJACENCY: 2,
  SCALE: 1,
  DISTANCE: 1,
};

export const TERM_LABELS: Record<TermKey, string> = {
  PRODUCT_MATCH: '产品匹配',
  WORKS_IN_SEGMENT: '从事该环节',
  PROXIMITY: '供应链邻近（已向链上企业供货）',
  ADJACENCY: '相邻环节',
  SCALE: '规模',
  DISTANCE: '同省',
};

/** What the terms of one firm measured, and the facts a reason is made of. */
export interface Measured {
  values: Record<TermKey, number | null>;
  /** The firm's products that fit the segment (PRODUCT_MATCH). */
  products: string[];
  /** Chain members and anchors it supplies (PROXIMITY). */
  customers: number;
  anchors: number;
  /** Its size in CNY (10k) or employees, for ties; 0 when unknown. */
  size: number;
}

/** A measure of size: revenue in 10k CNY, else registered capital in 10k CNY, else employees. */
function sizeOf(e: EnterpriseRecord): { measure: 'revenue' | 'capital' | 'employees'; amount: number } | undefined {
  if (e.revenue !== undefined) return { measure: 'revenue', amount: e.revenue };
  const capital =
    e.registeredCapital === undefined ? undefined : toCny(e.registeredCapital, e.registeredCapitalCurrency);
  if (capital !== undefined) return { measure: 'capital', amount: capital };
  if (e.employees !== undefined) return { measure: 'employees', amount: e.employees };
  return undefined;
}

const isListed = (e: EnterpriseRecord) => e.stockCode !== undefined || e.tags.includes('上市');

/** What does not depend on the segment: computed once per firm and view. */
interface FirmFacts {
  customers: number;
  anchors: number;
  size: ReturnType<typeof sizeOf>;
  listed: boolean;
  /** In the home province: null when not known. */
  home: number | null;
}

function factsOf(view: ChainIndexView, id: string): FirmFacts {
  const byView = view.kept('firm facts', () => new Map<string, FirmFacts>());
  const known = byView.get(id);
  if (known) return known;
  const e = view.enterprise.get(id) as EnterpriseRecord;
  const customers = new Set<string>();
  let anchors = 0;
  for (const s of view.suppliesFrom.get(id) ?? []) {
    if (!view.segmentsOf.has(s.to) || s.to === id || customers.has(s.to)) continue;
    customers.add(s.to);
    if (view.anchors.has(s.to)) anchors++;
  }
  const home = view.graph.home;
  const province = home?.province ?? home?.name;
  const made: FirmFacts = {
    customers: customers.size,
    anchors,
    size: sizeOf(e),
    listed: isListed(e),
    home: !province || !e.province ? null : sameRegion(e.province, province) ? 1 : 0,
  };
  byView.set(id, made);
  return made;
}

/** The terms of every firm of a pool for one segment: scale is measured against the pool. */
export function measure(view: ChainIndexView, segmentId: string, pool: readonly string[]): Map<string, Measured> {
  const largest = new Map<string, number>();
  for (const id of pool) {
    const size = factsOf(view, id).size;
    if (size) largest.set(size.measure, Math.max(largest.get(size.measure) ?? 0, size.amount));
  }
  const near = neighbours(view, segmentId);
  const profile = productProfile(view, segmentId);
  const out = new Map<string, Measured>();
  for (const id of pool) {
    const f = factsOf(view, id);
    const fit = profileFit(view, profile, id);
    const own = view.segmentsOf.get(id) ?? [];
    let adjacency = 0;
    for (const s of own) adjacency = Math.max(adjacency, near.get(s) ?? 0);
    const top = f.size ? (largest.get(f.size.measure) as number) : 0;
    const scale = f.size ? (top > 0 ? Math.log10(1 + f.size.amount) / Math.log10(1 + top) : 0) : f.listed ? 0.5 : null;
    out.set(id, {
      values: {
        PRODUCT_MATCH: fit?.value ?? null,
        // where a firm tagged to no segment of the chain works is not known: not 0
        WORKS_IN_SEGMENT: own.length === 0 ? null : own.includes(segmentId) ? 1 : 0,
        PROXIMITY: 1 - 0.5 ** (f.customers + f.anchors),
        ADJACENCY: own.length === 0 ? null : adjacency,
        SCALE: scale,
        DISTANCE: f.home,
      },
      products: fit?.products ?? [],
      customers: f.customers,
      anchors: f.anchors,
      size: f.size?.measure === 'employees' ? 0 : (f.size?.amount ?? 0),
    });
  }
  return out;
}

/**
 * How near other segments are to `segmentId` in the template: 1 for one that feeds it or that it
 * feeds, 0.5 for two steps either way or a sibling under the same parent.
 */
export function neighbours(view: ChainIndexView, segmentId: string): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const f of view.graph.chain.feeds) {
    next.set(f.from, [...(next.get(f.from) ?? []), f.to]);
    next.set(f.to, [...(next.get(f.to) ?? []), f.from]);
  }
  const out = new Map<string, number>();
  for (const one of next.get(segmentId) ?? []) out.set(one, 1);
  for (const one of next.get(segmentId) ?? [])
    for (const two of next.get(one) ?? []) if (!out.has(two)) out.set(two, 0.5);
  const parent = view.segment.get(segmentId)?.parentId;
  if (parent !== undefined)
    for (const sibling of view.childrenOf.get(parent) ?? []) if (!out.has(sibling)) out.set(sibling, 0.5);
  out.delete(segmentId);
  return out;
}
