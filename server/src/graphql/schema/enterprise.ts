import type { Segment } from '../../domain/model';
import type { EnterpriseRecord } from '../../store/port';
import { builder } from '../builder';
import { type Context, found, loadEnterprise } from '../context';
import { keyOf } from '../global-id';
import { RoleEnum } from './enums';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';
import { withheldFrom } from './withheld';

const AttributeRef = builder.objectRef<{ name: string; value: string }>('Attribute').implement({
  description: 'A column of the source kept as it was.',
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
});

builder.objectFields(EnterpriseRef, (t) => {
  type Optional =
    | 'district'
    | 'city'
    | 'province'
    | 'address'
    | 'park'
    | 'status'
    | 'industry'
    | 'companyType'
    | 'legalRepresentative'
    | 'phone'
    | 'stockCode';
  const text = (field: Optional, description: string) =>
    t.string({ nullable: true, description, resolve: (e) => e[field] ?? null });
  return {
    name: t.exposeString('name', { description: 'Registered Chinese name.' }),
    shortName: t.exposeString('shortName', {
      description: 'Short name (简称): given, or derived from the name (then `derivedFields` names it).',
    }),
    district: text('district', 'The county-level district (区县) it is registered in.'),
    city: text('city', 'City (所属城市).'),
    province: text('province', 'Province (所属省份).'),
    address: text('address', 'Registered address (企业地址).'),
    local: t.exposeBoolean('local', {
      description:
        'Inside the home district (本地): given, or derived from its location (then `derivedFields` names it; false when the location is unknown).',
    }),
    park: text('park', 'Industrial park (园区).'),
    status: text('status', 'Registration status (登记状态), e.g. 存续; null when unknown.'),
    industry: text('industry', 'Industry as its source classifies it (所属行业).'),
    companyType: text('companyType', 'Legal form (企业类型).'),
    legalRepresentative: text('legalRepresentative', 'Legal representative (法定代表人).'),
    phone: text('phone', 'Telephone, as registered.'),
    stockCode: text('stockCode', 'Stock code with its exchange (300750.SZ), when listed.'),
    registeredCapitalCurrency: t.string({
      description: 'ISO 4217 code of `registeredCapital` (CNY unless the registry says otherwise).',
      resolve: (e) => e.registeredCapitalCurrency ?? 'CNY',
    }),
    derivedFields: t.stringList({
      description: 'The fields whose value Chain Atlas derived rather than took from data (shortName, local).',
      resolve: (e) => e.derived ?? [],
    }),
    attributes: t.field({
      type: [AttributeRef],
      description: 'Columns of the source the format does not know, kept on import (--keep-extra-columns), by name.',
      resolve: (e) =>
        Object.entries(e.attributes ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, value]) => ({ name, value })),
    }),
    foundedOn: t.string({ nullable: true, description: 'ISO date.', resolve: (e) => e.foundedOn ?? null }),
    registeredCapital: t.float({
      nullable: true,
      description: 'In 10k (万) of `registeredCapitalCurrency`.',
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
      description:
        'The chain segments the enterprise works in (IN_SEGMENT), by chain key, then along the chain. A viewer is not shown an outside firm’s segments that need something.',
      complexity: { field: 1, multiplier: 3 },
      resolve: (e, _args, context) => visibleSegments(context, e),
    }),
    chains: t.field({
      type: [ChainRef],
      description: 'The chains it works in: those of its segments.',
      complexity: { field: 1, multiplier: 3 },
      resolve: async (e, _args, context) => {
        const ids = [...new Set((await visibleSegments(context, e)).map((s) => s.chainId))];
        return found(await context.loaders.chain.loadMany(ids));
      },
    }),
    anchorOf: t.field({
      type: [ChainRef],
      description: 'The chains it anchors, as a chain owner (链主).',
      complexity: { field: 1, multiplier: 3 },
      resolve: async (e, _args, { loaders }) =>
        found(await loaders.chain.loadMany(await loaders.anchoredBy.load(e.id))),
    }),
  };
});

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

/** The segments of `e` its caller is shown (withheld.ts). */
async function visibleSegments(context: Context, e: EnterpriseRecord): Promise<Segment[]> {
  const segments = await context.loaders.segmentsOf.load(e.id);
  if (e.local || segments.length === 0) return segments;
  const withheld = await withheldFrom(
    context,
    segments.map((s) => s.chainId),
  );
  return segments.filter((s) => !withheld.hides({ segmentId: s.id, local: e.local }));
}
