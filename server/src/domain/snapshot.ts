/**
 * A chain as it stood at one moment (链况快照): its figures, which of its segments were gaps, which
 * firms worked in it and which supply links ran into them. A snapshot is taken at every import
 * and on request; two of them, or one and the chain as it is now, say what changed between two
 * monthly meetings (analysis/changes.ts). It keeps names beside ids, so a firm or a segment that
 * has since left the data can still be named.
 */
export interface ChainSnapshot {
  chainId: string;
  /** ISO time it was taken. */
  takenAt: string;
  cause: SnapshotCause;
  /** The import's or the requester's note. */
  note: string;
  figures: ChainFigures;
  /** Every segment, in the chain's order, with its need at the time. */
  segments: SnapshotSegment[];
  /** The firms working in the chain's segments, by id. */
  members: SnapshotMember[];
  /** The supply links into members (one per supplier and customer, whatever the products). */
  links: SnapshotLink[];
  /** The suppliers of those links that are not members, so that a link can be named. */
  suppliers: SnapshotFirm[];
}

export type SnapshotCause = 'IMPORT' | 'REQUEST';

/** The headline figures of a chain, as its card and brief show them. */
export interface ChainFigures {
  /** Segments that are not groups (叶环节): what coverage counts. */
  segments: number;
  covered: number;
  /** covered / segments; null for a chain without segments. */
  coverage: number | null;
  fill: number;
  extend: number;
  strengthen: number;
  /** Local sourcing by count of links (本地配套率); null when there is no supply to measure. */
  localSourcing: number | null;
  /** Local firms that are the sole supplier of an input to a local member. */
  chokepoints: number;
  members: number;
  localMembers: number;
  links: number;
}

export type SegmentNeed = 'FILL' | 'EXTEND' | 'STRENGTHEN' | 'OK';

export interface SnapshotSegment {
  id: string;
  name: string;
  need: SegmentNeed;
  /** A group of sub-segments: its need is its children's. */
  group: boolean;
}

export interface SnapshotFirm {
  id: string;
  name: string;
  local: boolean;
}

export interface SnapshotMember extends SnapshotFirm {
  segmentIds: string[];
}

export interface SnapshotLink {
  from: string;
  to: string;
}

/** What a snapshot list shows: when, why, and the figures. */
export type SnapshotFigures = Pick<ChainSnapshot, 'chainId' | 'takenAt' | 'cause' | 'note' | 'figures'>;
