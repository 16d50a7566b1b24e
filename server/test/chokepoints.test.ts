import { describe, expect, it } from 'vitest';
import { findCentrality } from '../src/analysis/centrality';
import { findChokepoints, singleSources } from '../src/analysis/chokepoints';
import { gapReport } from '../src/analysis/gap-report';
import { inputOf, normaliseProduct } from '../src/analysis/inputs';
import { ChainIndexView } from '../src/analysis/subgraph';
import { whatIf } from '../src/analysis/what-if';
import { chain } from './support/chain-fixture';

describe('inputs', () => {
  it('are product names trimmed, folded to half-width and lower case', () => {
    expect(normaliseProduct('  （ＰＣＢ）【主板】\u3000')).toBe('(pcb)[主板]');
    expect(normaliseProduct('Lithium Cell')).toBe(normaliseProduct('ｌｉｔｈｉｕｍ　ｃｅｌｌ '));
    expect(inputOf({ from: 'a', to: 'b', product: ' 冷链 ', source: 't', confidence: 1 })).toBe('冷链');
  });
});

describe('chokepoints: single sources on the directed local flow', () => {
  it('a local firm that alone supplies an input is one; a second source of that input, even outside, is not', () => {
    const g = chain({
      segments: ['A', 'M'],
      feeds: [['A', 'M']],
      firms: [
        ['a1', true, 'A'],
        ['o1', false, 'A'],
        ['o2', false, 'A'],
        ['m1', true, 'M'],
        ['m2', true, 'M'],
      ],
      supplies: [
        ['a1', 'm1', 10, 'PCB'],
        ['a1', 'm2', 10, 'pcb'],
        ['o1', 'm2', 10, ' ＰＣＢ '], // the same input as a1's, from outside: m2 has two sources
        ['o2', 'm1', 10, '玻璃'], // a sole source from outside is no local chokepoint
      ],
    });
    const report = gapReport(g);
    expect(report.chokepoints.singleSources).toEqual([{ customerId: 'm1', input: 'pcb', supplierId: 'a1' }]);
    expect(report.chokepoints.supplierIds).toEqual(['a1']);
    expect(report.segments[0]?.reasons).toContain('CHOKEPOINT');
    expect(report.segments[0]?.chokepointIds).toEqual(['a1']);
    // without m1, a1 is no one's only source
    const without = { ...g, supplies: g.supplies.filter((s) => s.to !== 'm1') };
    expect(gapReport(without).chokepoints.singleSources).toEqual([]);
    expect(gapReport(without).segments[0]?.reasons).not.toContain('CHOKEPOINT');
  });

  it('a hub with many customers, each of whom has another supplier of the input, is not one', () => {
    const g = chain({
      segments: ['A', 'M'],
      feeds: [['A', 'M']],
      firms: [
        ['hub', true, 'A'],
        ['a2', true, 'A'],
        ['o1', false, 'A'],
        ['c1', true, 'M'],
        ['c2', true, 'M'],
        ['c3', true, 'M'],
      ],
      supplies: [
        ['hub', 'c1'],
        ['hub', 'c2'],
        ['hub', 'c3'],
        ['o1', 'c1'],
        ['a2', 'c2', undefined, ' P'],
        ['o1', 'c3'],
      ],
    });
    const report = gapReport(g);
    expect(report.centrality.articulationPoints).toContain('hub'); // a cut vertex still
    expect(report.chokepoints.singleSources).toEqual([]);
    expect(report.segments.flatMap((s) => s.reasons)).not.toContain('CHOKEPOINT');
  });

  it('lists single sources by customer, input, then supplier, and takes the input function as a parameter', () => {
    const g = chain({
      segments: ['A', 'M'],
      feeds: [['A', 'M']],
      firms: [
        ['a2', true, 'A'],
        ['a1', true, 'A'],
        ['m2', true, 'M'],
        ['m1', true, 'M'],
      ],
      supplies: [
        ['a2', 'm2', undefined, 'y'],
        ['a1', 'm2', undefined, 'x'],
        ['a2', 'm1', undefined, 'z'],
        ['a1', 'm1', undefined, 'w'],
      ],
    });
    const view = new ChainIndexView(g);
    expect(singleSources(view).map((d) => `${d.customerId} ${d.input} ${d.supplierId}`)).toEqual([
      'm1 w a1',
      'm1 z a2',
      'm2 x a1',
      'm2 y a2',
    ]);
    // one input for everything: each member now has two sources of it
    expect(singleSources(view, () => 'anything')).toEqual([]);
    // or a precomputed map, link by link
    const byLink = new Map(g.supplies.map((s) => [s, s.from === 'a1' ? 'shared' : `${s.from}-only`]));
    expect(singleSources(view, byLink).map((d) => d.input)).toEqual(['a2-only', 'shared', 'a2-only', 'shared']);
  });

  it('reports a bridge only where it carries a single source', () => {
    // a → b → c, all local: both links are bridges, but c also buys y from outside
    const g = chain({
      segments: ['A', 'B', 'C'],
      feeds: [
        ['A', 'B'],
        ['B', 'C'],
      ],
      firms: [
        ['a', true, 'A'],
        ['b', true, 'B'],
        ['c', true, 'C'],
        ['o', false, 'B'],
      ],
      supplies: [
        ['a', 'b', undefined, 'x'],
        ['b', 'c', undefined, 'y'],
        ['o', 'c', undefined, 'y'],
      ],
    });
    const view = new ChainIndexView(g);
    const centrality = findCentrality(view);
    expect(centrality.bridges).toHaveLength(2);
    expect(findChokepoints(view, centrality.bridges).bridges).toEqual([
      { customerId: 'b', input: 'x', supplierId: 'a' },
    ]);
    // on a cycle there is no bridge, though every link is a single source
    const triangle = chain({
      segments: ['A'],
      feeds: [],
      firms: [
        ['a', true, 'A'],
        ['b', true, 'A'],
        ['c', true, 'A'],
      ],
      supplies: [
        ['a', 'b', undefined, 'x'],
        ['b', 'c', undefined, 'y'],
        ['a', 'c', undefined, 'z'],
      ],
    });
    const report = gapReport(triangle);
    expect(report.chokepoints.singleSources).toHaveLength(3);
    expect(report.chokepoints.bridges).toEqual([]);
    expect(report.centrality.bridges).toEqual([]);
  });

  it('a what-if that gives an anchor two new local suppliers never names the anchor as a chokepoint', () => {
    // the anchor m buys p from local a1; two hypothetical local firms would supply it as well
    const g = chain({
      segments: ['A', 'M'],
      feeds: [['A', 'M']],
      firms: [
        ['a1', true, 'A'],
        ['m', true, 'M'],
        ['m2', true, 'M'],
      ],
      supplies: [['a1', 'm', 10]],
      anchors: ['m'],
    });
    const params = { minCover: 1, minFirms: 1, minLocalSourcing: 0.5 };
    const result = whatIf(
      g,
      [
        { name: '拟引进供应商甲', segmentIds: ['A'], suppliesTo: ['m'] },
        { name: '拟引进供应商乙', segmentIds: ['A'], suppliesTo: ['m'] },
      ],
      params,
    );
    // the anchor is now a cut vertex of the local flow (what used to make it a "chokepoint")
    expect(result.after.centrality.articulationPoints).toContain('m');
    for (const s of result.after.segments.filter((x) => x.localIds.includes('m'))) {
      expect(s.need === 'STRENGTHEN' && s.chokepointIds.includes('m'), s.segmentId).toBe(false);
      expect(s.need, s.segmentId).toBe('OK');
    }
    expect(result.after.chokepoints.supplierIds).not.toContain('m');
    expect(result.changes.filter((c) => c.segmentId === 'M')).toEqual([]);
  });
});
