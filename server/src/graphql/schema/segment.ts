import { enterpriseOrder } from '../../domain/order';
import { builder } from '../builder';
import { codedError, notFound } from '../errors';
import { keyOf } from '../global-id';
import { whenLoaded } from '../loader';
import { arrayConnection } from '../pagination';
import { EnterpriseOrderEnum, TierEnum } from './enums';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';
import { withheldFrom } from './withheld';

builder.objectFields(SegmentRef, (t) => ({
  name: t.exposeString('name'),
  tier: t.field({ type: TierEnum, resolve: (s) => s.tier }),
  order: t.exposeInt('order', { description: 'Position along the chain, upstream first.' }),
  chain: t.field({
    type: ChainRef,
    resolve: (s, _args, { loaders }) =>
      whenLoaded(
        loaders.chain.load(s.chainId),
        (chain) => chain ?? Promise.reject(codedError('NOT_FOUND', `Chain '${s.chainId}' is missing.`)),
      ),
  }),
  parent: t.field({
    type: SegmentRef,
    nullable: true,
    description: 'The segment this one is a part of (环节 → 子环节), in the same chain; null for a top-level segment.',
    resolve: async (s, _args, { loaders }) =>
      s.parentId ? ((await loaders.chain.load(s.chainId))?.segments.find((x) => x.id === s.parentId) ?? null) : null,
  }),
  feedsInto: t.field({
    type: [SegmentRef],
    description: 'The segments this one feeds, by the chain template (FEEDS).',
    resolve: async (s, _args, { loaders }) => {
      const chain = await loaders.chain.load(s.chainId);
      const to = new Set(chain?.feeds.filter((f) => f.from === s.id).map((f) => f.to));
      return chain?.segments.filter((x) => to.has(x.id)) ?? [];
    },
  }),
  fedBy: t.field({
    type: [SegmentRef],
    description: 'The segments that feed this one, by the chain template (FEEDS).',
    resolve: async (s, _args, { loaders }) => {
      const chain = await loaders.chain.load(s.chainId);
      const from = new Set(chain?.feeds.filter((f) => f.to === s.id).map((f) => f.from));
      return chain?.segments.filter((x) => from.has(x.id)) ?? [];
    },
  }),
  enterprises: t.connection({
    type: EnterpriseRef,
    description:
      'Enterprises working in the segment; `local` keeps only those inside (true) or outside (false) the district. By key unless `orderBy` says otherwise. A viewer is not shown the outside firms of a segment that needs something (they are where candidates come from).',
    args: { local: t.arg.boolean(), orderBy: t.arg({ type: EnterpriseOrderEnum }) },
    resolve: async (s, args, context) => {
      const withheld = await withheldFrom(context, [s.chainId]);
      const found = (await context.loaders.chainMembers.load(s.chainId))
        .filter(
          (m) =>
            m.segmentId === s.id &&
            (args.local == null || m.enterprise.local === args.local) &&
            !withheld.hides({ segmentId: m.segmentId, local: m.enterprise.local }),
        )
        .map((m) => m.enterprise);
      return arrayConnection(args, args.orderBy ? found.sort(enterpriseOrder(args.orderBy)) : found);
    },
  }),
  localCount: t.int({
    description: 'How many local enterprises work in the segment.',
    resolve: async (s, _args, { loaders }) =>
      (await loaders.chainMembers.load(s.chainId)).filter((m) => m.segmentId === s.id && m.enterprise.local).length,
  }),
  covered: t.boolean({
    description: 'At least one local enterprise works in the segment.',
    resolve: async (s, _args, { loaders }) =>
      (await loaders.chainMembers.load(s.chainId)).some((m) => m.segmentId === s.id && m.enterprise.local),
  }),
}));

builder.queryFields((t) => ({
  segment: t.field({
    type: SegmentRef,
    nullable: true,
    description: 'One segment, by its global id or its own key; NOT_FOUND when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, { loaders }) => {
      const id = keyOf('Segment', args.id, 'id');
      return (await loaders.segment.load(id)) ?? Promise.reject(notFound('segment', id));
    },
  }),
}));
