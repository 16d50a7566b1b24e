import type { Candidate } from './candidates';
import { chainCustomers, rankCandidates } from './candidates';
import { type Centrality, findCentrality } from './centrality';
import { type Chokepoints, findChokepoints } from './chokepoints';
import { classifyUncovered, type ExtendDirection } from './coverage';
import {
  bySupplierSegment,
  intoLocalMembers,
  type OutsideSupplier,
  outsideSuppliers,
  rateOf,
  type SourcingRate,
} from './sourcing';
import { ChainIndexView, type ChainSubgraph } from './subgraph';

/**
 * The chain analysis: for every segment of a chain, whether it is covered, and what the chain
 * needs there — FILL (补链), EXTEND (延链) or STRENGTHEN (强链) — with its reasons, local sourcing
 * (本地配套率), chokepoints (single sources), centrality, and ranked, explained candidates for
 * every gap. Pure: it reads a ChainSubgraph and nothing else.
 */
export interface GapParams {
  /** Local enterprises a segment needs to count as covered. */
  minCover: number;
  /** Local enterprises below which a covered segment is weak (FEW_FIRMS). */
  minFirms: number;
  /** Local sourcing rate (by count) below which a segment is weak (LOW_LOCAL_SOURCING). */
  minLocalSourcing: number;
}

export const DEFAULT_GAP_PARAMS: GapParams = { minCover: 1, minFirms: 3, minLocalSourcing: 0.5 };

export type StrengthenReason = 'FEW_FIRMS' | 'LOW_LOCAL_SOURCING' | 'SINGLE_LOCAL_SUPPLIER' | 'CHOKEPOINT';

export interface SegmentReport {
  segmentId: string;
  localIds: string[];
  outsideIds: string[];
  covered: boolean;
  /** OK: covered, and not weak. */
  need: 'FILL' | 'EXTEND' | 'STRENGTHEN' | 'OK';
  direction?: ExtendDirection;
  reasons: StrengthenReason[];
  sourcing: SourcingRate;
  /**
   * The firms a STRENGTHEN reason names: the single local supplier (SINGLE_LOCAL_SUPPLIER), and
   * the local firms of the segment that are the sole supplier of an input to a local chain member
   * (CHOKEPOINT).
   */
  chokepointIds: string[];
  candidates: Candidate[];
}

export interface GapReport {
  chainId: string;
  params: GapParams;
  segments: SegmentReport[];
  sourcing: {
    overall: SourcingRate;
    byAnchor: { enterpriseId: string; rate: SourcingRate }[];
    outsideSuppliers: OutsideSupplier[];
  };
  /** Single-source dependencies: what CHOKEPOINT stands on. */
  chokepoints: Chokepoints;
  /** Where the supply flow hangs together; information only, never a reason. */
  centrality: Centrality;
}

export function gapReport(graph: ChainSubgraph, params: GapParams = DEFAULT_GAP_PARAMS): GapReport {
  const view = new ChainIndexView(graph);
  const segments = graph.chain.segments;
  const covered = new Set(segments.filter((s) => view.localIn(s.id).length >= params.minCover).map((s) => s.id));
  const uncovered = new Map(
    classifyUncovered(
      segments.map((s) => s.id),
      graph.chain.feeds,
      covered,
    ).map((u) => [u.segmentId, u]),
  );
  const centrality = findCentrality(view);
  const chokepoints = findChokepoints(view, centrality.bridges);
  const soleSuppliers = new Set(chokepoints.supplierIds);
  const downstreamOf = (segmentId: string) =>
    new Set(graph.chain.feeds.filter((f) => f.from === segmentId).map((f) => f.to));
  const into = intoLocalMembers(view);
  const fromSegment = bySupplierSegment(view, into);
  const customers = chainCustomers(view, into);
  // outside suppliers of local members, by the segments those members work in
  const outsideByCustomerSegment = new Map<string, Set<string>>();
  for (const s of into) {
    if (view.isLocal(s.from)) continue;
    for (const seg of view.segmentsOf.get(s.to) ?? []) {
      const set = outsideByCustomerSegment.get(seg) ?? new Set<string>();
      set.add(s.from);
      outsideByCustomerSegment.set(seg, set);
    }
  }

  const reports = segments.map((segment): SegmentReport => {
    const localIds = view.localIn(segment.id);
    const outsideIds = view.outsideIn(segment.id);
    const segmentSupply = fromSegment.get(segment.id) ?? [];
    const sourcing = rateOf(view, segmentSupply);
    const gap = uncovered.get(segment.id);
    const reasons: StrengthenReason[] = [];
    const concerned = new Set<string>();
    if (!gap) {
      if (localIds.length < params.minFirms) {
        reasons.push('FEW_FIRMS');
      }
      if (sourcing.byCount !== null && sourcing.byCount < params.minLocalSourcing) reasons.push('LOW_LOCAL_SOURCING');
      const localSuppliers = new Set(segmentSupply.filter((s) => view.isLocal(s.from)).map((s) => s.from));
      if (localSuppliers.size === 1) {
        reasons.push('SINGLE_LOCAL_SUPPLIER');
        for (const id of localSuppliers) concerned.add(id);
      }
      const choke = localIds.filter((id) => soleSuppliers.has(id));
      if (choke.length > 0) {
        reasons.push('CHOKEPOINT');
        for (const id of choke) concerned.add(id);
      }
    }
    const need = gap ? gap.kind : reasons.length > 0 ? 'STRENGTHEN' : 'OK';
    // outside firms in the segment; for STRENGTHEN also the outside suppliers of local members downstream of it
    const pool = [...outsideIds];
    if (need === 'STRENGTHEN') {
      const downstream = downstreamOf(segment.id);
      for (const seg of [segment.id, ...downstream]) pool.push(...(outsideByCustomerSegment.get(seg) ?? []));
    }
    return {
      segmentId: segment.id,
      localIds,
      outsideIds,
      covered: !gap,
      need,
      ...(gap?.direction ? { direction: gap.direction } : {}),
      reasons,
      sourcing,
      chokepointIds: [...concerned].sort(),
      candidates: need === 'OK' ? [] : rankCandidates(view, customers, segment.id, pool),
    };
  });

  return {
    chainId: graph.chain.id,
    params,
    segments: reports,
    sourcing: {
      overall: rateOf(view, into),
      byAnchor: [...view.anchors]
        .sort()
        .map((enterpriseId) => ({ enterpriseId, rate: rateOf(view, view.suppliesInto.get(enterpriseId) ?? []) })),
      outsideSuppliers: outsideSuppliers(view, into).slice(0, 20),
    },
    chokepoints,
    centrality,
  };
}
