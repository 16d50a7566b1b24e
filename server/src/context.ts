import DataLoader from 'dataloader';
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
}

export function createContext(store: GraphStore): Context {
  return {
    store,
    loaders: {
      enterprise: new DataLoader((ids) => store.getEnterprises(ids)),
      chain: new DataLoader((ids) => Promise.all(ids.map((id) => store.chain(id)))),
      chainMembers: new DataLoader((chainIds) => Promise.all(chainIds.map((id) => store.chainMembers(id)))),
      segmentsOf: new DataLoader((ids) => Promise.all(ids.map((id) => store.segmentsOf(id)))),
    },
  };
}

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
