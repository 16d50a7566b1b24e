import type { VariablesOf } from '../../graphql';
import type { TargetsQuery } from '../../queries/targets';

/** The score terms, in the server's order. */
export const TERM_KEYS = ['PRODUCT_MATCH', 'WORKS_IN_SEGMENT', 'PROXIMITY', 'ADJACENCY', 'SCALE', 'DISTANCE'] as const;
export type TermKey = (typeof TERM_KEYS)[number];
export const isTermKey = (key: string): key is TermKey => (TERM_KEYS as readonly string[]).includes(key);

export type Weights = Readonly<Record<TermKey, number>>;
export type WeightsInput = NonNullable<VariablesOf<typeof TargetsQuery>['weights']>;

/** The server's default weights (CandidateWeightsInput). */
export const DEFAULT_WEIGHTS: Weights = {
  PRODUCT_MATCH: 4,
  WORKS_IN_SEGMENT: 3,
  PROXIMITY: 3,
  ADJACENCY: 2,
  SCALE: 1,
  DISTANCE: 1,
};

/** Each term's field of CandidateWeightsInput, which is also its name in the URL (`w=productMatch:4`). */
export const WEIGHT_FIELD: Readonly<Record<TermKey, keyof WeightsInput>> = {
  PRODUCT_MATCH: 'productMatch',
  WORKS_IN_SEGMENT: 'worksInSegment',
  PROXIMITY: 'proximity',
  ADJACENCY: 'adjacency',
  SCALE: 'scale',
  DISTANCE: 'distance',
};

/** What the control offers: 0 to 10 in steps of 0.5 (the server takes up to 1000). */
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 10;
export const WEIGHT_STEP = 0.5;
/** The most the server accepts; a link with more is clamped. */
const SERVER_MAX = 1000;

/** A weight from its text: a finite number from 0 to 1000, or null. */
export function parseWeight(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, SERVER_MAX) : null;
}

/**
 * The weights a URL's `w` names (`productMatch:4,proximity:0`); a term it leaves out, names twice
 * or gives something that is not a weight keeps its default.
 */
export function parseWeights(param: string | null): Weights {
  const out: Record<TermKey, number> = { ...DEFAULT_WEIGHTS };
  for (const part of (param ?? '').split(',')) {
    const [field, value = ''] = part.split(':');
    const key = TERM_KEYS.find((k) => WEIGHT_FIELD[k] === field?.trim());
    const w = parseWeight(value);
    if (key && w !== null) out[key] = w;
  }
  return out;
}

/** The weights for the URL: only those that differ from the defaults, in the terms' order; null when none do. */
export function formatWeights(weights: Weights): string | null {
  const parts = TERM_KEYS.filter((k) => weights[k] !== DEFAULT_WEIGHTS[k]).map(
    (k) => `${WEIGHT_FIELD[k]}:${weights[k]}`,
  );
  return parts.length > 0 ? parts.join(',') : null;
}

export const isDefault = (weights: Weights) => TERM_KEYS.every((k) => weights[k] === DEFAULT_WEIGHTS[k]);
/** Every weight 0: no score can be made (the server refuses it), so the defaults are asked for. */
export const allZero = (weights: Weights) => TERM_KEYS.every((k) => weights[k] === 0);

/**
 * The query's `weights`: the ones that differ from the defaults, or null when none do (the default
 * request stays as it was) or when all are 0.
 */
export function weightsInput(weights: Weights): WeightsInput | null {
  if (isDefault(weights) || allZero(weights)) return null;
  const out: WeightsInput = {};
  for (const k of TERM_KEYS) if (weights[k] !== DEFAULT_WEIGHTS[k]) out[WEIGHT_FIELD[k]] = weights[k];
  return out;
}
