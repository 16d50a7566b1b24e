import { removalImpact } from '../analysis/chokepoints';
import { ultimateController } from '../analysis/equity';
import { ChainIndexView } from '../analysis/subgraph';
import { builder } from '../builder';
import { loadEnterprise, loadEnterprises } from '../context';
import { notFound } from '../errors';
import { keyOf } from '../global-id';
import { arrayConnection } from '../pagination';
import { EnterpriseRef, SegmentRef, SystemRef } from './refs';
import { roundShare } from './values';

const ControllerRef = builder.objectRef<{ controllerId: string; effectiveShare: number; path: string[] }>(
  'UltimateController',
);
const LostSupplyRef = builder.objectRef<{ memberId: string; segmentId: string; chainId: string }>('LostSupply');

ControllerRef.implement({
  description: '实际控制人: the holder at the top of the chain of control, with its multiplied share.',
  fields: (t) => ({
    controller: t.field({
      type: EnterpriseRef,
      resolve: (c, _a, { loaders }) => loadEnterprise(loaders, c.controllerId),
    }),
    effectiveShare: t.float({
      description: 'From 0 to 1, to six places.',
      resolve: (c) => roundShare(c.effectiveShare),
    }),
    path: t.field({
      type: [EnterpriseRef],
      description: 'From the controller down to the enterprise.',
      resolve: (c, _a, { loaders }) => loadEnterprises(loaders, c.path),
    }),
  }),
});

LostSupplyRef.implement({
  description: 'A local member that would have no supplier left in a segment.',
  fields: (t) => ({
    member: t.field({ type: EnterpriseRef, resolve: (l, _a, { loaders }) => loadEnterprise(loaders, l.memberId) }),
    segment: t.field({
      type: SegmentRef,
      resolve: async (l, _a, { loaders }) =>
        (await loaders.chain.load(l.chainId))?.segments.find((s) => s.id === l.segmentId) ??
        Promise.reject(notFound('segment', l.segmentId)),
    }),
  }),
});

builder.objectFields(EnterpriseRef, (t) => ({
  ultimateController: t.field({
    type: ControllerRef,
    nullable: true,
    description:
      'The ultimate controller (实际控制人), following CONTROLS upward and multiplying shares; null when nobody reaches 50%.',
    resolve: async (e, _a, { loaders }) => {
      const holdings = await loaders.ownersUp.load(e.id);
      return ultimateController(e.id, (id) => holdings.filter((h) => h.to === id)) ?? null;
    },
  }),
  system: t.field({
    type: SystemRef,
    nullable: true,
    description: 'The system (系) the enterprise belongs to: its own if it is a root, else its ultimate controller’s.',
    resolve: async (e, _a, { loaders }) => {
      const own = await loaders.system.load(e.id);
      if (own) return own;
      const holdings = await loaders.ownersUp.load(e.id);
      const top = ultimateController(e.id, (id) => holdings.filter((h) => h.to === id));
      return (top && (await loaders.system.load(top.controllerId))) ?? null;
    },
  }),
  removalImpact: t.connection({
    type: LostSupplyRef,
    description:
      'What losing this enterprise would cost a chain: the local members left with no supplier of a segment.',
    args: { chainId: t.arg.id({ required: true, description: 'Global id or key.' }) },
    resolve: async (e, args, { loaders }) => {
      const chainId = keyOf('Chain', args.chainId, 'chainId');
      const graph = await loaders.chainSubgraph.load(chainId);
      if (!graph) throw notFound('chain', chainId);
      return arrayConnection(
        args,
        removalImpact(new ChainIndexView(graph), e.id).map((l) => ({ ...l, chainId })),
      );
    },
  }),
}));
