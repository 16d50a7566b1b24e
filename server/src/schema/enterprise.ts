import { RoleEnum } from './enums';
import { EnterpriseRef, SegmentRef } from './refs';

EnterpriseRef.implement({
  description: 'A company (企业). Its id is the unified social credit code where known.',
  fields: (t) => ({
    id: t.exposeID('id'),
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
      description: 'The chain segments the enterprise works in.',
      resolve: (e, _args, { loaders }) => loaders.segmentsOf.load(e.id),
    }),
  }),
});
