import { compareIds } from '../domain/compare';
import type {
  ChainSnapshot,
  SegmentNeed,
  SnapshotFigures,
  SnapshotFirm,
  SnapshotMember,
  SnapshotSegment,
} from '../domain/snapshot';

/**
 * What changed in a chain between two snapshots (自上次会议以来): gaps closed and opened, every
 * segment whose need moved, firms that entered or left the chain, supply links won and lost, and
 * the figures before and after. Pure: the two snapshots are all it reads.
 */
export interface ChainChanges {
  chainId: string;
  before: SnapshotFigures;
  after: SnapshotFigures;
  /** Segments that were a gap (FILL or EXTEND) and are not now, or have left the chain. */
  gapsClosed: NeedChange[];
  /** Segments that are a gap now and were not, or are new to the chain. */
  gapsOpened: NeedChange[];
  /** Every segment (not group) whose need changed, the gaps above included. */
  needs: NeedChange[];
  entered: MemberChange[];
  left: MemberChange[];
  linksAdded: LinkChange[];
  linksLost: LinkChange[];
}

export interface NeedChange {
  segmentId: string;
  name: string;
  /** null: the segment was not in the chain then. */
  before: SegmentNeed | null;
  /** null: the segment is not in the chain now. */
  after: SegmentNeed | null;
}

export interface MemberChange {
  firm: SnapshotFirm;
  /** The segments it works in (entered: now; left: then). */
  segmentIds: string[];
}

export interface LinkChange {
  from: SnapshotFirm;
  to: SnapshotFirm;
}

const headOf = ({ chainId, takenAt, cause, note, figures }: ChainSnapshot): SnapshotFigures => ({
  chainId,
  takenAt,
  cause,
  note,
  figures,
});

const isGap = (need: SegmentNeed | null) => need === 'FILL' || need === 'EXTEND';

export function chainChanges(before: ChainSnapshot, after: ChainSnapshot): ChainChanges {
  const needs = needChanges(before.segments, after.segments);
  const membersBefore = new Map(before.members.map((m) => [m.id, m]));
  const membersAfter = new Map(after.members.map((m) => [m.id, m]));
  const only = (a: Map<string, SnapshotMember>, b: Map<string, SnapshotMember>): MemberChange[] =>
    [...a.values()]
      .filter((m) => !b.has(m.id))
      .map(({ segmentIds, ...firm }) => ({ firm, segmentIds }))
      .sort((x, y) => compareIds(x.firm.id, y.firm.id));
  return {
    chainId: after.chainId,
    before: headOf(before),
    after: headOf(after),
    gapsClosed: needs.filter((n) => isGap(n.before) && !isGap(n.after)),
    gapsOpened: needs.filter((n) => isGap(n.after) && !isGap(n.before)),
    needs,
    entered: only(membersAfter, membersBefore),
    left: only(membersBefore, membersAfter),
    linksAdded: linksOnlyIn(after, before),
    linksLost: linksOnlyIn(before, after),
  };
}

function needChanges(before: readonly SnapshotSegment[], after: readonly SnapshotSegment[]): NeedChange[] {
  const then = new Map(before.filter((s) => !s.group).map((s) => [s.id, s]));
  const now = new Map(after.filter((s) => !s.group).map((s) => [s.id, s]));
  const changes: NeedChange[] = [];
  // the chain's order now, then the segments it has lost in their order then
  for (const s of now.values()) {
    const was = then.get(s.id);
    if (was?.need !== s.need) changes.push({ segmentId: s.id, name: s.name, before: was?.need ?? null, after: s.need });
  }
  for (const s of then.values())
    if (!now.has(s.id)) changes.push({ segmentId: s.id, name: s.name, before: s.need, after: null });
  return changes;
}

/** The links of `a` that `b` lacks, with both ends named as `a` knew them. */
function linksOnlyIn(a: ChainSnapshot, b: ChainSnapshot): LinkChange[] {
  const key = (l: { from: string; to: string }) => `${l.from}\u0000${l.to}`;
  const inB = new Set(b.links.map(key));
  const firms = new Map<string, SnapshotFirm>();
  for (const { segmentIds: _, ...firm } of a.members) firms.set(firm.id, firm);
  for (const firm of a.suppliers) firms.set(firm.id, firm);
  const firm = (id: string): SnapshotFirm => firms.get(id) ?? { id, name: id, local: false };
  return a.links.filter((l) => !inB.has(key(l))).map((l) => ({ from: firm(l.from), to: firm(l.to) }));
}
