import { builder } from '../builder';
import { loadEnterprise } from '../context';
import { codedError, idArgument, intInRange } from '../errors';
import { EnterpriseRef } from './refs';

const MAX_QUERY_LENGTH = 100;

builder.queryFields((t) => ({
  enterprise: t.field({
    type: EnterpriseRef,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: 'Unified social credit code or other enterprise id.' }) },
    resolve: (_root, { id }, { loaders }) => loadEnterprise(loaders, idArgument('id', id)),
  }),
  searchEnterprises: t.field({
    type: [EnterpriseRef],
    description: 'Enterprises whose Chinese name or short name contains `query`, best first.',
    args: {
      query: t.arg.string({ required: true }),
      limit: t.arg.int({ defaultValue: 20, description: 'From 1 to 100.' }),
    },
    resolve: (_root, { query, limit }, { store }) => {
      if (query.length > MAX_QUERY_LENGTH) {
        throw codedError('BAD_INPUT', `Argument 'query' must be at most ${MAX_QUERY_LENGTH} characters.`, {
          argument: 'query',
        });
      }
      return store.search(query, intInRange('limit', limit ?? 20, 1, 100));
    },
  }),
}));
