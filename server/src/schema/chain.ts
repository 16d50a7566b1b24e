import { builder } from '../builder';
import { loadEnterprises } from '../context';
import { notFound } from '../errors';
import { ChainRef, EnterpriseRef, LeaderRef, SegmentRef } from './refs';

ChainRef.implement({
  description: 'An industry chain (产业链).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.string({ nullable: true, resolve: (c) => c.description ?? null }),
    leaders: t.field({
      type: [LeaderRef],
      description: 'Chain leaders (链长).',
      resolve: async (c, _args, { loaders }) => (await loaders.chain.load(c.id))?.leaders ?? [],
    }),
    anchors: t.field({
      type: [EnterpriseRef],
      description: 'Chain owners (链主): the enterprises that anchor the chain.',
      resolve: async (c, _args, { loaders }) =>
        loadEnterprises(loaders, (await loaders.chain.load(c.id))?.anchorIds ?? []),
    }),
    segments: t.field({
      type: [SegmentRef],
      description: 'The links of the chain (环节), from upstream to downstream.',
      resolve: async (c, _args, { loaders }) => (await loaders.chain.load(c.id))?.segments ?? [],
    }),
  }),
});

builder.queryFields((t) => ({
  chains: t.field({
    type: [ChainRef],
    description: 'Every industry chain of the district.',
    resolve: (_root, _args, { store }) => store.chains(),
  }),
  chain: t.field({
    type: ChainRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { store }) =>
      (await store.chain(String(id))) ?? Promise.reject(notFound('chain', String(id))),
  }),
}));
