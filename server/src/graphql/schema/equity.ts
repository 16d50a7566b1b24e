import { removalImpact } from '../../analysis/chokepoints';
import { type Controller, type UltimateController, ultimateController } from '../../analysis/equity';
import { ChainIndexView } from '../../analysis/subgraph';
import { builder } from '../builder';
import { loadEnterprise, loadEnterprises } from '../context';
import { notFound } from '../errors';
import { keyOf } from '../global-id';
import { arrayConnection } from '../pagination';
import { EnterpriseRef, SegmentRef, SystemRef } from './refs';
import { roundShare } from './values';

const ControllerRef = builder.objectRef<UltimateController>('UltimateController');
const JointControllerRef = builder.objectRef<Controller>('JointController');

const ControlKindEnum = builder.enumType('ControlKind', {
  description: 'Whether one holder controls an enterprise, or several together.',
  values: {
    SOLE: { description: 'One holder has more than the threshold (50%), multiplied along its path.' },
    JOINT: {
      description: 'The top holders tie, so none controls alone (e.g. the two parents of a 50/50 joint venture).',
    },
  },
});
const LostSupplyRef = builder.objectRef<{ memberId: string; segmentId: string; chainId: string }>('LostSupply');

ControllerRef.implement({
  description:
    '实际控制人: who is at the top of the chain of control, with the multiplied share. SOLE: one holder with more than the threshold (50%); JOINT: the top holders tie (e.g. a 50/50 joint venture), and every one of them is named.',
  fields: (t) => ({
    kind: t.field({ type: ControlKindEnum, resolve: (c) => c.kind }),
    controller: t.field({
      type: EnterpriseRef,
      nullable: true,
      description: 'The sole controller; null under joint control (see jointControllers).',
      resolve: (c, _a, { loaders }) => (c.kind === 'SOLE' ? loadEnterprise(loaders, c.controllerId) : null),
    }),
    effectiveShare: t.float({
      description: "From 0 to 1, to six places: the sole controller's, or each joint controller's (they tie).",
      resolve: (c) => roundShare(c.effectiveShare),
    }),
    path: t.field({
      type: [EnterpriseRef],
      description: 'From the sole controller down to the enterprise; empty under joint control (each has its own).',
      resolve: (c, _a, { loaders }) => (c.kind === 'SOLE' ? loadEnterprises(loaders, c.path) : []),
    }),
    jointControllers: t.field({
      type: [JointControllerRef],
      description: 'Under joint control, every tied holder with its share and path, by id; empty under sole control.',
      resolve: (c) => (c.kind === 'JOINT' ? c.jointControllers : []),
    }),
  }),
});

JointControllerRef.implement({
  description: 'One of the holders that control an enterprise together.',
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
      description: 'From the holder down to the enterprise.',
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
      'The ultimate controller (实际控制人), following CONTROLS upward and multiplying shares: one holder with more than 50% (SOLE), or the tied top holders (JOINT, e.g. a 50/50 joint venture); null when neither.',
    resolve: async (e, _a, { loaders }) => {
      const holdings = await loaders.ownersUp.load(e.id);
      return ultimateController(e.id, (id) => holdings.filter((h) => h.to === id)) ?? null;
    },
  }),
  system: t.field({
    type: SystemRef,
    nullable: true,
    description:
      'The system (系) the enterprise belongs to: its own if it is a root, else its sole ultimate controller’s; null under joint control (a 50/50 joint venture belongs to neither parent’s system).',
    resolve: async (e, _a, { loaders }) => {
      const own = await loaders.system.load(e.id);
      if (own) return own;
      const holdings = await loaders.ownersUp.load(e.id);
      const top = ultimateController(e.id, (id) => holdings.filter((h) => h.to === id));
      return (top?.kind === 'SOLE' && (await loaders.system.load(top.controllerId))) || null;
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
