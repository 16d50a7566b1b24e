import { builder } from '../builder';
import { ChainRef, LeaderRef } from './refs';

builder.objectFields(LeaderRef, (t) => ({
  name: t.exposeString('name'),
  title: t.exposeString('title'),
  chains: t.field({
    type: [ChainRef],
    description: 'The chains this leader leads.',
    complexity: { field: 1, multiplier: 3 },
    resolve: async (l, _args, { loaders }) =>
      (await loaders.allChains.load('all')).filter((c) => c.leaders.some((x) => x.id === l.id)),
  }),
}));
