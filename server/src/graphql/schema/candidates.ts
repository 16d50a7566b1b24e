import type { EvidenceStep } from '../../analysis/candidates';
import { builder } from '../builder';
import { loadEnterprise } from '../context';
import { CandidateRef, EvidenceStepRef, ScoreTermRef } from './analysis-refs';
import { EnterpriseRef, SegmentRef } from './refs';

/** Candidates, best first, a page at a time (shared by every list of candidates). */
export const CandidateConnection = builder.connectionObject({ type: CandidateRef, name: 'CandidateConnection' });

CandidateRef.implement({
  description:
    'An outside enterprise that would close a gap (招商线索), with the terms of its score and the evidence. Analyst role.',
  // on the type too: however a query reaches a candidate, its fields need an analyst
  authScopes: { analyst: true },
  fields: (t) => ({
    enterprise: t.field({
      type: EnterpriseRef,
      resolve: (c, _a, { loaders }) => loadEnterprise(loaders, c.enterpriseId),
    }),
    score: t.exposeFloat('score', {
      description:
        'From 0 to 100: the weighted mean of the terms that are known, × 100 (the sum of their points). Ties go to the firm known by more terms, then product match, proximity, size, then the name.',
    }),
    terms: t.field({ type: [ScoreTermRef], resolve: (c) => c.terms }),
    reason: t.string({ description: 'Why, in one line (Chinese).', resolve: (c) => c.reason.zh }),
    reasonEn: t.string({ description: 'Why, in one line (English).', resolve: (c) => c.reason.en }),
    evidence: t.field({
      type: [EvidencePathRef],
      description: 'Up to three paths in the graph that show why.',
      resolve: (c) => c.evidence,
    }),
  }),
});

const EvidencePathRef = builder.objectRef<EvidenceStep[]>('EvidencePath');
EvidencePathRef.implement({
  fields: (t) => ({ steps: t.field({ type: [EvidenceStepRef], resolve: (p) => p }) }),
});

ScoreTermRef.implement({
  description:
    'One term of a candidate score, normalised to [0, 1]: points = 100 × weight × value / (the weights of the known terms). A term not known for the firm has value and points null: it is left out of the score, not counted as 0.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'PRODUCT_MATCH, WORKS_IN_SEGMENT, PROXIMITY, ADJACENCY, SCALE or DISTANCE.',
    }),
    label: t.exposeString('label'),
    value: t.float({ nullable: true, description: 'From 0 to 1; null when not known.', resolve: (s) => s.value }),
    missing: t.boolean({ description: 'Not known for this firm.', resolve: (s) => s.value === null }),
    weight: t.exposeFloat('weight'),
    points: t.float({ nullable: true, resolve: (s) => s.points }),
  }),
});

EvidenceStepRef.implement({
  description: 'A step of an evidence path: an enterprise supplies another, or works in a segment.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'SUPPLIES or IN_SEGMENT.' }),
    from: t.field({ type: EnterpriseRef, resolve: (s, _a, { loaders }) => loadEnterprise(loaders, s.from) }),
    toEnterprise: t.field({
      type: EnterpriseRef,
      nullable: true,
      resolve: async (s, _a, { loaders }) => (s.kind === 'SUPPLIES' ? loadEnterprise(loaders, s.to) : null),
    }),
    toSegment: t.field({
      type: SegmentRef,
      nullable: true,
      resolve: async (s, _a, { loaders }) =>
        s.kind === 'IN_SEGMENT' ? ((await loaders.segment.load(s.to)) ?? null) : null,
    }),
  }),
});
