import type { Leader, Provenance, Segment } from '../../domain/model';
import type {
  ChainRecord,
  EnterpriseRecord,
  EnterpriseSystem,
  Neighbourhood,
  Relation,
  SystemMember,
} from '../../store/port';
import { builder } from '../builder';

/**
 * Object refs of every GraphQL type, declared once so that type files can point at each
 * other without import cycles; each type's own file implements its fields.
 */
export const EnterpriseRef = builder.objectRef<EnterpriseRecord>('Enterprise');
export const ChainRef = builder.objectRef<ChainRecord>('Chain');
export const SegmentRef = builder.objectRef<Segment>('Segment');
export const LeaderRef = builder.objectRef<Leader>('Leader');
export const RelationRef = builder.objectRef<Relation>('Relation');
export const ProvenanceRef = builder.objectRef<Provenance>('Provenance');
export const NeighbourhoodRef = builder.objectRef<Neighbourhood>('Neighbourhood');
export const NeighbourhoodNodeRef = builder.objectRef<{ enterprise: EnterpriseRecord; distance: number }>(
  'NeighbourhoodNode',
);
export const SystemRef = builder.objectRef<EnterpriseSystem>('EnterpriseSystem');
export const SystemMemberRef = builder.objectRef<SystemMember>('SystemMember');
