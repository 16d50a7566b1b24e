import type { Candidate, EvidenceStep, ScoreTerm } from '../../analysis/candidates';
import type { Centrality } from '../../analysis/centrality';
import type { Chokepoints, SingleSource } from '../../analysis/chokepoints';
import type { GapReport, SegmentReport } from '../../analysis/gap-report';
import type { OutsideSupplier, SourcingRate } from '../../analysis/sourcing';
import type { SegmentChange, WhatIf } from '../../analysis/what-if';
import type { Segment } from '../../domain/model';
import { builder } from '../builder';

/** Object refs of the chain analysis's GraphQL types (their fields are in gap-report.ts and what-if.ts). */
export const GapReportRef = builder.objectRef<GapReport>('GapReport');
export const SegmentNeedRef = builder.objectRef<SegmentReport & { chainId: string }>('SegmentNeed');
export const SourcingRateRef = builder.objectRef<SourcingRate>('SourcingRate');
export const SourcingRef = builder.objectRef<GapReport['sourcing']>('Sourcing');
export const AnchorSourcingRef = builder.objectRef<{ enterpriseId: string; rate: SourcingRate }>('AnchorSourcing');
export const OutsideSupplierRef = builder.objectRef<OutsideSupplier>('OutsideSupplier');
export const ChokepointsRef = builder.objectRef<Chokepoints>('Chokepoints');
export const SingleSourceRef = builder.objectRef<SingleSource>('SingleSource');
export const CentralityRef = builder.objectRef<Centrality>('Centrality');
export const CandidateRef = builder.objectRef<Candidate>('Candidate');
export const ScoreTermRef = builder.objectRef<ScoreTerm>('ScoreTerm');
export const EvidenceStepRef = builder.objectRef<EvidenceStep>('EvidenceStep');
export const WhatIfRef = builder.objectRef<WhatIf & { chainSegments: Segment[] }>('WhatIf');
export const SegmentChangeRef = builder.objectRef<SegmentChange>('SegmentChange');

export const NeedEnum = builder.enumType('Need', {
  description: 'What a segment of a chain needs.',
  values: {
    FILL: { description: '补链: uncovered, between covered segments of the chain.' },
    EXTEND: { description: '延链: uncovered, beyond the covered frontier.' },
    STRENGTHEN: { description: '强链: covered but weak (see reasons).' },
    OK: { description: 'Covered, and not weak.' },
  },
});

export const DirectionEnum = builder.enumType('ExtendDirection', {
  values: {
    UPSTREAM: { description: 'Covered segments lie downstream of it: the chain grows upstream.' },
    DOWNSTREAM: { description: 'Covered segments lie upstream of it: the chain grows downstream.' },
    DETACHED: { description: 'No covered segment on either side.' },
  },
});

export const ReasonEnum = builder.enumType('StrengthenReason', {
  values: {
    FEW_FIRMS: { description: 'Fewer local enterprises than minFirms.' },
    LOW_LOCAL_SOURCING: {
      description: "Most of the segment's supply to local members comes from outside the district.",
    },
    SINGLE_LOCAL_SUPPLIER: { description: 'A single local firm supplies the local members from this segment.' },
    CHOKEPOINT: {
      description:
        'A local firm of the segment is the sole supplier of some input to a local chain member (counting its suppliers of that input from outside the district too).',
    },
  },
});
