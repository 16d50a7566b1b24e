import type { RelationshipInput } from '../../curation/curator';
import { builder } from '../builder';
import { forgetLoaded, loadEnterprise } from '../context';
import { keyOf } from '../global-id';
import { ChainRef, EnterpriseRef, RelationRef, SegmentRef } from './refs';

/**
 * Curation mutations (editor role): every change is checked with the importer's rules, written
 * through the store port (durably, on the embedded store) and answered with the graph as it is
 * after the write. A change with any problem writes nothing.
 */

const RelationshipKindEnum = builder.enumType('RelationshipKind', {
  description: 'Relationships a curator may add or remove.',
  values: {
    CONTROLS: { description: 'Enterprise → enterprise: holds a share of it (the share when known).' },
    SUPPLIES: { description: 'Enterprise → enterprise: supplies a product to it (product required).' },
    IN_SEGMENT: { description: 'Enterprise → segment: works in that link of a chain.' },
    ANCHORS: { description: 'Enterprise → chain: is a chain owner (链主) of it.' },
  },
});

/** The field builder of an input type of this schema. */
type InputFields = Parameters<NonNullable<Parameters<typeof builder.inputType>[1]['fields']>>[0];

const enterpriseFields = (t: InputFields, required: boolean) => ({
  name: t.string({ required, description: 'Registered Chinese name.' }),
  shortName: t.string({ description: 'Short name (简称); derived from the name when left out.' }),
  province: t.string(),
  city: t.string(),
  district: t.string({ description: 'The county-level district (区县).' }),
  address: t.string(),
  local: t.boolean({
    description: 'Inside the home district (本地); derived from the location when left out.',
  }),
  status: t.string({ description: 'e.g. 存续.' }),
  industry: t.string(),
  stockCode: t.string(),
  park: t.string(),
  foundedOn: t.string({ description: 'A date: 2015-03-02, 2015/3/2 or 2015年3月2日.' }),
  registeredCapital: t.float({ description: '10k CNY (万元).' }),
  employees: t.int(),
  revenue: t.float({ description: 'Annual revenue, 10k CNY (万元).' }),
  tags: t.stringList(),
});

const CreateEnterpriseInput = builder.inputType('CreateEnterpriseInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'Its key: the unified social credit code (checked) or another id.' }),
    ...enterpriseFields(t, true),
  }),
});

const UpdateEnterpriseInput = builder.inputType('UpdateEnterpriseInput', {
  description: 'The fields to change; a field left out (or null) keeps its value.',
  fields: (t) => enterpriseFields(t, false),
});

const relationshipKey = (t: InputFields) => ({
  kind: t.field({ type: RelationshipKindEnum, required: true }),
  from: t.id({ required: true, description: 'The enterprise it leaves: global id or key.' }),
  to: t.id({
    required: true,
    description: 'An enterprise (CONTROLS, SUPPLIES), a segment (IN_SEGMENT) or a chain (ANCHORS): global id or key.',
  }),
  product: t.string({ description: 'SUPPLIES: what is supplied (part of its key).' }),
});

const AddRelationshipInput = builder.inputType('AddRelationshipInput', {
  fields: (t) => ({
    ...relationshipKey(t),
    share: t.float({ description: 'CONTROLS: 0.51, or 51 for 51%.' }),
    annualValue: t.float({ description: 'SUPPLIES: 10k CNY (万元) a year.' }),
    source: t.string({ description: 'Where this comes from; default: "curated by" the caller.' }),
    confidence: t.float({ description: 'From 0 to 1; default 1.' }),
    verifiedAt: t.string({ description: 'When it was last checked, a date.' }),
  }),
});

const RelationshipKeyInput = builder.inputType('RelationshipKeyInput', {
  description: 'Names one relationship: kind, ends and (for SUPPLIES) product.',
  fields: (t) => relationshipKey(t),
});

type Change = { kind: RelationshipInput['kind']; from: string; to: string; product?: string | null; changed: boolean };

const RelationshipChangeRef = builder.objectRef<Change>('RelationshipChange');
RelationshipChangeRef.implement({
  description: 'A relationship added, updated or removed, and its ends as they are now.',
  fields: (t) => ({
    kind: t.field({ type: RelationshipKindEnum, resolve: (c) => c.kind }),
    changed: t.boolean({ description: 'add: it is new; remove: always true.', resolve: (c) => c.changed }),
    from: t.field({ type: EnterpriseRef, resolve: (c, _a, { loaders }) => loadEnterprise(loaders, c.from) }),
    toEnterprise: t.field({
      type: EnterpriseRef,
      nullable: true,
      resolve: (c, _a, { loaders }) =>
        c.kind === 'CONTROLS' || c.kind === 'SUPPLIES' ? loadEnterprise(loaders, c.to) : null,
    }),
    toSegment: t.field({
      type: SegmentRef,
      nullable: true,
      resolve: async (c, _a, { loaders }) =>
        c.kind === 'IN_SEGMENT' ? ((await loaders.segment.load(c.to)) ?? null) : null,
    }),
    toChain: t.field({
      type: ChainRef,
      nullable: true,
      resolve: async (c, _a, { loaders }) => (c.kind === 'ANCHORS' ? ((await loaders.chain.load(c.to)) ?? null) : null),
    }),
    relation: t.field({
      type: RelationRef,
      nullable: true,
      description: 'CONTROLS and SUPPLIES: the relationship now (null after a removal).',
      resolve: async (c, _a, { loaders }) => {
        if (c.kind === 'CONTROLS')
          return (await loaders.relation.load({ kind: c.kind, from: c.from, to: c.to })) ?? null;
        if (c.kind === 'SUPPLIES' && c.product)
          return (await loaders.relation.load({ kind: c.kind, from: c.from, to: c.to, product: c.product })) ?? null;
        return null;
      },
    }),
  }),
});

const EnterpriseChangeRef = builder.objectRef<{ id: string; changed: boolean }>('EnterpriseChange');
EnterpriseChangeRef.implement({
  fields: (t) => ({
    changed: t.boolean({ description: 'Whether anything was written.', resolve: (c) => c.changed }),
    enterprise: t.field({ type: EnterpriseRef, resolve: (c, _a, { loaders }) => loadEnterprise(loaders, c.id) }),
  }),
});

/** The keys of a relationship input's ends, from global ids or keys. */
function ends(input: { kind: RelationshipInput['kind']; from: string | number; to: string | number }) {
  const toType = { CONTROLS: 'Enterprise', SUPPLIES: 'Enterprise', IN_SEGMENT: 'Segment', ANCHORS: 'Chain' }[
    input.kind
  ];
  return { from: keyOf('Enterprise', input.from, 'input.from'), to: keyOf(toType, input.to, 'input.to') };
}

const editor = { editor: true } as const;

builder.mutationFields((t) => ({
  createEnterprise: t.field({
    type: EnterpriseChangeRef,
    authScopes: editor,
    description: 'Adds an enterprise; BAD_INPUT when a field is wrong or the id is taken.',
    args: { input: t.arg({ type: CreateEnterpriseInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const id = await context.curator.createEnterprise(context.caller, { ...input, id: String(input.id) });
      forgetLoaded(context);
      return { id, changed: true };
    },
  }),
  updateEnterprise: t.field({
    type: EnterpriseChangeRef,
    authScopes: editor,
    description: 'Changes the fields given; NOT_FOUND for an unknown enterprise, BAD_INPUT for a wrong field.',
    args: {
      id: t.arg.id({ required: true, description: 'Global id or key.' }),
      input: t.arg({ type: UpdateEnterpriseInput, required: true }),
    },
    resolve: async (_root, args, context) => {
      const id = keyOf('Enterprise', args.id, 'id');
      const changed = await context.curator.updateEnterprise(context.caller, id, { ...args.input });
      forgetLoaded(context);
      return { id, changed };
    },
  }),
  addRelationship: t.field({
    type: RelationshipChangeRef,
    authScopes: editor,
    description:
      'Adds a relationship with its provenance, or updates the one with the same kind, ends and product. BAD_INPUT names every wrong field (an unknown end, a share sum over 100%, …).',
    args: { input: t.arg({ type: AddRelationshipInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const keys = ends(input);
      const changed = await context.curator.addRelationship(context.caller, { ...input, ...keys } as RelationshipInput);
      forgetLoaded(context);
      return { kind: input.kind, ...keys, product: input.product ?? null, changed };
    },
  }),
  removeRelationship: t.field({
    type: RelationshipChangeRef,
    authScopes: editor,
    description: 'Takes a relationship out; NOT_FOUND when there is none with that key.',
    args: { input: t.arg({ type: RelationshipKeyInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const keys = ends(input);
      await context.curator.removeRelationship(context.caller, {
        kind: input.kind,
        ...keys,
        product: input.product ?? null,
      });
      forgetLoaded(context);
      return { kind: input.kind, ...keys, product: input.product ?? null, changed: true };
    },
  }),
}));
