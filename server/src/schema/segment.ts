import { codedError } from '../errors';
import { TierEnum } from './enums';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';

SegmentRef.implement({
  description: 'A link of a chain (环节).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    tier: t.field({ type: TierEnum, resolve: (s) => s.tier }),
    order: t.exposeInt('order', { description: 'Position along the chain, upstream first.' }),
    chain: t.field({
      type: ChainRef,
      resolve: async (s, _args, { loaders }) =>
        (await loaders.chain.load(s.chainId)) ??
        Promise.reject(codedError('NOT_FOUND', `Chain '${s.chainId}' is missing.`)),
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
    enterprises: t.field({
      type: [EnterpriseRef],
      description:
        'Enterprises working in the segment; `local` keeps only those inside (true) or outside (false) the district.',
      args: { local: t.arg.boolean() },
      resolve: async (s, { local }, { loaders }) =>
        (await loaders.chainMembers.load(s.chainId))
          .filter((m) => m.segmentId === s.id && (local == null || m.enterprise.local === local))
          .map((m) => m.enterprise),
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
  }),
});
