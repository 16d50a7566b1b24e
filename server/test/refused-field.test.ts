import { describe, expect, it } from 'vitest';
import { demoApi } from './support/helpers';

interface Answer {
  chain: {
    name: string;
    gapReport: { segments: { segment: { name: string }; need: string; candidates: { totalCount: number } | null }[] };
    segments: { name: string; candidates: { totalCount: number } | null }[];
  } | null;
}

const CHAIN_WITH_CANDIDATES = `{
  chain(id: "logistics") {
    name
    gapReport { segments { segment { name } need candidates(first: 3) { totalCount } } }
    segments { name candidates(first: 3) { totalCount } }
  }
}`;

describe('a field refused for the caller’s role', () => {
  it('is null with its FORBIDDEN error alone: the chain around it still answers', async () => {
    const { query } = await demoApi();
    const viewer = await query<Answer>(CHAIN_WITH_CANDIDATES, {}, 'viewer');
    const chain = viewer.data?.chain;
    expect(chain?.name).toBeTruthy();
    expect(chain?.gapReport.segments.length).toBeGreaterThan(0);
    expect(chain?.gapReport.segments.every((s) => s.segment.name && s.need && s.candidates === null)).toBe(true);
    expect(chain?.segments.every((s) => s.name && s.candidates === null)).toBe(true);
    const segments = (chain?.gapReport.segments.length ?? 0) + (chain?.segments.length ?? 0);
    expect(viewer.errors).toHaveLength(segments);
    for (const e of viewer.errors ?? []) {
      expect(e.extensions?.code).toBe('FORBIDDEN');
      expect(e.path?.at(-1)).toBe('candidates');
    }

    // an analyst gets them all, with no error
    const analyst = await query<Answer>(CHAIN_WITH_CANDIDATES, {}, 'analyst');
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data?.chain?.gapReport.segments.every((s) => s.candidates !== null)).toBe(true);
  });
});
