import { type CandidateWeights, DEFAULT_WEIGHTS, type TermKey } from '../../analysis/candidates';
import { builder } from '../builder';
import { codedError } from '../errors';

/** The argument's field of each score term. */
const FIELDS: Record<TermKey, keyof WeightsArg> = {
  PRODUCT_MATCH: 'productMatch',
  WORKS_IN_SEGMENT: 'worksInSegment',
  PROXIMITY: 'proximity',
  ADJACENCY: 'adjacency',
  SCALE: 'scale',
  DISTANCE: 'distance',
};

export interface WeightsArg {
  productMatch?: number | null | undefined;
  worksInSegment?: number | null | undefined;
  proximity?: number | null | undefined;
  adjacency?: number | null | undefined;
  scale?: number | null | undefined;
  distance?: number | null | undefined;
}

export const CandidateWeightsInput = builder.inputType('CandidateWeightsInput', {
  description: `The weights of a candidate score's terms: a number of at least 0 (0 leaves the term out); a term not given keeps its default (${Object.entries(
    DEFAULT_WEIGHTS,
  )
    .map(([k, w]) => `${k} ${w}`)
    .join(', ')}).`,
  fields: (t) => ({
    productMatch: t.float({ description: 'PRODUCT_MATCH: makes what the segment needs.' }),
    worksInSegment: t.float({ description: 'WORKS_IN_SEGMENT: tagged to the segment.' }),
    proximity: t.float({ description: 'PROXIMITY: already supplies chain members (anchors count twice).' }),
    adjacency: t.float({ description: 'ADJACENCY: works in a segment next to it.' }),
    scale: t.float({ description: 'SCALE: revenue, registered capital or employees; listed.' }),
    distance: t.float({ description: 'DISTANCE: in the home province.' }),
  }),
});

/** The weights an argument gives, checked; undefined when it gives none. */
export function candidateWeights(arg: WeightsArg | null | undefined): Partial<CandidateWeights> | undefined {
  if (!arg) return undefined;
  const out: Partial<CandidateWeights> = {};
  for (const [key, field] of Object.entries(FIELDS) as [TermKey, keyof WeightsArg][]) {
    const w = arg[field];
    if (w === null || w === undefined) continue;
    if (!Number.isFinite(w) || w < 0 || w > 1000)
      throw codedError('BAD_INPUT', `Argument 'weights.${field}' must be a number from 0 to 1000, got ${w}.`, {
        argument: `weights.${field}`,
      });
    out[key] = w;
  }
  const all = { ...DEFAULT_WEIGHTS, ...out };
  if (Object.values(all).every((w) => w === 0))
    throw codedError('BAD_INPUT', "Argument 'weights' must leave at least one term above 0.", { argument: 'weights' });
  return Object.keys(out).length > 0 ? out : undefined;
}
