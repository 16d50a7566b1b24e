import type { Supplies } from '../domain/model';
import type { ChainSubgraph, EnterpriseRecord } from '../domain/records';
import { DEFAULT_GAP_PARAMS, type GapParams, type GapReport, gapReport } from './gap-report';

/**
 * What-if (招商推演): the chain's report with hypothetical enterprises added — in segments, with
 * supply links to and from members — against the report as it is, and what changed. Nothing is
 * written anywhere: the additions live only in a copy of the subgraph.
 */
export interface HypotheticalEnterprise {
  /** Defaults to a made-up id (what-if-1, …). */
  id?: string;
  name: string;
  /** Inside the district; default true (the point of attracting it). */
  local?: boolean;
  segmentIds: string[];
  /** Members it would supply, and members that would supply it. */
  suppliesTo?: string[];
  suppliedBy?: string[];
  /** What its supply links carry; default （假设）, an input of its own. */
  product?: string;
  revenue?: number;
}

export interface SegmentChange {
  segmentId: string;
  before: GapReport['segments'][number]['need'];
  after: GapReport['segments'][number]['need'];
  localSourcingBefore: number | null;
  localSourcingAfter: number | null;
}

export interface WhatIf {
  before: GapReport;
  after: GapReport;
  /** Segments whose need changed, or whose local sourcing rate moved. */
  changes: SegmentChange[];
  /** Segments that were FILL or EXTEND and are covered now. */
  gapsClosed: string[];
  overallLocalSourcing: { before: number | null; after: number | null };
  /** The hypothetical enterprises as they were added (made-up ids: no store knows them). */
  hypothetical: EnterpriseRecord[];
}

export function whatIf(
  graph: ChainSubgraph,
  additions: readonly HypotheticalEnterprise[],
  params: GapParams = DEFAULT_GAP_PARAMS,
): WhatIf {
  const before = gapReport(graph, params);
  const enterprises: EnterpriseRecord[] = [...graph.enterprises];
  const memberships = [...graph.memberships];
  const supplies: Supplies[] = [...graph.supplies];
  const hypothetical: EnterpriseRecord[] = [];
  additions.forEach((a, i) => {
    const id = a.id ?? `what-if-${i + 1}`;
    hypothetical.push({
      id,
      name: a.name,
      shortName: a.name,
      district: a.local === false ? '区外' : '本区',
      local: a.local ?? true,
      status: '假设',
      tags: ['假设'],
      role: 'OTHER',
      ...(a.revenue !== undefined ? { revenue: a.revenue } : {}),
    });
    enterprises.push(hypothetical[hypothetical.length - 1] as EnterpriseRecord);
    for (const segmentId of a.segmentIds) memberships.push({ enterpriseId: id, segmentId });
    const link = (from: string, to: string): Supplies => ({
      from,
      to,
      product: a.product ?? '（假设）',
      source: 'what-if',
      confidence: 0,
    });
    for (const to of a.suppliesTo ?? []) supplies.push(link(id, to));
    for (const from of a.suppliedBy ?? []) supplies.push(link(from, id));
  });
  const after = gapReport({ ...graph, enterprises, memberships, supplies }, params);
  const changes: SegmentChange[] = [];
  after.segments.forEach((s, i) => {
    const b = before.segments[i];
    if (!b) return;
    if (b.need !== s.need || b.sourcing.byCount !== s.sourcing.byCount) {
      changes.push({
        segmentId: s.segmentId,
        before: b.need,
        after: s.need,
        localSourcingBefore: b.sourcing.byCount,
        localSourcingAfter: s.sourcing.byCount,
      });
    }
  });
  return {
    before,
    after,
    changes,
    gapsClosed: changes
      .filter((c) => (c.before === 'FILL' || c.before === 'EXTEND') && c.after !== 'FILL' && c.after !== 'EXTEND')
      .map((c) => c.segmentId),
    overallLocalSourcing: { before: before.sourcing.overall.byCount, after: after.sourcing.overall.byCount },
    hypothetical,
  };
}
