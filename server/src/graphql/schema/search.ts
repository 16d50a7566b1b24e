import { builder } from '../builder';
import { codedError } from '../errors';
import { keyOf } from '../global-id';
import { offsetConnection } from '../pagination';
import { EnterpriseOrderEnum, TierEnum } from './enums';
import { EnterpriseRef } from './refs';

const MAX_QUERY_LENGTH = 100;

builder.queryFields((t) => ({
  searchEnterprises: t.connection({
    type: EnterpriseRef,
    description:
      'Enterprises whose Chinese name or short name contains `query` (or whose key it is), and that pass every filter given; best first by default. Without a query: every enterprise that passes the filters.',
    args: {
      query: t.arg.string({ description: `Up to ${MAX_QUERY_LENGTH} characters; empty or left out: no text filter.` }),
      local: t.arg.boolean({ description: 'true: inside the district; false: outside.' }),
      chainId: t.arg.id({ description: 'Working in a segment of this chain (global id or key).' }),
      segmentId: t.arg.id({ description: 'Working in this segment (global id or key).' }),
      tier: t.arg({ type: TierEnum, description: 'Working in a segment of this tier.' }),
      orderBy: t.arg({ type: EnterpriseOrderEnum, defaultValue: 'RELEVANCE' }),
    },
    resolve: (_root, args, { store }) => {
      const text = args.query ?? '';
      if (text.length > MAX_QUERY_LENGTH) {
        throw codedError('BAD_INPUT', `Argument 'query' must be at most ${MAX_QUERY_LENGTH} characters.`, {
          argument: 'query',
        });
      }
      return offsetConnection(args, (offset, limit) =>
        store.search({
          text,
          ...(args.local != null ? { local: args.local } : {}),
          ...(args.chainId != null ? { chainId: keyOf('Chain', args.chainId, 'chainId') } : {}),
          ...(args.segmentId != null ? { segmentId: keyOf('Segment', args.segmentId, 'segmentId') } : {}),
          ...(args.tier != null ? { tier: args.tier } : {}),
          order: args.orderBy ?? 'RELEVANCE',
          offset,
          limit,
        }),
      );
    },
  }),
}));
