import { describe, expect, it } from 'vitest';
import { PARAM } from '../src/views/targets/useTargetParams';
import {
  DEFAULT_WEIGHTS,
  formatWeights,
  parseWeight,
  parseWeights,
  TERM_KEYS,
  weightsInput,
} from '../src/views/targets/weights';

describe('the score’s weights in the URL', () => {
  it('are the defaults without `w`', () => {
    expect(parseWeights(null)).toEqual(DEFAULT_WEIGHTS);
    expect(parseWeights('')).toEqual(DEFAULT_WEIGHTS);
    expect(formatWeights(DEFAULT_WEIGHTS)).toBeNull();
    expect(TERM_KEYS).toEqual(['PRODUCT_MATCH', 'WORKS_IN_SEGMENT', 'PROXIMITY', 'ADJACENCY', 'SCALE', 'DISTANCE']);
  });

  it('hold only the weights that differ from the defaults, in the terms’ order', () => {
    const w = { ...DEFAULT_WEIGHTS, DISTANCE: 0, PRODUCT_MATCH: 6.5 };
    expect(formatWeights(w)).toBe('productMatch:6.5,distance:0');
    // the default given explicitly is left out
    expect(formatWeights({ ...DEFAULT_WEIGHTS, PROXIMITY: 3 })).toBeNull();
  });

  it('read back what they wrote, through URLSearchParams', () => {
    const w = { ...DEFAULT_WEIGHTS, WORKS_IN_SEGMENT: 10, SCALE: 0.5, ADJACENCY: 0 };
    const params = new URLSearchParams({ [PARAM.weights]: formatWeights(w) as string, lang: 'en' });
    expect(params.toString()).toBe('w=worksInSegment%3A10%2Cadjacency%3A0%2Cscale%3A0.5&lang=en');
    expect(parseWeights(new URLSearchParams(params.toString()).get(PARAM.weights))).toEqual(w);
  });

  it('keep the default for a term named wrongly or given something that is not a weight', () => {
    expect(parseWeights('proximity:abc,size:9,scale:-1,distance:,adjacency:1e9,productMatch:2')).toEqual({
      ...DEFAULT_WEIGHTS,
      PRODUCT_MATCH: 2,
      // the server's bound
      ADJACENCY: 1000,
    });
    expect(parseWeight(' ')).toBeNull();
    expect(parseWeight('Infinity')).toBeNull();
    expect(parseWeight('0')).toBe(0);
  });

  it('go to the query as the ones that differ, or null (the default request unchanged; all 0 is refused)', () => {
    expect(weightsInput(DEFAULT_WEIGHTS)).toBeNull();
    expect(weightsInput(parseWeights('productMatch:0,proximity:1.5'))).toEqual({ productMatch: 0, proximity: 1.5 });
    const zero = Object.fromEntries(TERM_KEYS.map((k) => [k, 0])) as Record<(typeof TERM_KEYS)[number], number>;
    expect(weightsInput(zero)).toBeNull();
  });
});
