import { builder } from '../builder';
import { loadEnterprise, loadEnterprises } from '../context';
import { idArgument, notFound } from '../errors';
import { EnterpriseRef, SystemMemberRef, SystemRef } from './refs';

SystemMemberRef.implement({
  description: 'A member of an enterprise system.',
  fields: (t) => ({
    enterprise: t.field({ type: EnterpriseRef, resolve: (m) => m.enterprise }),
    effectiveShare: t.exposeFloat('effectiveShare', {
      description: "The root's share, multiplied along the chain of control.",
    }),
    level: t.exposeInt('level', { description: 'Levels below the root (0 for the root).' }),
  }),
});

SystemRef.implement({
  description: 'An enterprise system (系): a root, its direct enterprises (直系) and its supply-chain affiliates.',
  fields: (t) => ({
    root: t.field({
      type: EnterpriseRef,
      resolve: (s, _args, { loaders }) => loadEnterprise(loaders, s.rootId),
    }),
    members: t.field({
      type: [SystemMemberRef],
      description: 'The root first, then its direct enterprises.',
      resolve: (s) => s.members,
    }),
    directCount: t.int({
      description: 'Direct enterprises (the root not counted).',
      resolve: (s) => s.members.length - 1,
    }),
    affiliateCount: t.int({ resolve: (s) => s.affiliateIds.length }),
    affiliates: t.field({
      type: [EnterpriseRef],
      description: 'Enterprises outside the system linked to a member by SUPPLIES.',
      resolve: (s, _args, { loaders }) => loadEnterprises(loaders, s.affiliateIds),
    }),
  }),
});

builder.queryFields((t) => ({
  systems: t.field({
    type: [SystemRef],
    description: "Every root enterprise's system.",
    resolve: async (_root, _args, { store }) => {
      const systems = await Promise.all((await store.systemRoots()).map((id) => store.system(id)));
      return systems.filter((s) => s !== undefined);
    },
  }),
  system: t.field({
    type: SystemRef,
    nullable: true,
    args: { rootId: t.arg.id({ required: true }) },
    resolve: async (_root, args, { store }) => {
      const rootId = idArgument('rootId', args.rootId);
      return (await store.system(rootId)) ?? Promise.reject(notFound('root enterprise', rootId));
    },
  }),
}));
