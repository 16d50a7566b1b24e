import type { ChainSubgraph } from '../analysis/subgraph';
import type { Holding } from '../analysis/systems';
import type {
  Chain,
  Controls,
  Enterprise,
  EnterpriseRelationKind,
  Feeds,
  Leader,
  Segment,
  Supplies,
} from '../domain/model';

/**
 * The GraphStore port: what the API and the analysis need from a store. Every store
 * (the embedded MemoryStore, the Neo4jStore) returns these plain types.
 */

/** An enterprise's place in the systems (系) of the district's root enterprises. */
export type EnterpriseRole = 'ROOT' | 'DIRECT' | 'AFFILIATE' | 'OTHER';

export interface EnterpriseRecord extends Enterprise {
  role: EnterpriseRole;
}

/** A relationship between two enterprises, as imported, with its kind. */
export type Relation = (Controls & { kind: 'CONTROLS' }) | (Supplies & { kind: 'SUPPLIES' });

/** The stable id of a relationship: its kind, its ends and (for SUPPLIES) its product. */
export function relationId(r: Relation): string {
  return r.kind === 'CONTROLS' ? `CONTROLS:${r.from}>${r.to}` : `SUPPLIES:${r.from}>${r.to}:${r.product}`;
}

export interface NeighbourhoodOptions {
  /** 1 to MAX_DEPTH hops, either direction. */
  depth: number;
  kinds: readonly EnterpriseRelationKind[];
  /** The most enterprises returned, the centre included. */
  limit: number;
}

export const MAX_DEPTH = 3;
export const MAX_NEIGHBOURHOOD_LIMIT = 5000;

export interface Neighbourhood {
  centreId: string;
  /** Enterprises, nearest first (the centre first). */
  nodes: EnterpriseRecord[];
  /** Hops from the centre of each of `nodes`, in the same order. */
  distances: number[];
  /** Every relationship of the chosen kinds between two returned enterprises. */
  edges: Relation[];
  /** True when the limit cut the neighbourhood short. */
  truncated: boolean;
}

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

export interface GraphStore {
  getEnterprise(id: string): Promise<EnterpriseRecord | undefined>;
  /** In the order of `ids`; undefined where there is none. */
  getEnterprises(ids: readonly string[]): Promise<(EnterpriseRecord | undefined)[]>;
  /** Substring match on name and short name, best first. */
  search(query: string, limit: number): Promise<EnterpriseRecord[]>;
  /** undefined when there is no enterprise `id`. */
  neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Neighbourhood | undefined>;
  chains(): Promise<ChainRecord[]>;
  chain(id: string): Promise<ChainRecord | undefined>;
  /** The segments an enterprise works in (IN_SEGMENT). */
  segmentsOf(enterpriseId: string): Promise<Segment[]>;
  /** Enterprises working in the segments of a chain. */
  chainMembers(chainId: string): Promise<SegmentMembership[]>;
  /**
   * A chain with its members, the supply into them and the supply out of them to local firms
   * outside the chain: what the chain analysis reads.
   */
  chainSubgraph(chainId: string): Promise<ChainSubgraph | undefined>;
  /** Every holding on a path of CONTROLS up from an enterprise (its owners, their owners, …). */
  ownersOf(enterpriseId: string): Promise<Holding[]>;
  /** The ids of every root enterprise (a system of more than the root alone). */
  systemRoots(): Promise<string[]>;
  /** undefined when `rootId` is not a root. */
  system(rootId: string): Promise<EnterpriseSystem | undefined>;
  close(): Promise<void>;
}
