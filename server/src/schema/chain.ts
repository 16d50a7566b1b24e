import { builder } from '../builder';
import { loadEnterprises } from '../context';
import { idArgument, notFound } from '../errors';
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
      resolve: (c) => c.leaders,
    }),
    anchors: t.field({
      type: [EnterpriseRef],
      description: 'Chain owners (链主): the enterprises that anchor the chain.',
      resolve: (c, _args, { loaders }) => loadEnterprises(loaders, c.anchorIds),
    }),
    segments: t.field({
      type: [SegmentRef],
      description: 'The links of the chain (环节), from upstream to downstream.',
      resolve: (c) => c.segments,
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
    resolve: async (_root, args, { loaders }) => {
      const id = idArgument('id', args.id);
      return (await loaders.chain.load(id)) ?? Promise.reject(notFound('chain', id));
    },
  }),
}));
