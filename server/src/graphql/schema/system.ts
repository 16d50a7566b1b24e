import { builder } from '../builder';
import { found, loadEnterprise } from '../context';
import { notFound } from '../errors';
import { keyOf } from '../global-id';
import { arrayConnection } from '../pagination';
import { SystemOrderEnum } from './enums';
import { EnterpriseRef, SystemMemberRef, SystemRef } from './refs';
import { enterprisePage, roundShare } from './values';

SystemMemberRef.implement({
  description: 'A member of an enterprise system.',
  fields: (t) => ({
    enterprise: t.field({ type: EnterpriseRef, resolve: (m) => m.enterprise }),
    effectiveShare: t.float({
      description: "The root's share, multiplied along the chain of control, to six places.",
      resolve: (m) => roundShare(m.effectiveShare),
    }),
    level: t.exposeInt('level', { description: 'Levels below the root (0 for the root).' }),
  }),
});

builder.objectFields(SystemRef, (t) => ({
  root: t.field({ type: EnterpriseRef, resolve: (s, _args, { loaders }) => loadEnterprise(loaders, s.rootId) }),
  members: t.connection({
    type: SystemMemberRef,
    description: 'The root first, then its direct enterprises (直系) by level.',
    resolve: (s, args) => arrayConnection(args, s.members),
  }),
  directCount: t.int({
    description: 'Direct enterprises (the root not counted).',
    resolve: (s) => s.members.length - 1,
  }),
  affiliateCount: t.int({ resolve: (s) => s.affiliateIds.length }),
  affiliates: t.connection({
    type: EnterpriseRef,
    description:
      'Supply-chain affiliates (供应链关联企业): enterprises outside the system linked to a member by SUPPLIES.',
    resolve: (s, args, { loaders }) => enterprisePage(loaders, args, s.affiliateIds),
  }),
}));

builder.queryFields((t) => ({
  systems: t.connection({
    type: SystemRef,
    description: "Every root enterprise's system, by root id unless `orderBy` says otherwise.",
    args: { orderBy: t.arg({ type: SystemOrderEnum, defaultValue: 'ROOT_ID' }) },
    resolve: async (_root, args, { loaders }) => {
      const roots = await loaders.systemRoots.load('all');
      const systems = found(await loaders.system.loadMany(roots));
      if (args.orderBy === 'SIZE')
        // a stable sort of a list by root id: equal sizes stay in that order
        systems.sort((a, b) => b.members.length - a.members.length || b.affiliateIds.length - a.affiliateIds.length);
      return arrayConnection(args, systems);
    },
  }),
  system: t.field({
    type: SystemRef,
    nullable: true,
    description: "The system of a root enterprise, by the global id of the system or of its root, or the root's key.",
    args: { rootId: t.arg.id({ required: true }) },
    resolve: async (_root, args, { loaders }) => {
      const rootId = keyOf(['EnterpriseSystem', 'Enterprise'], args.rootId, 'rootId');
      return (await loaders.system.load(rootId)) ?? Promise.reject(notFound('root enterprise', rootId));
    },
  }),
}));
