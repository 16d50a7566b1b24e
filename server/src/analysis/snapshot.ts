import { compareIds } from '../domain/compare';
import type { ChainRecord, ChainSubgraph } from '../domain/records';
import type {
  ChainFigures,
  ChainSnapshot,
  SnapshotCause,
  SnapshotFirm,
  SnapshotLink,
  SnapshotMember,
  SnapshotSegment,
} from '../domain/snapshot';
import type { GapReport } from './gap-report';

/**
 * A chain's snapshot from its subgraph and its gap report (with the default parameters: the
 * figures a chain card shows). Pure; the caller says when and why.
 */
export function chainSnapshot(
  graph: ChainSubgraph,
  report: GapReport,
  taken: { at: string; cause: SnapshotCause; note: string },
): ChainSnapshot {
  const chain = graph.chain;
  const groups = groupIds(chain);
  const inChain = new Set(chain.segments.map((s) => s.id));
  const segmentsOf = new Map<string, string[]>();
  for (const m of graph.memberships) {
    if (!inChain.has(m.segmentId)) continue;
    const list = segmentsOf.get(m.enterpriseId);
    if (list) list.push(m.segmentId);
    else segmentsOf.set(m.enterpriseId, [m.segmentId]);
  }
  const byId = new Map(graph.enterprises.map((e) => [e.id, e]));
  const members: SnapshotMember[] = [...segmentsOf]
    .map(([id, segmentIds]) => {
      const e = byId.get(id);
      return {
        id,
        name: e?.name ?? id,
        local: e?.local ?? false,
        segmentIds: [...new Set(segmentIds)].sort(compareIds),
      };
    })
    .sort((a, b) => compareIds(a.id, b.id));
  const links = uniqueLinks(graph.supplies.filter((s) => segmentsOf.has(s.to)));
  const suppliers: SnapshotFirm[] = [...new Set(links.map((l) => l.from).filter((id) => !segmentsOf.has(id)))]
    .sort(compareIds)
    .map((id) => {
      const e = byId.get(id);
      return { id, name: e?.name ?? id, local: e?.local ?? false };
    });
  const needOf = new Map(report.segments.map((s) => [s.segmentId, s.need]));
  const segments: SnapshotSegment[] = chain.segments.map((s) => ({
    id: s.id,
    name: s.name,
    need: needOf.get(s.id) ?? 'OK',
    group: groups.has(s.id),
  }));
  return {
    chainId: chain.id,
    takenAt: taken.at,
    cause: taken.cause,
    note: taken.note,
    figures: figuresOf(report, segments, members, links),
    segments,
    members,
    links,
    suppliers,
  };
}

function figuresOf(
  report: GapReport,
  segments: readonly SnapshotSegment[],
  members: readonly SnapshotMember[],
  links: readonly SnapshotLink[],
): ChainFigures {
  const leaves = report.segments.filter((s) => s.childIds.length === 0);
  const count = (need: string) => leaves.filter((s) => s.need === need).length;
  const covered = leaves.filter((s) => s.covered).length;
  const leafCount = segments.filter((s) => !s.group).length;
  return {
    segments: leafCount,
    covered,
    coverage: leafCount === 0 ? null : covered / leafCount,
    fill: count('FILL'),
    extend: count('EXTEND'),
    strengthen: count('STRENGTHEN'),
    localSourcing: report.sourcing.overall.byCount,
    chokepoints: report.chokepoints.supplierIds.length,
    members: members.length,
    localMembers: members.filter((m) => m.local).length,
    links: links.length,
  };
}

function groupIds(chain: ChainRecord): Set<string> {
  const ids = new Set(chain.segments.map((s) => s.id));
  return new Set(chain.segments.flatMap((s) => (s.parentId !== undefined && ids.has(s.parentId) ? [s.parentId] : [])));
}

function uniqueLinks(supplies: readonly { from: string; to: string }[]): SnapshotLink[] {
  const seen = new Map<string, SnapshotLink>();
  for (const s of supplies) seen.set(`${s.from}\u0000${s.to}`, { from: s.from, to: s.to });
  return [...seen.values()].sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to));
}
