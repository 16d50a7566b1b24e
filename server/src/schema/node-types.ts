import { builder } from '../builder';
import { parseRelationId, relationId } from '../store/port';
import { ChainRef, EnterpriseRef, LeaderRef, RelationRef, SegmentRef, SystemRef } from './refs';

/** What a loader found, with null where it found nothing (node(id:) then answers null). */
const nullIfMissing = <T>(items: readonly (T | undefined | Error)[]): (T | null)[] =>
  items.map((x) => (x === undefined || x instanceof Error ? null : x));

/**
 * The types that implement Node: each has a global id (see global-id.ts) and is fetched by
 * `node(id:)` / `nodes(ids:)` through the request's loaders. Their fields are in their own files.
 */
builder.node(EnterpriseRef, {
  description: 'A company (企业). `key` is its unified social credit code where known.',
  id: { resolve: (e) => e.id },
  loadManyWithoutCache: async (ids, { loaders }) => nullIfMissing(await loaders.enterprise.loadMany(ids)),
  fields: (t) => ({
    key: t.exposeString('id', { description: 'Its own id: the unified social credit code where known.' }),
  }),
});

builder.node(ChainRef, {
  description: 'An industry chain (产业链).',
  id: { resolve: (c) => c.id },
  loadManyWithoutCache: async (ids, { loaders }) => nullIfMissing(await loaders.chain.loadMany(ids)),
  fields: (t) => ({ key: t.exposeString('id', { description: 'Its own id, e.g. logistics.' }) }),
});

builder.node(SegmentRef, {
  description: 'A link of a chain (环节).',
  id: { resolve: (s) => s.id },
  loadManyWithoutCache: async (ids, { loaders }) => nullIfMissing(await loaders.segment.loadMany(ids)),
  fields: (t) => ({ key: t.exposeString('id', { description: 'Its own id.' }) }),
});

builder.node(LeaderRef, {
  description: 'A chain leader (链长): the district official who heads a chain.',
  id: { resolve: (l) => l.id },
  loadManyWithoutCache: async (ids, { loaders }) => {
    const leaders = new Map((await loaders.allChains.load('all')).flatMap((c) => c.leaders.map((l) => [l.id, l])));
    return ids.map((id) => leaders.get(id));
  },
  fields: (t) => ({ key: t.exposeString('id', { description: 'Its own id.' }) }),
});

builder.node(SystemRef, {
  description: 'An enterprise system (系): a root, its direct enterprises (直系) and its supply-chain affiliates.',
  id: { resolve: (s) => s.rootId },
  loadManyWithoutCache: async (ids, { loaders }) => nullIfMissing(await loaders.system.loadMany(ids)),
});

builder.node(RelationRef, {
  description:
    'A relationship between two enterprises: CONTROLS (parent → subsidiary) or SUPPLIES (supplier → customer).',
  id: { resolve: (r) => relationId(r) },
  loadManyWithoutCache: (ids, { loaders }) =>
    Promise.all(
      ids.map((id) => {
        const key = parseRelationId(id);
        return key ? loaders.relation.load(key) : undefined;
      }),
    ),
  fields: (t) => ({
    key: t.string({ description: 'Kind, ends and (for SUPPLIES) product.', resolve: (r) => relationId(r) }),
  }),
});
