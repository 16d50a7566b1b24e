import type { Dataset } from '../src/domain/model';
import type { ChainSubgraph } from '../src/domain/records';
import type { HiddenPair } from './b12-hide';

/** Why a hidden pair was not in the model's list, first reason that applies. */
export const MISS_REASONS = [
  'local (only outside firms are ranked)',
  'makes nothing and supplies nothing in the data',
  "makes none of the segment's products, not in the chain subgraph",
  "makes none of the segment's products, in the chain subgraph",
  "makes one of the segment's products, not in the chain subgraph",
  "makes one of the segment's products, in the chain subgraph",
] as const;
export type MissReason = (typeof MISS_REASONS)[number];

/** Look-ups over the reduced data set that explain the pairs: what each firm makes, and each segment's products. */
export class PairFacts {
  private readonly makes = new Map<string, Set<string>>();
  private readonly linked = new Set<string>();
  private readonly products = new Map<string, Set<string>>();
  private readonly local = new Set<string>();

  constructor(data: Dataset) {
    for (const p of data.products) {
      const set = this.makes.get(p.enterpriseId) ?? new Set<string>();
      set.add(p.product);
      this.makes.set(p.enterpriseId, set);
    }
    for (const s of data.supplies) this.linked.add(s.from).add(s.to);
    for (const s of data.segments) this.products.set(s.id, new Set(s.products ?? []));
    for (const e of data.enterprises) if (e.local) this.local.add(e.id);
  }

  /** The firm makes one of the segment's (recomputed) products. */
  makesProductOf(pair: HiddenPair): boolean {
    const wanted = this.products.get(pair.segmentId) ?? new Set<string>();
    return [...(this.makes.get(pair.enterpriseId) ?? [])].some((p) => wanted.has(p));
  }

  reason(pair: HiddenPair, graph: ChainSubgraph | undefined): MissReason {
    const id = pair.enterpriseId;
    if (this.local.has(id)) return MISS_REASONS[0];
    if (!this.makes.has(id) && !this.linked.has(id)) return MISS_REASONS[1];
    const inGraph = graph?.enterprises.some((e) => e.id === id) ?? false;
    const base = this.makesProductOf(pair) ? 4 : 2;
    return MISS_REASONS[base + (inGraph ? 1 : 0)] as MissReason;
  }
}

/** Counts of the missed pairs by reason (every reason listed, 0 included). */
export function missCounts(
  missed: readonly HiddenPair[],
  facts: PairFacts,
  graphOf: (segmentId: string) => ChainSubgraph | undefined,
): Record<MissReason, number> {
  const counts = Object.fromEntries(MISS_REASONS.map((r) => [r, 0])) as Record<MissReason, number>;
  for (const pair of missed) counts[facts.reason(pair, graphOf(pair.segmentId))] += 1;
  return counts;
}
