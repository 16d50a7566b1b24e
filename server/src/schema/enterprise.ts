import { builder } from '../builder';
import { found, loadEnterprise } from '../context';
import { keyOf } from '../global-id';
import { RoleEnum } from './enums';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';

builder.objectFields(EnterpriseRef, (t) => ({
  name: t.exposeString('name', { description: 'Registered Chinese name.' }),
  shortName: t.exposeString('shortName', { description: 'Short name (简称).' }),
  district: t.exposeString('district'),
  local: t.exposeBoolean('local', { description: 'Registered inside the district (本地).' }),
  park: t.string({ nullable: true, resolve: (e) => e.park ?? null }),
  status: t.exposeString('status'),
  foundedOn: t.string({ nullable: true, description: 'ISO date.', resolve: (e) => e.foundedOn ?? null }),
  registeredCapital: t.float({
    nullable: true,
    description: 'In 10k CNY (万元).',
    resolve: (e) => e.registeredCapital ?? null,
  }),
  employees: t.int({ nullable: true, resolve: (e) => e.employees ?? null }),
  revenue: t.float({
    nullable: true,
    description: 'Annual revenue in 10k CNY (万元).',
    resolve: (e) => e.revenue ?? null,
  }),
  tags: t.exposeStringList('tags'),
  role: t.field({ type: RoleEnum, resolve: (e) => e.role }),
  segments: t.field({
    type: [SegmentRef],
    description: 'The chain segments the enterprise works in (IN_SEGMENT).',
    complexity: { field: 1, multiplier: 3 },
    resolve: (e, _args, { loaders }) => loaders.segmentsOf.load(e.id),
  }),
  chains: t.field({
    type: [ChainRef],
    description: 'The chains it works in: those of its segments.',
    complexity: { field: 1, multiplier: 3 },
    resolve: async (e, _args, { loaders }) => {
      const ids = [...new Set((await loaders.segmentsOf.load(e.id)).map((s) => s.chainId))];
      return found(await loaders.chain.loadMany(ids));
    },
  }),
  anchorOf: t.field({
    type: [ChainRef],
    description: 'The chains it anchors, as a chain owner (链主).',
    complexity: { field: 1, multiplier: 3 },
    resolve: async (e, _args, { loaders }) => found(await loaders.chain.loadMany(await loaders.anchoredBy.load(e.id))),
  }),
}));

builder.queryFields((t) => ({
  enterprise: t.field({
    type: EnterpriseRef,
    nullable: true,
    description:
      'One enterprise, by its global id or its own key (a unified social credit code); NOT_FOUND when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { loaders }) => loadEnterprise(loaders, keyOf('Enterprise', id, 'id')),
  }),
}));
