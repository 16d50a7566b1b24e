import type { DbSchema } from '@neo4j-cypher/language-support';

/**
 * The graph's schema as Neo4j's Cypher linter wants it, from the domain model
 * (server/src/domain/model.ts and docs/data-format.md): labels, relationship types, property keys.
 * The labels and relationship types are also the allow-lists: no other may reach a query.
 */
export const LABELS = ['Enterprise', 'Chain', 'Segment', 'Leader'] as const;
export const RELATIONSHIP_TYPES = [
  'CONTROLS',
  'SUPPLIES',
  'IN_SEGMENT',
  'OF_CHAIN',
  'FEEDS',
  'ANCHORS',
  'LEADS',
] as const;
export type Label = (typeof LABELS)[number];
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const PROPERTY_KEYS = [
  // Enterprise
  'id',
  'name',
  'shortName',
  'district',
  'local',
  'park',
  'status',
  'foundedOn',
  'registeredCapital',
  'employees',
  'revenue',
  'tags',
  'role',
  'shortInitials',
  'nameInitials',
  // Chain, Segment, Leader
  'description',
  'chainId',
  'tier',
  'order',
  'title',
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
