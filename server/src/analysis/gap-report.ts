import type { Segment } from '../domain/model';
import type { ChainSubgraph } from '../domain/records';
import { type Candidate, type CandidateWeights, rankCandidates } from './candidates';
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
import { ChainIndexView } from './subgraph';

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
  /** The weights of the candidates' score terms, where they differ from the defaults. */
  weights?: Partial<CandidateWeights>;
}

export const DEFAULT_GAP_PARAMS: GapParams = { minCover: 1, minFirms: 3, minLocalSourcing: 0.5 };

/**
 * The parameters as one text, the same for the same parameters however their object was built
 * (weights in any order, a weight left out or undefined alike): what a report is kept by.
 */
export function gapParamsKey(params: GapParams): string {
  const weights = Object.entries(params.weights ?? {})
    .filter(([, w]) => w !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([term, w]) => `${term}=${w}`);
  return `${params.minCover}/${params.minFirms}/${params.minLocalSourcing}/${weights.join(',')}`;
}

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
  /**
   * A group's sub-segments (子环节); [] for a segment of its own. A group is covered when one of its
   * segments is, needs what the most pressing of them needs, and has no reasons or candidates of
   * its own: those are its segments'.
   */
  childIds: string[];
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

/**
 * `candidates: false` leaves every segment's candidates out (the figures alone, as a snapshot
 * keeps them): the ranking is most of a report's work.
 */
export function gapReport(
  graph: ChainSubgraph,
  params: GapParams = DEFAULT_GAP_PARAMS,
  { candidates = true }: { candidates?: boolean } = {},
): GapReport {
  const view = new ChainIndexView(graph);
  const segments = graph.chain.segments;
  // groups (segments with sub-segments) are covered when one of their segments is
  const leaves = segments.filter((s) => !view.isGroup(s.id));
  const covered = new Set(leaves.filter((s) => view.localIn(s.id).length >= params.minCover).map((s) => s.id));
  const uncovered = new Map(
    classifyUncovered(
      leaves.map((s) => s.id),
      graph.chain.feeds,
      covered,
    ).map((u) => [u.segmentId, u]),
  );
  const centrality = findCentrality(view);
  const chokepoints = findChokepoints(view, centrality.bridges);
  const soleSuppliers = new Set(chokepoints.supplierIds);
  const into = intoLocalMembers(view);
  const fromSegment = bySupplierSegment(view, into);

  const leafReport = (segment: Segment): SegmentReport => {
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
      candidates:
        need === 'OK' || !candidates
          ? []
          : rankCandidates(view, segment.id, {
              limit: MAX_CANDIDATES,
              ...(params.weights ? { weights: params.weights } : {}),
            }),
      childIds: [],
    };
  };
  const byId = new Map(leaves.map((s) => [s.id, leafReport(s)]));
  const groupReport = (segment: Segment): SegmentReport => {
    const below = view.descendants(segment.id).flatMap((id) => byId.get(id) ?? []);
    const localIds = view.localIn(segment.id);
    const isCovered = localIds.length >= params.minCover || below.some((r) => r.covered);
    return {
      segmentId: segment.id,
      localIds,
      outsideIds: view.outsideIn(segment.id),
      covered: isCovered,
      // what its segments need, the most pressing first
      need: NEEDS_BY_URGENCY.find((n) => below.some((r) => r.need === n)) ?? 'OK',
      reasons: [],
      sourcing: rateOf(view, fromSegment.get(segment.id) ?? []),
      chokepointIds: [],
      candidates: [],
      childIds: view.childrenOf.get(segment.id) ?? [],
    };
  };

  return {
    chainId: graph.chain.id,
    params,
    segments: segments.map((s) => byId.get(s.id) ?? groupReport(s)),
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

const NEEDS_BY_URGENCY = ['FILL', 'EXTEND', 'STRENGTHEN'] as const;

/** A gap report keeps a segment's best this many candidates (candidatesFor ranks them all). */
export const MAX_CANDIDATES = 200;
