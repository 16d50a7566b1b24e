import { CHAINS } from '@chain-atlas/seeds/chains';
import { describe, expect, it } from 'vitest';
import { demoApi, idOf } from './support/helpers';

const api = await demoApi();
/** Candidates need an analyst: every query here is sent as one. */
const query: typeof api.query = (source, variables, role = 'analyst') => api.query(source, variables, role);

interface Need {
  segment: { key: string };
  direction: string | null;
  candidates: {
    totalCount: number;
    edges: { node: { score: number; terms: { points: number }[]; evidence: { steps: unknown[] }[] } }[];
  };
}

describe('the gap report on the demo data', () => {
  it('names every chain’s deliberate gaps, the interior holes as FILL, each with explained candidates', async () => {
    const { data, errors } = await query<{
      chains: { nodes: { key: string; gapReport: { fill: Need[]; extend: Need[]; strengthen: Need[] } }[] };
    }>(`{
      chains { nodes { key gapReport {
        fill { segment { key } direction candidates(first: 3) { totalCount edges { node { score terms { points } evidence { steps { kind } } } } } }
        extend { segment { key } direction candidates(first: 3) { totalCount edges { node { score terms { points } evidence { steps { kind } } } } } }
        strengthen { segment { key } direction candidates(first: 3) { totalCount edges { node { score terms { points } evidence { steps { kind } } } } } }
      } } } }`);
    expect(errors).toBeUndefined();
    for (const spec of CHAINS) {
      const report = data?.chains.nodes.find((c) => c.key === spec.id)?.gapReport;
      const deliberate = spec.uncovered.map((i) => `${spec.id}-s${i + 1}`).sort();
      const gaps = [...(report?.fill ?? []), ...(report?.extend ?? [])];
      expect(gaps.map((g) => g.segment.key).sort(), spec.id).toEqual(deliberate);
      for (const gap of gaps) {
        expect(gap.candidates.totalCount, gap.segment.key).toBeGreaterThan(0);
        const best = gap.candidates.edges[0]?.node;
        expect(best?.score).toBeCloseTo(best?.terms.reduce((s, t) => s + t.points, 0) ?? -1);
        expect(best?.evidence.length).toBeGreaterThan(0);
      }
    }
    const fills = data?.chains.nodes.flatMap((c) => c.gapReport.fill.map((f) => f.segment.key)) ?? [];
    expect(fills).toEqual(expect.arrayContaining(['logistics-s5', 'eco-s5', 'ai-s3', 'culture-s2', 'software-s3']));
  });

  it('pages candidates with cursors', async () => {
    const page = async (after?: string) =>
      (
        await query<{
          chain: {
            gapReport: {
              fill: {
                candidates: {
                  edges: { cursor: string; node: { enterprise: { id: string } } }[];
                  pageInfo: { hasNextPage: boolean; endCursor: string };
                };
              }[];
            };
          };
        }>(
          `query($after: String) { chain(id: "logistics") { gapReport { fill { candidates(first: 2, after: $after) { edges { cursor node { enterprise { id } } } pageInfo { hasNextPage endCursor } } } } } }`,
          after ? { after } : {},
        )
      ).data?.chain.gapReport.fill[0]?.candidates;
    const first = await page();
    const second = await page(first?.pageInfo.endCursor);
    expect(first?.edges).toHaveLength(2);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    expect(second?.edges[0]?.node.enterprise.id).not.toBe(first?.edges[0]?.node.enterprise.id);
    const bad = await query(
      '{ chain(id: "logistics") { gapReport { fill { candidates(first: 500) { totalCount } } } } }',
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it('answers a what-if: a local firm in a hole closes it, and nothing is written', async () => {
    const ask = () =>
      query<{
        whatIf: { gapsClosed: { key: string }[]; changes: { segmentId: string; before: string; after: string }[] };
      }>(`{
        whatIf(chainId: "logistics", additions: [{ name: "拟引进供应链管理企业", segmentIds: ["logistics-s5"] }]) {
          gapsClosed { key } changes { segmentId before after } } }`);
    const { data, errors } = await ask();
    expect(errors).toBeUndefined();
    expect(data?.whatIf.gapsClosed.map((s) => s.key)).toEqual(['logistics-s5']);
    const again = await query<{ chain: { gapReport: { fill: { segment: { key: string } }[] } } }>(
      '{ chain(id: "logistics") { gapReport { fill { segment { key } } } } }',
    );
    expect(again.data?.chain.gapReport.fill.map((f) => f.segment.key)).toContain('logistics-s5');
    const bad = await query(
      '{ whatIf(chainId: "logistics", additions: [{ name: "x", segmentIds: ["finance-s1"] }]) { gapsClosed { id } } }',
    );
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT' } });
    const infinite = await query(
      '{ whatIf(chainId: "logistics", additions: [{ name: "x", segmentIds: ["logistics-s5"], revenue: 1e309 }]) { gapsClosed { id } } }',
    );
    expect(infinite.errors?.[0]?.message).toMatch(/additions\[0\]\.revenue must be a number from 0/);
  });

  it('names a hypothetical outside firm wherever the what-if answer has it, e.g. among the candidates', async () => {
    const { data, errors } = await query<{
      whatIf: { after: { fill: { candidates: { nodes: { enterprise: { name: string; tags: string[] } }[] } }[] } };
    }>(`{ whatIf(chainId: "logistics", additions: [{ name: "区外拟引进物流企业", local: false, segmentIds: ["logistics-s5"], revenue: 90000 }]) {
        after { fill { candidates(first: 50) { nodes { enterprise { name tags } } } } } } }`);
    expect(errors).toBeUndefined();
    const names = data?.whatIf.after.fill.flatMap((f) => f.candidates.nodes.map((n) => n.enterprise.name)) ?? [];
    expect(names).toContain('区外拟引进物流企业');
  });

  it('a what-if giving an anchor two new local suppliers never makes the anchor a chokepoint', async () => {
    // the user's case: the anchor's own segments turned STRENGTHEN, naming the anchor itself
    interface Report {
      chokepoints: { suppliers: { nodes: { id: string }[] } };
      centrality: { articulationPoints: { nodes: { id: string }[] } };
      segments: { reasons: string[]; concerned: { id: string }[] }[];
    }
    const report =
      'chokepoints { suppliers(first: 100) { nodes { id } } } centrality { articulationPoints(first: 100) { nodes { id } } } segments { reasons concerned { id } }';
    const { data: chains } = await query<{
      chains: { nodes: { key: string; segments: { key: string }[]; anchors: { id: string; key: string }[] }[] };
    }>('{ chains { nodes { key segments { key } anchors { id key } } } }');
    let cutVertices = 0;
    for (const chain of chains?.chains.nodes ?? []) {
      for (const anchor of chain.anchors) {
        const { data, errors } = await query<{ whatIf: { before: Report; after: Report } }>(
          `query($chain: ID!, $segment: ID!, $anchor: ID!) { whatIf(chainId: $chain, additions: [
            { name: "拟引进供应商甲", segmentIds: [$segment], suppliesTo: [$anchor] },
            { name: "拟引进供应商乙", segmentIds: [$segment], suppliesTo: [$anchor] }]) {
            before { ${report} } after { ${report} } } }`,
          { chain: chain.key, segment: chain.segments[0]?.key, anchor: anchor.key },
        );
        expect(errors).toBeUndefined();
        const named = (r: Report | undefined) => r?.chokepoints.suppliers.nodes.some((n) => n.id === anchor.id);
        expect(named(data?.whatIf.after), `${chain.key} ${anchor.key}`).toBe(named(data?.whatIf.before));
        const chokepointSegments = (r: Report | undefined) =>
          r?.segments.filter((s) => s.reasons.includes('CHOKEPOINT') && s.concerned.some((c) => c.id === anchor.id))
            .length;
        expect(chokepointSegments(data?.whatIf.after)).toBe(chokepointSegments(data?.whatIf.before));
        if (data?.whatIf.after.centrality.articulationPoints.nodes.some((n) => n.id === anchor.id)) cutVertices++;
      }
    }
    // what used to make it a "chokepoint": the anchors are cut vertices of the local flow now
    expect(cutVertices).toBeGreaterThan(0);
  });

  it('gives an enterprise its system, ultimate controller and removal impact', async () => {
    const id = await idOf(query, '长江冷链物流');
    const { data, errors } = await query<{
      enterprise: {
        system: { root: { shortName: string } };
        ultimateController: { controller: { shortName: string }; effectiveShare: number; path: { id: string }[] };
      };
    }>(
      `query($id: ID!) { enterprise(id: $id) {
        system { root { shortName } } ultimateController { controller { shortName } effectiveShare path { id } }
        removalImpact(chainId: "logistics") { totalCount nodes { member { id } segment { id } } } } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    expect(data?.enterprise.system.root.shortName).toBe('长江商贸');
    expect(data?.enterprise.ultimateController.controller.shortName).toBe('长江商贸');
    expect(data?.enterprise.ultimateController.effectiveShare).toBeGreaterThanOrEqual(0.5);
    expect(data?.enterprise.ultimateController.path.at(-1)?.id).toBe(id);
  });
});
