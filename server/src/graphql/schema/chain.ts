import type { SegmentMembership } from '../../store/port';
import { builder, connectionCost } from '../builder';
import { loadEnterprises } from '../context';
import { notFound } from '../errors';
import { keyOf } from '../global-id';
import { arrayConnection } from '../pagination';
import { TierEnum } from './enums';
import { ChainRef, EnterpriseRef, LeaderRef, SegmentRef } from './refs';
import { withheldFrom } from './withheld';

const MembershipConnection = builder.connectionObject(
  { type: EnterpriseRef, name: 'ChainMemberConnection' },
  {
    name: 'ChainMemberEdge',
    description: 'An enterprise working in a segment of the chain (an enterprise in two segments is two edges).',
    fields: (t) => ({
      segment: t.field({
        type: SegmentRef,
        resolve: async (e, _a, { loaders }) =>
          (await loaders.segment.load((e as unknown as { segmentId: string }).segmentId)) ??
          Promise.reject(notFound('segment', (e as unknown as { segmentId: string }).segmentId)),
      }),
    }),
  },
);

/** The memberships a chain's `members` arguments keep. */
export function filterMembers(
  all: readonly SegmentMembership[],
  segmentTier: ReadonlyMap<string, string>,
  {
    local,
    segmentId,
    tier,
  }: { local: boolean | null | undefined; segmentId: string | null; tier: string | null | undefined },
): SegmentMembership[] {
  return all.filter(
    (m) =>
      (local == null || m.enterprise.local === local) &&
      (segmentId == null || m.segmentId === segmentId) &&
      (tier == null || segmentTier.get(m.segmentId) === tier),
  );
}

builder.objectFields(ChainRef, (t) => ({
  name: t.exposeString('name'),
  description: t.string({ nullable: true, resolve: (c) => c.description ?? null }),
  leaders: t.field({
    type: [LeaderRef],
    description: 'Chain leaders (链长).',
    complexity: { field: 1, multiplier: 3 },
    resolve: (c) => c.leaders,
  }),
  anchors: t.field({
    type: [EnterpriseRef],
    description: 'Chain owners (链主): the enterprises that anchor the chain.',
    complexity: { field: 1, multiplier: 5 },
    resolve: (c, _args, { loaders }) => loadEnterprises(loaders, c.anchorIds),
  }),
  segments: t.field({
    type: [SegmentRef],
    description: 'The links of the chain (环节), from upstream to downstream.',
    resolve: (c) => c.segments,
  }),
  members: t.field({
    type: MembershipConnection,
    complexity: connectionCost,
    description:
      'Enterprises working in its segments, by segment order; filter by local or outside, segment or tier. A viewer is not shown the outside firms of segments that need something.',
    args: {
      ...t.arg.connectionArgs(),
      local: t.arg.boolean({ description: 'true: inside the district; false: outside.' }),
      segmentId: t.arg.id({ description: 'A segment of this chain: its global id or key.' }),
      tier: t.arg({ type: TierEnum }),
    },
    resolve: async (c, args, context) => {
      const withheld = await withheldFrom(context, [c.id]);
      const all = (await context.loaders.chainMembers.load(c.id)).filter(
        (m) => !withheld.hides({ segmentId: m.segmentId, local: m.enterprise.local }),
      );
      const tiers = new Map(c.segments.map((s) => [s.id, s.tier]));
      const kept = filterMembers(all, tiers, {
        local: args.local,
        segmentId: args.segmentId == null ? null : keyOf('Segment', args.segmentId, 'segmentId'),
        tier: args.tier,
      });
      const page = arrayConnection(args, kept);
      return {
        ...page,
        edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.enterprise, segmentId: e.node.segmentId })),
      };
    },
  }),
  localCount: t.int({
    description: 'Local enterprises working in the chain (each counted once).',
    resolve: async (c, _a, { loaders }) =>
      new Set((await loaders.chainMembers.load(c.id)).filter((m) => m.enterprise.local).map((m) => m.enterprise.id))
        .size,
  }),
  outsideCount: t.int({
    description: 'Enterprises outside the district working in the chain (each counted once).',
    resolve: async (c, _a, { loaders }) =>
      new Set((await loaders.chainMembers.load(c.id)).filter((m) => !m.enterprise.local).map((m) => m.enterprise.id))
        .size,
  }),
}));

builder.queryFields((t) => ({
  chains: t.connection({
    type: ChainRef,
    description: 'Every industry chain of the district, by key.',
    resolve: async (_root, args, { loaders }) => arrayConnection(args, await loaders.allChains.load('all')),
  }),
  chain: t.field({
    type: ChainRef,
    nullable: true,
    description: 'One chain, by its global id or its own key (e.g. logistics); NOT_FOUND when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, { loaders }) => {
      const id = keyOf('Chain', args.id, 'id');
      return (await loaders.chain.load(id)) ?? Promise.reject(notFound('chain', id));
    },
  }),
}));
