import type { Candidate, EvidenceStep } from '../analysis/candidates';
import { builder } from '../builder';
import { decodeCursor, encodeCursor } from '../connection';
import { loadEnterprise } from '../context';
import { codedError } from '../errors';
import { CandidateConnectionRef, CandidateEdgeRef, CandidateRef, EvidenceStepRef, ScoreTermRef } from './analysis-refs';
import { EnterpriseRef, SegmentRef } from './refs';

export const MAX_PAGE = 100;

/** A page of a ranked candidate list, after a cursor. */
export function candidatePage(all: Candidate[], first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    throw codedError('BAD_INPUT', `Argument 'first' must be an integer from 1 to ${MAX_PAGE}; got ${size}.`, {
      argument: 'first',
    });
  }
  const start = after ? decodeCursor(after, 'after') + 1 : 0;
  return { all, start, end: Math.min(all.length, start + size) };
}

CandidateConnectionRef.implement({
  description: 'A page of candidates, best first.',
  fields: (t) => ({
    totalCount: t.int({ resolve: (c) => c.all.length }),
    edges: t.field({
      type: [CandidateEdgeRef],
      resolve: (c) => c.all.slice(c.start, c.end).map((node, i) => ({ node, index: c.start + i })),
    }),
    hasNextPage: t.boolean({ resolve: (c) => c.end < c.all.length }),
    endCursor: t.string({ nullable: true, resolve: (c) => (c.end > c.start ? encodeCursor(c.end - 1) : null) }),
  }),
});

CandidateEdgeRef.implement({
  fields: (t) => ({
    cursor: t.string({ resolve: (e) => encodeCursor(e.index) }),
    node: t.field({ type: CandidateRef, resolve: (e) => e.node }),
  }),
});

CandidateRef.implement({
  description: 'An outside enterprise that would close a gap (招商线索), with the terms of its score and the evidence.',
  fields: (t) => ({
    enterprise: t.field({
      type: EnterpriseRef,
      resolve: (c, _a, { loaders }) => loadEnterprise(loaders, c.enterpriseId),
    }),
    score: t.exposeFloat('score', { description: 'The sum of the points of the terms.' }),
    terms: t.field({ type: [ScoreTermRef], resolve: (c) => c.terms }),
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
  description: 'One term of a candidate score: value × weight = points.',
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    value: t.exposeFloat('value'),
    weight: t.exposeFloat('weight'),
    points: t.exposeFloat('points'),
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
      resolve: async (s, _a, { store }) => {
        if (s.kind !== 'IN_SEGMENT') return null;
        return (await store.segmentsOf(s.from)).find((seg) => seg.id === s.to) ?? null;
      },
    }),
  }),
});
