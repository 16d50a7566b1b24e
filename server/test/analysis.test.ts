import { describe, expect, it } from 'vitest';
import { articulationPointsAndBridges } from '../src/analysis/centrality';
import { removalImpact } from '../src/analysis/chokepoints';
import { ultimateController } from '../src/analysis/equity';
import { gapReport } from '../src/analysis/gap-report';
import { ChainIndexView } from '../src/analysis/subgraph';
import { whatIf } from '../src/analysis/what-if';
import type { ChainSubgraph } from '../src/domain/records';
import { chain } from './support/chain-fixture';

const need = (g: ChainSubgraph) =>
  Object.fromEntries(
    gapReport(g).segments.map((s) => [s.segmentId, s.direction ? `${s.need}:${s.direction}` : s.need]),
  );

describe('coverage: fill and extend', () => {
  it('a hole between covered segments is FILL; beyond the frontier is EXTEND, with its direction', () => {
    const g = chain({
      segments: ['U', 'A', 'B', 'C', 'D', 'X'],
      feeds: [
        ['U', 'A'],
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'D'],
      ],
      firms: [
        ['a1', true, 'A'],
        ['a2', true, 'A'],
        ['a3', true, 'A'],
        ['c1', true, 'C'],
        ['c2', true, 'C'],
        ['c3', true, 'C'],
      ],
    });
    expect(need(g)).toEqual({
      U: 'EXTEND:UPSTREAM',
      A: 'OK',
      B: 'FILL',
      C: 'OK',
      D: 'EXTEND:DOWNSTREAM',
      X: 'EXTEND:DETACHED',
    });
  });

  it('a chain with no local firm: everything to extend, no sourcing to measure', () => {
    const g = chain({
      segments: ['A', 'B'],
      feeds: [['A', 'B']],
      firms: [['o1', false, 'A']],
      supplies: [['o1', 'o1', 5]],
    });
    const report = gapReport(g);
    expect(report.segments.map((s) => s.need)).toEqual(['EXTEND', 'EXTEND']);
    expect(report.sourcing.overall.byCount).toBeNull();
    expect(report.segments[0]?.candidates.map((c) => c.enterpriseId)).toEqual(['o1']);
  });

  it('a template with a cycle ends, and a hole on the cycle is FILL', () => {
    const g = chain({
      segments: ['A', 'B', 'C'],
      feeds: [
        ['A', 'B'],
        ['B', 'C'],
        ['C', 'A'],
      ],
      firms: [
        ['a', true, 'A'],
        ['a2', true, 'A'],
        ['a3', true, 'A'],
        ['c', true, 'C'],
        ['c2', true, 'C'],
        ['c3', true, 'C'],
      ],
    });
    expect(need(g).B).toBe('FILL');
  });

  it('an enterprise in several segments covers each of them; a chain covered everywhere has no fill or extend', () => {
    const g = chain({ segments: ['A', 'B'], feeds: [['A', 'B']], firms: [['ab', true, 'A', 'B']] });
    const report = gapReport(g);
    expect(report.segments.map((s) => [s.covered, s.localIds])).toEqual([
      [true, ['ab']],
      [true, ['ab']],
    ]);
    expect(report.segments.every((s) => s.need === 'STRENGTHEN' && s.reasons.includes('FEW_FIRMS'))).toBe(true);
  });
});

describe('strengthen, sourcing and chokepoints', () => {
  // A (supplier segment) feeds M (members). Local a1 supplies m1; outside o1, o2 supply m1 and m2.
  const g = chain({
    segments: ['A', 'M'],
    feeds: [['A', 'M']],
    firms: [
      ['a1', true, 'A'],
      ['o1', false, 'A'],
      ['o2', false, 'A'],
      ['m1', true, 'M'],
      ['m2', true, 'M'],
      ['m3', true, 'M'],
    ],
    supplies: [
      ['a1', 'm1', 10],
      ['o1', 'm1', 30],
      ['o2', 'm2', 60],
      ['m1', 'm2'],
      ['m2', 'm3'],
    ],
    anchors: ['m2'],
  });

  it('names every reason a covered segment is weak', () => {
    const a = gapReport(g).segments[0];
    expect(a?.need).toBe('STRENGTHEN');
    expect(a?.reasons).toEqual(['FEW_FIRMS', 'LOW_LOCAL_SOURCING', 'SINGLE_LOCAL_SUPPLIER']);
    expect(a?.sourcing).toMatchObject({ links: 3, localLinks: 1, value: 100, localValue: 10 });
    expect(a?.sourcing.byCount).toBeCloseTo(1 / 3);
    expect(a?.sourcing.byValue).toBeCloseTo(0.1);
    expect(a?.chokepointIds).toEqual(['a1']);
  });

  it('measures local sourcing per anchor, and ranks outside suppliers by anchors and members served', () => {
    const report = gapReport(g);
    expect(report.sourcing.byAnchor).toEqual([
      { enterpriseId: 'm2', rate: expect.objectContaining({ links: 2, localLinks: 1 }) },
    ]);
    expect(report.sourcing.outsideSuppliers.map((s) => [s.enterpriseId, s.anchorsServed, s.membersServed])).toEqual([
      ['o2', 1, 1],
      ['o1', 0, 1],
    ]);
  });

  it('finds articulation points and bridges of the local supply flow (two links are no bridge)', () => {
    expect(
      articulationPointsAndBridges([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ]),
    ).toEqual({
      articulationPoints: ['b'],
      bridges: [
        { from: 'b', to: 'c' },
        { from: 'a', to: 'b' },
      ],
    });
    expect(
      articulationPointsAndBridges([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ]),
    ).toEqual({ articulationPoints: [], bridges: [] });
    const report = gapReport(g);
    expect(report.centrality.articulationPoints).toEqual(['m1', 'm2']);
    // a cut vertex is centrality, not a chokepoint: CHOKEPOINT names m2 alone, m3's only source of p
    expect(report.chokepoints.singleSources).toEqual([{ customerId: 'm3', input: 'p', supplierId: 'm2' }]);
    expect(report.segments[1]?.reasons).toContain('CHOKEPOINT');
    expect(report.segments[1]?.chokepointIds).toEqual(['m2']);
  });

  it('tells what removing an enterprise costs: members left with no supplier of a segment', () => {
    const view = new ChainIndexView(g);
    expect(removalImpact(view, 'a1')).toEqual([]); // m1 still buys A from o1
    expect(removalImpact(view, 'o2')).toEqual([{ memberId: 'm2', segmentId: 'A' }]);
  });

  it('ranks candidates with every score term and evidence paths', () => {
    const a = gapReport(g).segments[0];
    const [first, second] = a?.candidates ?? [];
    expect(first?.enterpriseId).toBe('o2'); // serves the anchor
    expect(first?.terms.map((t) => t.key)).toEqual([
      'PRODUCT_MATCH',
      'WORKS_IN_SEGMENT',
      'PROXIMITY',
      'ADJACENCY',
      'SCALE',
      'DISTANCE',
    ]);
    // the segments say nothing of products and there is no home district: those terms are missing, not 0
    expect(first?.terms.filter((t) => t.value === null).map((t) => t.key)).toEqual(['PRODUCT_MATCH', 'DISTANCE']);
    expect(first?.score).toBeCloseTo(first?.terms.reduce((s, t) => s + (t.points ?? 0), 0) ?? 0);
    expect(first?.reason.zh).toMatch(/已向链上1家企业供货（含链主1家）/);
    expect(first?.evidence).toEqual([
      [{ from: 'o2', to: 'A', kind: 'IN_SEGMENT' }],
      [{ from: 'o2', to: 'm2', kind: 'SUPPLIES' }],
    ]);
    expect(second?.evidence[1]).toEqual([
      { from: 'o1', to: 'm1', kind: 'SUPPLIES' },
      { from: 'm1', to: 'm2', kind: 'SUPPLIES' },
    ]);
  });
});

describe('what-if', () => {
  it('adds hypothetical enterprises to a copy, and says which gaps close and how sourcing moves', () => {
    const g = chain({
      segments: ['A', 'B', 'C'],
      feeds: [
        ['A', 'B'],
        ['B', 'C'],
      ],
      firms: [
        ['a', true, 'A'],
        ['c', true, 'C'],
        ['ob', false, 'B'],
      ],
      supplies: [['ob', 'c', 100]],
    });
    const result = whatIf(g, [{ name: '新引进企业', segmentIds: ['B'], suppliesTo: ['c'], suppliedBy: ['a'] }]);
    expect(result.gapsClosed).toEqual(['B']);
    expect(result.before.segments[1]?.need).toBe('FILL');
    expect(result.after.segments[1]?.need).not.toBe('FILL');
    expect(result.overallLocalSourcing).toEqual({ before: 0, after: 2 / 3 });
    expect(g.enterprises).toHaveLength(3); // nothing written
  });
});

describe('ultimate controller', () => {
  const holders = (list: { from: string; to: string; share: number }[]) => (id: string) =>
    list.filter((h) => h.to === id);

  it('follows control upward, multiplying shares', () => {
    const list = [
      { from: 'R', to: 'A', share: 0.8 },
      { from: 'A', to: 'B', share: 0.7 },
    ];
    expect(ultimateController('B', holders(list))).toEqual({
      kind: 'SOLE',
      controllerId: 'R',
      effectiveShare: 0.8 * 0.7,
      path: ['R', 'A', 'B'],
    });
    expect(ultimateController('R', holders(list))).toBeUndefined();
  });

  it('handles cross-holdings and cycles without looping', () => {
    const list = [
      { from: 'R', to: 'A', share: 0.9 },
      { from: 'A', to: 'B', share: 0.9 },
      { from: 'B', to: 'A', share: 0.1 },
      { from: 'B', to: 'R', share: 0.05 },
    ];
    expect(ultimateController('B', holders(list))).toMatchObject({ kind: 'SOLE', controllerId: 'R' });
    const cycle = [
      { from: 'X', to: 'Y', share: 0.9 },
      { from: 'Y', to: 'X', share: 0.9 },
    ];
    expect(ultimateController('Y', holders(cycle))).toMatchObject({ kind: 'SOLE', controllerId: 'X' });
  });

  it('finds none when no chain of holdings reaches the threshold', () => {
    expect(ultimateController('B', holders([{ from: 'A', to: 'B', share: 0.4 }]))).toBeUndefined();
  });
});

describe('betweenness', () => {
  it('is exact on small chains: the middle of a path, the hub of a star', () => {
    const g = chain({
      segments: ['A'],
      feeds: [],
      firms: [
        ['a', true, 'A'],
        ['b', true, 'A'],
        ['c', true, 'A'],
        ['x', true, 'A'],
        ['l1', true, 'A'],
        ['l2', true, 'A'],
        ['l3', true, 'A'],
      ],
      supplies: [
        ['a', 'b'],
        ['b', 'c'],
        ['x', 'l1'],
        ['x', 'l2'],
        ['x', 'l3'],
      ],
    });
    const scores = Object.fromEntries(gapReport(g).centrality.betweenness.map((b) => [b.enterpriseId, b.score]));
    // 7 nodes: b lies on 1 shortest path of the 15 pairs between the other 6; x on 3
    expect(scores.b).toBeCloseTo(1 / 15);
    expect(scores.x).toBeCloseTo(3 / 15);
    expect(Object.keys(scores).sort()).toEqual(['b', 'x']);
  });
});
