import { setMaxListeners } from 'node:events';
import { type GapParams, type GapReport, gapParamsKey } from '../analysis/gap-report';
import type { AnalysisRunner, RunOptions } from '../analysis-pool/runner';
import type { AuditLog } from '../audit/audit-log';
import type { Caller } from '../auth/roles';
import type { TokenBook } from '../auth/tokens';
import type { Curator } from '../curation/curator';
import type { EnterpriseRelationKind, Segment } from '../domain/model';
import type { ChainSubgraph } from '../domain/records';
import type { SnapshotFigures } from '../domain/snapshot';
import type { Holding } from '../domain/systems';
import type {
  ChainRecord,
  EnterpriseRecord,
  EnterpriseSystem,
  GraphStore,
  Relation,
  RelationKey,
  SegmentMembership,
} from '../store/port';
import { relationId } from '../store/port';
import { codedError, notFound } from './errors';
import { keptReport } from './gap-reports';
import { Loader, whenLoaded } from './loader';
import { chainInOrder, chainsInOrder, segmentsInOrder } from './schema/orders';

/** Per-request context: who asks and from where, the store, the request's batching loaders and the curator. */
export interface Context extends Server, Origin {
  caller: Caller;
  loaders: Loaders;
  /** Aborted when the request is given up (its time is over): analysis under way for it stops. */
  signal: AbortSignal;
  /** Gives the request up, with the error its analysis under way ends with. */
  cancel(reason: Error): void;
}

/** What every request of one server shares. */
export interface Server {
  store: GraphStore;
  /** Checks and writes curation changes; one per server, so that writes go one at a time. */
  curator: Curator;
  tokens: TokenBook;
  audit: AuditLog;
  /** Where gap reports and what-ifs are computed: worker threads for a server. */
  analysis: AnalysisRunner;
}

/** Where a request comes from. */
export interface Origin {
  /** The client's address. */
  from: string;
  /** The id the server gave the request (in its log lines and the x-request-id header). */
  requestId?: string;
  /** Charges the caller's time budget for work asked and refused (http/rate-gate.ts; Charged in node-request.ts). */
  charge?: (ms: number) => void;
}

/**
 * One loader per kind of per-parent look-up: a request makes one store call per kind and level
 * of its query, however many parents ask (no N+1), and asks nothing twice.
 */
export function createLoaders(
  store: GraphStore,
  analysis: AnalysisRunner,
  run: RunOptions = {},
  charge?: (ms: number) => void,
) {
  // an analysis the workers had no room for costs its caller as if it had run: asking again at
  // once, to fill the queue, is not free
  const chargeRefusal = (e: unknown): never => {
    if ((e as { extensions?: { code?: string } }).extensions?.code === 'UNAVAILABLE') charge?.(REFUSED_ANALYSIS_MS);
    throw e;
  };
  const list = <K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf?: (key: K) => string) =>
    new Loader<K, V>(fetch, keyOf);
  const relationsOf = (direction: 'in' | 'out', kind: EnterpriseRelationKind) =>
    list<string, Relation[]>((ids) => store.relationsOf(ids, direction, kind));
  /** The sets of gap-report parameters this request asked for, over all its batches. */
  const parameterSets = new Set<string>();
  const chainSubgraph = list<string, ChainSubgraph | undefined>((ids) =>
    Promise.all(ids.map((id) => store.chainSubgraph(id))),
  );
  return {
    enterprise: list<string, EnterpriseRecord | undefined>((ids) => store.getEnterprises(ids)),
    chain: list<string, ChainRecord | undefined>(async (ids) =>
      (await store.chainsById(ids)).map((c) => c && chainInOrder(c)),
    ),
    allChains: list<'all', ChainRecord[]>(async (keys) => {
      const chains = chainsInOrder(await store.chains());
      return keys.map(() => chains);
    }),
    segment: list<string, Segment | undefined>((ids) => store.segmentsById(ids)),
    segmentsOf: list<string, Segment[]>(async (ids) => (await store.segmentsOf(ids)).map(segmentsInOrder)),
    anchoredBy: list<string, string[]>((ids) => store.anchoredBy(ids)),
    chainMembers: list<string, SegmentMembership[]>((ids) => store.chainMembers(ids)),
    /** Chains' snapshots from a moment (none: every one); one store call per moment asked. */
    snapshotFigures: list<SnapshotKey, SnapshotFigures[]>(async (keys) => {
      const bySince = new Map<string | undefined, string[]>();
      for (const k of keys) bySince.set(k.since, [...(bySince.get(k.since) ?? []), k.chainId]);
      const found = new Map<string, SnapshotFigures[]>();
      for (const [since, chainIds] of bySince) {
        const lists = await store.snapshots.figures(chainIds, since);
        for (const [i, chainId] of chainIds.entries()) found.set(snapshotKey({ chainId, since }), lists[i] ?? []);
      }
      return keys.map((k) => found.get(snapshotKey(k)) ?? []);
    }, snapshotKey),
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
    /**
     * Gap reports by chain and parameters: batched, and each taken from the reports kept with the
     * chain's subgraph (gap-reports.ts), computed there once per change of the graph.
     */
    gapReport: list<GapReportKey, GapReport | undefined>((keys) => {
      checkParameterSets(keys, parameterSets);
      return Promise.all(
        keys.map(async ({ chainId, params }) => {
          const graph = await chainSubgraph.load(chainId);
          return graph && keptReport(graph, params, analysis, run).catch(chargeRefusal);
        }),
      );
    }, gapReportCacheKey),
  };
}

/** What an analysis refused for want of room costs its caller's time budget, in ms (about one report of M). */
export const REFUSED_ANALYSIS_MS = 100;

/**
 * The most sets of gap-report parameters one request may ask for (on any number of chains): each
 * set is a new analysis of every chain it is asked on; the same set for many chains (the overview)
 * is what the web app asks, and kept between requests.
 */
export const MAX_PARAMETER_SETS = 4;

function checkParameterSets(keys: readonly GapReportKey[], asked: Set<string>): void {
  const sets = new Set(asked);
  for (const key of keys) sets.add(gapParamsKey(key.params));
  if (sets.size > MAX_PARAMETER_SETS)
    throw codedError(
      'TOO_COMPLEX',
      `A request may ask for gap reports with at most ${MAX_PARAMETER_SETS} different sets of parameters; this one asks for ${sets.size}.`,
    );
  for (const set of sets) asked.add(set);
}

export type Loaders = ReturnType<typeof createLoaders>;

export function createContext(server: Server, caller: Caller, origin: Origin): Context {
  const controller = new AbortController();
  // every report a request waits for listens to it (the overview waits for one per chain)
  setMaxListeners(0, controller.signal);
  return {
    ...server,
    ...origin,
    caller,
    signal: controller.signal,
    cancel: (reason) => controller.abort(reason),
    loaders: loadersFor(server, caller, origin, controller.signal),
  };
}

/** A request's loaders: its analysis is stopped with it, taken in its caller's turn and charged to it. */
function loadersFor(server: Server, caller: Caller, origin: Origin, signal: AbortSignal): Loaders {
  return createLoaders(server.store, server.analysis, { signal, owner: ownerOf(caller, origin) }, origin.charge);
}

/** Whose analysis a request's is, for taking the workers in turn: a token's holder, or an address. */
export const ownerOf = (caller: Caller, origin: Origin) =>
  caller.authenticated ? `token:${caller.name}` : `address:${origin.from}`;

/** Forgets what the request's loaders hold: after a write, they would answer with the old graph. */
export function forgetLoaded(context: Context): void {
  context.loaders = loadersFor(context, context.caller, context, context.signal);
}

/** A gap report: of which chain, with which parameters. */
export interface GapReportKey {
  chainId: string;
  params: GapParams;
}

type SnapshotKey = { chainId: string; since?: string | undefined };
const snapshotKey = ({ chainId, since }: SnapshotKey) => `${chainId}\n${since ?? ''}`;

export const gapReportKey = (chainId: string, params: GapParams): GapReportKey => ({ chainId, params });

const gapReportCacheKey = ({ chainId, params }: GapReportKey) => `${chainId}\n${gapParamsKey(params)}`;

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
