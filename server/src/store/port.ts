import type { Dataset, District, EnterpriseRelationKind, Segment, Tier } from '../domain/model';
import type {
  ChainRecord,
  ChainSubgraph,
  EnterpriseOrder,
  EnterpriseRecord,
  EnterpriseSystem,
  Relation,
  RelationKey,
  SegmentMembership,
} from '../domain/records';
import type { Holding } from '../domain/systems';
import type { Kind } from '../interchange/format';
import type { LeadStore } from './leads-port';
import type { SnapshotLog } from './snapshots';

/**
 * The GraphStore port: what the API and the analysis need from a store. Every store
 * (the MemoryStore, the EmbeddedStore, the Neo4jStore) returns these plain types.
 *
 * Look-ups a resolver makes once per parent take a list of keys and answer in the same order,
 * so that one request makes one call per kind of look-up, whatever the number of parents.
 * The records themselves are the domain's (domain/records.ts); they are named here too, for the
 * layers above that speak to a store.
 */

export type {
  ChainRecord,
  ChainSubgraph,
  EnterpriseOrder,
  EnterpriseRecord,
  EnterpriseRole,
  EnterpriseSystem,
  Relation,
  RelationKey,
  SegmentMembership,
  SystemMember,
} from '../domain/records';
export { parseRelationId, relationId } from '../domain/records';

/** A relationship to take out of the graph, by the key of its kind. */
export type Removal =
  | { kind: 'controls'; from: string; to: string }
  | { kind: 'supplies'; from: string; to: string; product: string }
  | { kind: 'inSegment'; enterpriseId: string; segmentId: string }
  | { kind: 'anchors'; enterpriseId: string; chainId: string };

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

export interface PathOptions {
  /** 1 to MAX_PATH_HOPS relationships. */
  maxHops: number;
  kinds: readonly EnterpriseRelationKind[];
  /** The most paths returned. */
  limit: number;
}

export const MAX_PATH_HOPS = 6;
export const MAX_PATHS = 50;

/** A path of relationships between two enterprises; each may be walked either way. */
export interface EnterprisePath {
  /** From the start to the end, both included. */
  nodeIds: string[];
  /** relations[i] links nodeIds[i] and nodeIds[i + 1], in one direction or the other. */
  relations: Relation[];
}

export interface EnterpriseQuery {
  /** Part of the Chinese name or short name; empty or absent: every enterprise. */
  text?: string;
  local?: boolean;
  /** Working in a segment of this chain. */
  chainId?: string;
  segmentId?: string;
  /** Working in a segment of this tier (of `chainId`, when given). */
  tier?: Tier;
  /** RELEVANCE: exact names, then prefixes, then other matches; larger revenue first within each. */
  order: EnterpriseOrder;
  offset: number;
  limit: number;
}

export interface EnterprisePage {
  /** How many enterprises match, over every page. */
  total: number;
  items: EnterpriseRecord[];
}

/** What importing rows did (or would do), per kind. */
type ApplyState = 'added' | 'updated' | 'unchanged';
export type ApplyCounts = { [K in Kind]: { [S in ApplyState]: number } };

export type NodeKind = 'enterprises' | 'chains' | 'segments' | 'leaders';

/** An enterprise as a name look-up finds it. */
export interface NamedEnterprise {
  id: string;
  name: string;
  shortName: string;
}

/** What the checks need to know of the store an import goes into. */
export interface ImportView {
  has(kind: NodeKind, id: string): boolean;
  /** The shares held in a company now, by holder (no share: an ownership of unknown extent). */
  holdingsInto(companyId: string): Iterable<{ from: string; share?: number }>;
  /** The home district kept in the store, if any. */
  home(): District | undefined;
  /** The fields of a stored enterprise that were derived; undefined when it is not stored. */
  derivedOf(id: string): string[] | undefined;
  /** Stored enterprises whose name or short name is `text` (for hints and warnings). */
  named(text: string): NamedEnterprise[];
  /** A stored segment's chain and parent. */
  segment(id: string): { chainId: string; parentId?: string } | undefined;
}

/** A store that can take an import. */
export interface ImportTarget {
  /** What the checks need to know of the store, for these rows (a remote store looks them up). */
  view(rows: Dataset): ImportView | Promise<ImportView>;
  /** What importing the rows would add, update and leave as it is, without doing it. */
  plan(data: Dataset): { counts: ApplyCounts } | Promise<{ counts: ApplyCounts }>;
  /**
   * Writes the rows durably and applies them, all or nothing. `check`, when given, is run on the
   * store's view as it is at the moment of writing (under the store's lock, or in the write
   * transaction), and stops the write by throwing.
   */
  commit(data: Dataset, note: string, check?: (view: ImportView) => void): Promise<ApplyCounts>;
}

export interface GraphStore extends ImportTarget {
  /** In the order of `ids`; undefined where there is none. */
  getEnterprises(ids: readonly string[]): Promise<(EnterpriseRecord | undefined)[]>;
  /** Enterprises by name and filters, a page at a time. */
  search(query: EnterpriseQuery): Promise<EnterprisePage>;
  /** undefined when there is no enterprise `id`. */
  neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Neighbourhood | undefined>;
  /**
   * The shortest paths between two enterprises over the chosen kinds, either direction, of at
   * most `maxHops`; [] when there is none that short; undefined when either end does not exist.
   * When there are more than `limit`, which of them come back is up to the store.
   */
  shortestPaths(from: string, to: string, options: PathOptions): Promise<EnterprisePath[] | undefined>;
  /**
   * For each enterprise, its relationships of a kind into it ('in') or out of it ('out'), by the
   * other end's id, then product.
   */
  relationsOf(ids: readonly string[], direction: 'in' | 'out', kind: EnterpriseRelationKind): Promise<Relation[][]>;
  /** In the order of `keys`; undefined where there is none. */
  relations(keys: readonly RelationKey[]): Promise<(Relation | undefined)[]>;
  /** Every chain: in the order imported on the embedded store, by id on Neo4j. */
  chains(): Promise<ChainRecord[]>;
  chainsById(ids: readonly string[]): Promise<(ChainRecord | undefined)[]>;
  segmentsById(ids: readonly string[]): Promise<(Segment | undefined)[]>;
  /** For each enterprise, the segments it works in (IN_SEGMENT). */
  segmentsOf(enterpriseIds: readonly string[]): Promise<Segment[][]>;
  /** For each enterprise, the ids of the chains it anchors (ANCHORS). */
  anchoredBy(enterpriseIds: readonly string[]): Promise<string[][]>;
  /** For each chain, the enterprises working in its segments, by segment order, then enterprise id. */
  chainMembers(chainIds: readonly string[]): Promise<SegmentMembership[][]>;
  /**
   * A chain with its members, the supply into them and the supply out of them to local firms
   * outside the chain: what the chain analysis reads.
   */
  chainSubgraph(chainId: string): Promise<ChainSubgraph | undefined>;
  /** For each enterprise, every holding on a path of CONTROLS up from it (owners, their owners, …). */
  ownersOf(enterpriseIds: readonly string[]): Promise<Holding[][]>;
  /** The ids of every root enterprise (a system of more than the root alone), in id order. */
  systemRoots(): Promise<string[]>;
  /** In the order of `rootIds`; undefined where the id is not a root. */
  systems(rootIds: readonly string[]): Promise<(EnterpriseSystem | undefined)[]>;
  /**
   * Takes relationships out of the graph durably, all or none; returns those that were there
   * (the others are left alone).
   */
  remove(removals: readonly Removal[], note: string): Promise<Removal[]>;
  /** The chains' snapshots, kept beside the graph (store/snapshots.ts). */
  readonly snapshots: SnapshotLog;
  /** The investment leads (招商项目) kept with this graph. */
  readonly leads: LeadStore;
  close(): Promise<void>;
}

/** A data set with no rows, to fill in. */
/** How many rows a data set holds, of every kind. */
export const rowCount = (data: Dataset): number => Object.values(data).reduce((n, rows) => n + rows.length, 0);

export function emptyDataset(): Dataset {
  return {
    chains: [],
    segments: [],
    feeds: [],
    leaders: [],
    leads: [],
    enterprises: [],
    anchors: [],
    inSegment: [],
    controls: [],
    supplies: [],
    products: [],
    district: [],
  };
}
