import DataLoader from 'dataloader';
import { type GapParams, type GapReport, gapReport } from './analysis/gap-report';
import type { ChainSubgraph } from './analysis/subgraph';
import type { Segment } from './domain/model';
import { notFound } from './errors';
import type { ChainRecord, EnterpriseRecord, GraphStore, SegmentMembership } from './store/port';

/** Per-request context: the store and the request's batching loaders. Resolvers use nothing else. */
export interface Context {
  store: GraphStore;
  loaders: Loaders;
}

export interface Loaders {
  enterprise: DataLoader<string, EnterpriseRecord | undefined>;
  chain: DataLoader<string, ChainRecord | undefined>;
  chainMembers: DataLoader<string, SegmentMembership[]>;
  segmentsOf: DataLoader<string, Segment[]>;
  chainSubgraph: DataLoader<string, ChainSubgraph | undefined>;
  /** Gap reports by chain id and parameters (JSON), computed once per request. */
  gapReport: DataLoader<string, GapReport | undefined>;
}

export function createContext(store: GraphStore): Context {
  const chainSubgraph = new DataLoader((ids: readonly string[]) =>
    Promise.all(ids.map((id) => store.chainSubgraph(id))),
  );
  return {
    store,
    loaders: {
      enterprise: new DataLoader((ids) => store.getEnterprises(ids)),
      chain: new DataLoader((ids) => Promise.all(ids.map((id) => store.chain(id)))),
      chainMembers: new DataLoader((chainIds) => Promise.all(chainIds.map((id) => store.chainMembers(id)))),
      segmentsOf: new DataLoader((ids) => Promise.all(ids.map((id) => store.segmentsOf(id)))),
      chainSubgraph,
      gapReport: new DataLoader((keys) =>
        Promise.all(
          keys.map(async (key) => {
            const { chainId, params } = JSON.parse(key) as { chainId: string; params: GapParams };
            const graph = await chainSubgraph.load(chainId);
            return graph && gapReport(graph, params);
          }),
        ),
      ),
    },
  };
}

/** The key of a gap report in the loader. */
export const gapReportKey = (chainId: string, params: GapParams) => JSON.stringify({ chainId, params });

/** The enterprises of `ids` that exist, in order, through the request's batching loader. */
export async function loadEnterprises(loaders: Loaders, ids: readonly string[]): Promise<EnterpriseRecord[]> {
  const found = await loaders.enterprise.loadMany(ids);
  return found.filter((e): e is EnterpriseRecord => e !== undefined && !(e instanceof Error));
}

/** One enterprise through the request's batching loader; a NOT_FOUND error when there is none. */
export async function loadEnterprise(loaders: Loaders, id: string): Promise<EnterpriseRecord> {
  const found = await loaders.enterprise.load(id);
  if (!found) throw notFound('enterprise', id);
  return found;
}
