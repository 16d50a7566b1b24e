import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnterpriseRelationKind } from '../src/domain/model';
import { EnterpriseGraph } from '../src/store/graph/enterprise-graph';
import { shortestPathsOf } from '../src/store/graph/traversal';
import type { EnterpriseRecord, Relation } from '../src/store/port';

/** Random small multigraphs: nodes 0..n-1, edges with a kind, parallel edges and cycles allowed. */
const graphs = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        kind: fc.constantFrom<EnterpriseRelationKind>('CONTROLS', 'SUPPLIES'),
      }),
      { maxLength: 20 },
    ),
    from: fc.integer({ min: 0, max: n - 1 }),
    to: fc.integer({ min: 0, max: n - 1 }),
    maxHops: fc.integer({ min: 1, max: 6 }),
    kinds: fc.constantFrom<EnterpriseRelationKind[]>(['CONTROLS'], ['SUPPLIES'], ['CONTROLS', 'SUPPLIES']),
  }),
);

function build(n: number, edges: { from: number; to: number; kind: EnterpriseRelationKind }[]): EnterpriseGraph {
  const g = new EnterpriseGraph();
  for (let i = 0; i < n; i++) g.setNode(String(i), { id: String(i) } as EnterpriseRecord);
  edges.forEach((e, i) => {
    if (e.from === e.to) return;
    const base = { from: String(e.from), to: String(e.to), source: `e${i}`, confidence: 1 };
    g.add(
      (e.kind === 'CONTROLS'
        ? { ...base, kind: e.kind, share: 0.1 }
        : { ...base, kind: e.kind, product: `p${i}` }) as Relation,
    );
  });
  return g;
}

/** Every walk of the fewest relationships (of the kinds) from one node to another: by brute force. */
function bruteForce(g: EnterpriseGraph, from: string, to: string, maxHops: number, kinds: string[]): string[] {
  if (from === to) return [''];
  for (let length = 1; length <= maxHops; length++) {
    const found: string[] = [];
    const walk = (node: string, steps: string[]) => {
      if (steps.length === length) {
        if (node === to) found.push(steps.join(','));
        return;
      }
      for (const r of g.in(node)) if (kinds.includes(r.kind)) walk(r.from, [...steps, r.source]);
      for (const r of g.out(node)) if (kinds.includes(r.kind)) walk(r.to, [...steps, r.source]);
    };
    walk(from, []);
    if (found.length > 0) return found.sort();
  }
  return [];
}

describe('shortestPathsOf (bidirectional breadth-first search)', () => {
  it('finds exactly the shortest walks a brute-force search finds, each a chain of relationships from start to end', () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, from, to, maxHops, kinds }) => {
        const g = build(n, edges);
        const paths = shortestPathsOf(g, String(from), String(to), { maxHops, kinds, limit: 100_000 });
        const got = paths.map((p) => p.relations.map((r) => r.source).join(',')).sort();
        expect(got).toEqual(bruteForce(g, String(from), String(to), maxHops, kinds));
        for (const p of paths) {
          expect(p.nodeIds[0]).toBe(String(from));
          expect(p.nodeIds.at(-1)).toBe(String(to));
          p.relations.forEach((r, i) => {
            expect([r.from, r.to].sort()).toEqual([p.nodeIds[i], p.nodeIds[i + 1]].sort());
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('stops at the limit', () => {
    // four parallel two-step routes: 16 shortest paths
    const edges = [0, 1, 2, 3].flatMap(() => [
      { from: 0, to: 1, kind: 'SUPPLIES' as const },
      { from: 1, to: 2, kind: 'SUPPLIES' as const },
    ]);
    const g = build(3, edges);
    expect(shortestPathsOf(g, '0', '2', { maxHops: 2, kinds: ['SUPPLIES'], limit: 100 })).toHaveLength(16);
    expect(shortestPathsOf(g, '0', '2', { maxHops: 2, kinds: ['SUPPLIES'], limit: 5 })).toHaveLength(5);
  });
});
