import type { ChainSubgraph } from '../domain/records';
import type { GapReport } from './gap-report';
import type { HypotheticalEnterprise, WhatIf } from './what-if';

/**
 * The effect of an investment lead landing (招商项目落地): the what-if of the firm set up in the
 * district — in the lead's segment (or the chain's segments it works in now), supplying the local
 * members it supplies today from outside (the firm outside stays: the landing is a local plant). Several leads landing together are one what-if.
 */
export interface LandingEffect {
  /** Leaf segments covered (a group counts through its segments), of `segments`. */
  coveredBefore: number;
  coveredAfter: number;
  segments: number;
  /** Segments that were FILL or EXTEND and would be covered. */
  gapsClosed: string[];
  localSourcingBefore: number | null;
  localSourcingAfter: number | null;
  /** Single-source dependencies of local members on one local supplier (chokepoints). */
  singleSourcesBefore: number;
  singleSourcesAfter: number;
}

/** The firm of a lead as a hypothetical local enterprise of the chain. */
export function landing(
  graph: ChainSubgraph,
  lead: { enterpriseId: string; segmentId?: string },
  name: string,
): HypotheticalEnterprise {
  const chainSegments = new Set(graph.chain.segments.map((s) => s.id));
  const segmentIds = lead.segmentId
    ? [lead.segmentId]
    : graph.memberships
        .filter((m) => m.enterpriseId === lead.enterpriseId && chainSegments.has(m.segmentId))
        .map((m) => m.segmentId);
  const members = new Set(graph.memberships.map((m) => m.enterpriseId));
  const links = graph.supplies.filter((s) => s.from === lead.enterpriseId && members.has(s.to));
  const suppliesTo = [...new Set(links.map((s) => s.to))];
  // its links carry what it supplies most: the input it supplies from outside today, so that the
  // local plant is a second source of it, not the single source of a made-up input
  const count = new Map<string, number>();
  for (const s of links) count.set(s.product, (count.get(s.product) ?? 0) + 1);
  const product = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return { name, local: true, segmentIds: [...new Set(segmentIds)], suppliesTo, ...(product ? { product } : {}) };
}

const covered = (r: GapReport) => r.segments.filter((s) => s.childIds.length === 0 && s.covered).length;

export function landingEffect(w: WhatIf): LandingEffect {
  return {
    coveredBefore: covered(w.before),
    coveredAfter: covered(w.after),
    segments: w.before.segments.filter((s) => s.childIds.length === 0).length,
    gapsClosed: w.gapsClosed,
    localSourcingBefore: w.overallLocalSourcing.before,
    localSourcingAfter: w.overallLocalSourcing.after,
    singleSourcesBefore: w.before.chokepoints.singleSources.length,
    singleSourcesAfter: w.after.chokepoints.singleSources.length,
  };
}
