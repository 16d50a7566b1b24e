import type { Integer } from 'neo4j-driver';
import type { EnterpriseRelationKind, Tier } from '../../domain/model';
import type { EnterpriseOrder, EnterpriseRole } from '../../domain/records';
import type { Label, RelationshipType } from './schema-description';

/**
 * Every file of cypher/, by `folder/name`, with the parameters it takes: the store can run only a
 * file named here, with these parameters (tx.run checks both when it compiles).
 *
 * To add a file: write cypher/<folder>/<name>.cypher, opening with a comment that names its
 * parameters (`Parameters: $ids [id]. Returns: …`), and add a line here with the same names.
 * cypher-lint.test.ts fails while this list and the cypher/ directory differ, or while a line's
 * parameters and its file's differ. Keep each line a `{ … }` of parameters, or `None`.
 */
export interface CypherParameters {
  'import/anchors': { rows: Rows };
  'import/chains': { rows: Rows };
  'import/controls': { rows: Rows };
  'import/district': { rows: Rows };
  'import/enterprises': { rows: Rows };
  'import/feeds': { rows: Rows };
  'import/in-segment': { rows: Rows };
  'import/investment-lead-save': {
    lead: {
      id: string;
      chainId: string;
      enterpriseId: string;
      segmentId: string | null;
      stage: string;
      owner: string;
      version: number;
      data: string;
    };
    event: { leadId: string; version: number; at: string; chainId: string; data: string };
  };
  'import/leaders': { rows: Rows };
  'import/leads': { rows: Rows };
  'import/products': { rows: Rows };
  'import/remove-anchors': { rows: Rows };
  'import/remove-controls': { rows: Rows };
  'import/remove-in-segment': { rows: Rows };
  'import/remove-supplies': { rows: Rows };
  'import/replan': { seconds: Integer };
  'import/roles-clear': None;
  'import/roles-set': { rows: readonly { id: string; role: EnterpriseRole }[] };
  'import/segments': { rows: Rows };
  'import/snapshots': { rows: Rows };
  'import/supplies': { rows: Rows };
  'import/write-lock': None;

  'queries/anchored-by': { ids: Ids };
  'queries/chain-makes': { chainId: string; ids: Ids };
  'queries/chain-members': { chainIds: Ids };
  'queries/chain-subgraph': { chainId: string };
  'queries/chains': { ids: Ids | null };
  'queries/enterprises-named': { names: readonly string[] };
  'queries/existing-holdings': { ids: Ids };
  'queries/existing-nodes': { label: Label; ids: Ids };
  'queries/existing-relationships': { kind: RelationshipType; keys: readonly RelationshipKey[] };
  'queries/get-enterprises': { ids: Ids };
  'queries/graph-version': None;
  'queries/holdings': { threshold: number };
  'queries/home': None;
  'queries/investment-lead-events-since': { since: string; chainId: string | null };
  'queries/investment-lead-history': { ids: Ids };
  'queries/investment-leads-by-id': { ids: Ids };
  'queries/investment-leads': {
    chainId: string | null;
    stages: readonly string[] | null;
    owner: string | null;
    segmentId: string | null;
    enterpriseIds: Ids | null;
  };
  'queries/is-empty': None;
  'queries/neighbourhood-edges': { ids: Ids; kinds: Kinds };
  'queries/neighbourhood-hop': { frontier: Ids; seen: Ids; kinds: Kinds; room: Integer };
  'queries/owners-of': { ids: Ids };
  'queries/relations-in': { ids: Ids; kind: EnterpriseRelationKind };
  'queries/relations-out': { ids: Ids; kind: EnterpriseRelationKind };
  'queries/relations': { keys: readonly (RelationshipKey & { index: number; kind: EnterpriseRelationKind })[] };
  'queries/search-initials': SearchFilters & { query: string; subsequence: string };
  'queries/search-scan': SearchFilters & { query: string; id: string };
  'queries/search': SearchFilters & { query: string; id: string; phrase: string };
  'queries/segments-of': { ids: Ids };
  'queries/segments': { ids: Ids };
  'queries/snapshot-at': { chainId: string; at: Integer };
  'queries/snapshot-figures': { chainIds: Ids; since: Integer | null };
  'queries/snapshot-latest': { chainIds: Ids };
  'queries/shortest-paths': { from: string; to: string; kinds: Kinds; maxHops: Integer; limit: Integer };
  'queries/supply-partners': { ids: Ids };

  'schema/constraints': None;
  'schema/indexes': None;

  'test/count-nodes': None;
  'test/mark': { startedAt: string };
  'test/wipe': None;
}

/** A file of cypher/: `folder/name`. */
export type CypherFile = keyof CypherParameters;

/** A file of cypher/schema/: several statements, each run on its own (statements()). */
export type SchemaFile = Extract<CypherFile, `schema/${string}`>;

/** A file and its parameters, as tx.run takes them (a file of no parameters: none, or `{}`). */
export type CypherCall = {
  [F in CypherFile]: CypherParameters[F] extends None
    ? [file: F, parameters?: None]
    : [file: F, parameters: CypherParameters[F]];
}[CypherFile];

/** No parameters. */
export type None = Record<string, never>;
/** Ids of nodes. */
type Ids = readonly string[];
/** Rows of an import file, as its opening comment describes them. */
type Rows = readonly Record<string, unknown>[];
/** Relationship kinds from the allow-list (reads.ts, allowedKinds). */
type Kinds = readonly EnterpriseRelationKind[];
/** A relationship by its ends (and product: SUPPLIES only). */
interface RelationshipKey {
  from: string;
  to: string;
  product: string | null;
}
/** The filters, order and page of the three search files. */
type SearchFilters = {
  local: boolean | null;
  chainId: string | null;
  segmentId: string | null;
  tier: Tier | null;
  order: EnterpriseOrder;
  skip: Integer;
  limit: Integer;
};
