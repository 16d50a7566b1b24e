import type { DbSchema } from '@neo4j-cypher/language-support';

/**
 * The graph's schema as Neo4j's Cypher linter wants it, from the domain model
 * (server/src/domain/model.ts and docs/data-format.md): labels, relationship types, property keys.
 * The labels and relationship types are also the allow-lists: no other may reach a query.
 */
export const LABELS = [
  'Enterprise',
  'Chain',
  'Segment',
  'Leader',
  'Product',
  'District',
  'WriteLock',
  'ChainSnapshot',
  'InvestmentLead',
  'LeadEvent',
] as const;
export const RELATIONSHIP_TYPES = [
  'CONTROLS',
  'SUPPLIES',
  'IN_SEGMENT',
  'OF_CHAIN',
  'FEEDS',
  'ANCHORS',
  'LEADS',
  'MAKES',
  'BASED_ON',
] as const;
export type Label = (typeof LABELS)[number];
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const PROPERTY_KEYS = [
  // Enterprise
  'id',
  'name',
  'shortName',
  'district',
  'city',
  'province',
  'address',
  'local',
  'park',
  'status',
  'industry',
  'companyType',
  'legalRepresentative',
  'phone',
  'stockCode',
  'registeredCapitalCurrency',
  'derived',
  'attributes',
  'foundedOn',
  'registeredCapital',
  'employees',
  'revenue',
  'tags',
  'role',
  'shortInitials',
  'nameInitials',
  'searchShort',
  'searchName',
  // Chain, Segment, Leader
  'description',
  'chainId',
  'tier',
  'order',
  'title',
  'parentId',
  'products',
  'keywords',
  // District (the home district: key 'home')
  'key',
  'city',
  'province',
  // WriteLock (one node, key 'graph': every write transaction takes its lock first)
  'writes',
  // ChainSnapshot (chainId, and its JSON: see import/snapshots.cypher)
  'takenAt',
  'seq',
  'depth',
  'head',
  'body',
  // InvestmentLead, LeadEvent (the record and the event as JSON in data; the rest to filter by)
  'enterpriseId',
  'segmentId',
  'stage',
  'owner',
  'version',
  'locked',
  'data',
  'leadId',
  'at',
  // relationships
  'share',
  'product',
  'annualValue',
  'source',
  'confidence',
  'verifiedAt',
  // cypher/test/
  'startedAt',
];

/** Only cypher/test/ uses it: the mark of a database the contract tests may wipe. */
const TEST_LABELS = ['ChainAtlasTestRun'];

export function dbSchema(parameters: Record<string, unknown>): DbSchema {
  return {
    labels: [...LABELS, ...TEST_LABELS],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: PROPERTY_KEYS,
    parameters,
  };
}
