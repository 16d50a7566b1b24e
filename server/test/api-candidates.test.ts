import { describe, expect, it } from 'vitest';
import { demoApi } from './support/helpers';

const { query } = await demoApi();

const REPORT = `query($w: CandidateWeightsInput) {
  chains(first: 1) { nodes { gapReport(weights: $w) {
    fill { group candidates(first: 1) { nodes { score reason reasonEn terms { key value missing weight points } } } }
  } } }
}`;

type Answer = {
  chains: {
    nodes: {
      gapReport: {
        fill: {
          group: boolean;
          candidates: {
            nodes: {
              score: number;
              reason: string;
              reasonEn: string;
              terms: { key: string; value: number | null; missing: boolean; weight: number; points: number | null }[];
            }[];
          };
        }[];
      };
    }[];
  };
};

describe('candidates through the API', () => {
  it('serve every term with its weight, missing ones as null, and a reason in Chinese and English', async () => {
    const r = await query<Answer>(REPORT, {}, 'analyst');
    expect(r.errors).toBeUndefined();
    const gap = r.data?.chains.nodes[0]?.gapReport.fill[0];
    expect(gap?.group).toBe(false);
    const first = gap?.candidates.nodes[0];
    expect(first?.terms.map((t) => t.key)).toEqual([
      'PRODUCT_MATCH',
      'WORKS_IN_SEGMENT',
      'PROXIMITY',
      'ADJACENCY',
      'SCALE',
      'DISTANCE',
    ]);
    for (const t of first?.terms ?? []) expect(t.missing).toBe(t.value === null);
    expect(first?.reason).not.toBe('');
    expect(first?.reasonEn).not.toBe('');
  });

  it('take weights per request', async () => {
    const r = await query<Answer>(
      REPORT,
      { w: { productMatch: 0, proximity: 0, adjacency: 0, scale: 0, distance: 0 } },
      'analyst',
    );
    const first = r.data?.chains.nodes[0]?.gapReport.fill[0]?.candidates.nodes[0];
    expect(first?.terms.find((t) => t.key === 'PROXIMITY')?.weight).toBe(0);
    expect(first?.score).toBe(100); // only WORKS_IN_SEGMENT counts, and it works in the segment
  });

  it('refuse weights that are negative, too large, or all zero, naming the argument', async () => {
    const negative = await query(REPORT, { w: { scale: -1 } }, 'analyst');
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', argument: 'weights.scale' });
    const zero = await query(
      REPORT,
      { w: { productMatch: 0, worksInSegment: 0, proximity: 0, adjacency: 0, scale: 0, distance: 0 } },
      'analyst',
    );
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', argument: 'weights' });
  });
});
