import { builder } from '../builder';
import { loadEnterprise } from '../context';
import { encodeId } from '../global-id';
import { RelationKindEnum } from './enums';
import { EnterpriseRef, ProvenanceRef, RelationRef } from './refs';

ProvenanceRef.implement({
  description: 'Where a relationship taken from data came from.',
  fields: (t) => ({
    source: t.exposeString('source'),
    confidence: t.exposeFloat('confidence', { description: 'From 0 to 1.' }),
    verifiedAt: t.string({ nullable: true, description: 'ISO date.', resolve: (p) => p.verifiedAt ?? null }),
  }),
});

builder.objectFields(RelationRef, (t) => ({
  kind: t.field({ type: RelationKindEnum, resolve: (r) => r.kind }),
  fromId: t.id({
    description: 'The global id of the parent (CONTROLS) or the supplier (SUPPLIES).',
    resolve: (r) => encodeId('Enterprise', r.from),
  }),
  toId: t.id({
    description: 'The global id of the subsidiary (CONTROLS) or the customer (SUPPLIES).',
    resolve: (r) => encodeId('Enterprise', r.to),
  }),
  from: t.field({ type: EnterpriseRef, resolve: (r, _args, { loaders }) => loadEnterprise(loaders, r.from) }),
  to: t.field({ type: EnterpriseRef, resolve: (r, _args, { loaders }) => loadEnterprise(loaders, r.to) }),
  share: t.float({
    nullable: true,
    description: 'CONTROLS: the share held, from 0 to 1; null for SUPPLIES and where the source does not say.',
    resolve: (r) => (r.kind === 'CONTROLS' ? (r.share ?? null) : null),
  }),
  product: t.string({
    nullable: true,
    description: 'SUPPLIES: what is supplied.',
    resolve: (r) => (r.kind === 'SUPPLIES' ? r.product : null),
  }),
  annualValue: t.float({
    nullable: true,
    description: 'SUPPLIES: yearly value in 10k CNY (万元).',
    resolve: (r) => (r.kind === 'SUPPLIES' ? (r.annualValue ?? null) : null),
  }),
  provenance: t.field({ type: ProvenanceRef, resolve: (r) => r }),
}));
