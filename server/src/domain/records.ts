import type { Chain, Controls, District, Enterprise, Feeds, Leader, Makes, Segment, Supplies } from './model';

/**
 * The records every layer passes around: an enterprise with its role, a chain with its template,
 * the relationships between enterprises, the systems (系) and what the chain analysis reads. A
 * store returns them (store/port.ts), the analysis reads them, the API shows them.
 */

/** An enterprise's place in the systems (系) of the district's root enterprises. */
export type EnterpriseRole = 'ROOT' | 'DIRECT' | 'AFFILIATE' | 'OTHER';

export interface EnterpriseRecord extends Enterprise {
  role: EnterpriseRole;
}

/** A relationship between two enterprises, as imported, with its kind. */
export type Relation = (Controls & { kind: 'CONTROLS' }) | (Supplies & { kind: 'SUPPLIES' });

/** What names a relationship between two enterprises: kind, ends and (for SUPPLIES) product. */
export type RelationKey =
  | { kind: 'CONTROLS'; from: string; to: string }
  | { kind: 'SUPPLIES'; from: string; to: string; product: string };

/** The stable id of a relationship: its kind, its ends and (for SUPPLIES) its product. */
export function relationId(r: RelationKey): string {
  return r.kind === 'CONTROLS' ? `CONTROLS:${r.from}>${r.to}` : `SUPPLIES:${r.from}>${r.to}:${r.product}`;
}

/** The key of a relationship id made by relationId; undefined when it is not one. */
export function parseRelationId(id: string): RelationKey | undefined {
  const m = /^(CONTROLS|SUPPLIES):([^>]+)>([^:]+)(?::(.+))?$/s.exec(id);
  if (!m) return undefined;
  const [, kind, from, to, product] = m as unknown as [string, string, string, string, string | undefined];
  if (kind === 'CONTROLS') return product === undefined ? { kind, from, to } : undefined;
  return product === undefined ? undefined : { kind: 'SUPPLIES', from, to, product };
}

export type EnterpriseOrder = 'RELEVANCE' | 'NAME' | 'REVENUE' | 'REGISTERED_CAPITAL' | 'EMPLOYEES' | 'FOUNDED_ON';

export interface ChainRecord extends Chain {
  segments: Segment[];
  feeds: Feeds[];
  leaders: Leader[];
  anchorIds: string[];
}

export interface SegmentMembership {
  enterprise: EnterpriseRecord;
  segmentId: string;
}

export interface SystemMember {
  enterprise: EnterpriseRecord;
  /** The root's share through the chain of CONTROLS, multiplied; 1 for the root. */
  effectiveShare: number;
  /** Levels below the root (0 for the root). */
  level: number;
}

export interface EnterpriseSystem {
  rootId: string;
  /** The root first, then its direct enterprises (直系) by level. */
  members: SystemMember[];
  /** Enterprises outside the system linked to a member by SUPPLIES, either direction. */
  affiliateIds: string[];
}

/**
 * What the chain analysis reads: one chain with its template, the enterprises working in its
 * segments, every supply link into one of them, and the supply links out of them to local firms
 * outside the chain (with the enterprises at the other ends). A store builds it (GraphStore.chainSubgraph); the analysis is pure functions over it.
 */
export interface ChainSubgraph {
  chain: ChainRecord;
  memberships: { enterpriseId: string; segmentId: string }[];
  /** Members, and the enterprises at the other end of the supplies. */
  enterprises: EnterpriseRecord[];
  /** SUPPLIES into a member, and from a member to a local firm outside the chain. */
  supplies: Supplies[];
  /**
   * What the enterprises of the subgraph make (MAKES); the enterprises include every firm that
   * makes a product of one of the chain's segments, member or not. Absent: nothing known.
   */
  makes?: Makes[];
  /** The home district, when the data set names one. */
  home?: District;
}
