import { type GapParams, type GapReport, gapReport } from './analysis/gap-report';
import type { ChainSubgraph } from './analysis/subgraph';
import type { Holding } from './analysis/systems';
import type { AuditLog } from './audit/audit-log';
import type { Caller } from './auth/roles';
import type { TokenBook } from './auth/tokens';
import type { Curator } from './curation/curator';
import type { EnterpriseRelationKind, Segment } from './domain/model';
import { notFound } from './errors';
import { Loader, whenLoaded } from './loader';
import type {
  ChainRecord,
  EnterpriseRecord,
  EnterpriseSystem,
  GraphStore,
  Relation,
  RelationKey,
  SegmentMembership,
} from './store/port';
import { relationId } from './store/port';

/** Per-request context: who asks and from where, the store, the request's batching loaders and the curator. */
export interface Context extends Server, Origin {
  caller: Caller;
  loaders: Loaders;
}

/** What every request of one server shares. */
export interface Server {
  store: GraphStore;
  /** Checks and writes curation changes; one per server, so that writes go one at a time. */
  curator: Curator;
  tokens: TokenBook;
  audit: AuditLog;
}

/** Where a request comes from. */
export interface Origin {
  /** The client's address. */
  from: string;
  /** The id the server gave the request (in its log lines and the x-request-id header). */
  requestId?: string;
}

/**
 * One loader per kind of per-parent look-up: a request makes one store call per kind and level
 * of its query, however many parents ask (no N+1), and asks nothing twice.
 */
export function createLoaders(store: GraphStore) {
  const list = <K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf?: (key: K) => string) =>
    new Loader<K, V>(fetch, keyOf);
  const relationsOf = (direction: 'in' | 'out', kind: EnterpriseRelationKind) =>
    list<string, Relation[]>((ids) => store.relationsOf(ids, direction, kind));
  const chainSubgraph = list<string, ChainSubgraph | undefined>((ids) =>
    Promise.all(ids.map((id) => store.chainSubgraph(id))),
  );
  return {
    enterprise: list<string, EnterpriseRecord | undefined>((ids) => store.getEnterprises(ids)),
    chain: list<string, ChainRecord | undefined>((ids) => store.chainsById(ids)),
    allChains: list<'all', ChainRecord[]>(async (keys) => {
      const chains = await store.chains();
      return keys.map(() => chains);
    }),
    segment: list<string, Segment | undefined>((ids) => store.segmentsById(ids)),
    segmentsOf: list<string, Segment[]>((ids) => store.segmentsOf(ids)),
    anchoredBy: list<string, string[]>((ids) => store.anchoredBy(ids)),
    chainMembers: list<string, SegmentMembership[]>((ids) => store.chainMembers(ids)),
    relation: list<RelationKey, Relation | undefined>((keys) => store.relations(keys), relationId),
    suppliers: relationsOf('in', 'SUPPLIES'),
    customers: relationsOf('out', 'SUPPLIES'),
    owners: relationsOf('in', 'CONTROLS'),
    holdings: relationsOf('out', 'CONTROLS'),
    ownersUp: list<string, Holding[]>((ids) => store.ownersOf(ids)),
    system: list<string, EnterpriseSystem | undefined>((ids) => store.systems(ids)),
    systemRoots: list<'all', string[]>(async (keys) => {
      const roots = await store.systemRoots();
      return keys.map(() => roots);
    }),
    chainSubgraph,
    /** Gap reports by chain id and parameters (gapReportKey), computed once per request. */
    gapReport: list<string, GapReport | undefined>((keys) =>
      Promise.all(
        keys.map(async (key) => {
          const { chainId, params } = JSON.parse(key) as { chainId: string; params: GapParams };
          const graph = await chainSubgraph.load(chainId);
          return graph && keptReport(graph, params, key);
        }),
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Gap reports kept with the chain subgraph they were computed from: a store that keeps its
 * subgraphs until the graph changes (the embedded store) computes each report once per change,
 * not once per request; one that builds a subgraph per request (Neo4j) keeps nothing. At most
 * REPORTS_PER_GRAPH sets of parameters per subgraph.
 */
const keptReports = new WeakMap<ChainSubgraph, Map<string, GapReport>>();
const REPORTS_PER_GRAPH = 16;

function keptReport(graph: ChainSubgraph, params: GapParams, key: string): GapReport {
  let reports = keptReports.get(graph);
  if (!reports) {
    reports = new Map();
    keptReports.set(graph, reports);
  }
  const kept = reports.get(key);
  if (kept) return kept;
  const report = gapReport(graph, params);
  if (reports.size >= REPORTS_PER_GRAPH) reports.delete(reports.keys().next().value as string);
  reports.set(key, report);
  return report;
}

export function createContext(server: Server, caller: Caller, origin: Origin): Context {
  return { ...server, ...origin, caller, loaders: createLoaders(server.store) };
}

/** Forgets what the request's loaders hold: after a write, they would answer with the old graph. */
export function forgetLoaded(context: Context): void {
  context.loaders = createLoaders(context.store);
}

/** The key of a gap report in the loader. */
export const gapReportKey = (chainId: string, params: GapParams) => JSON.stringify({ chainId, params });

/** What a loader's loadMany found, in order: the keys with nothing are left out. */
export const found = <T>(items: readonly (T | undefined)[]): T[] => items.filter((x): x is T => x !== undefined);

/** The enterprises of `ids` that exist, in order, through the request's batching loader. */
export async function loadEnterprises(loaders: Loaders, ids: readonly string[]): Promise<EnterpriseRecord[]> {
  return found(await loaders.enterprise.loadMany(ids));
}

/** One enterprise through the request's batching loader (at once when loaded); NOT_FOUND when there is none. */
export function loadEnterprise(loaders: Loaders, id: string): EnterpriseRecord | Promise<EnterpriseRecord> {
  return whenLoaded(loaders.enterprise.load(id), (e) => e ?? Promise.reject(notFound('enterprise', id)));
}
