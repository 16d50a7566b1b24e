import type { EdgeCollection, ElementDefinition } from 'cytoscape';
import { withClass } from './classes';

/** The unordered pair of an edge's ends: edges sharing it are drawn side by side. */
const pairOf = (source: string, target: string) => (source < target ? `${source}|${target}` : `${target}|${source}`);

/**
 * Edges that share both ends with another edge get the class `parallel` (drawn curved apart);
 * the rest can be drawn straight, which costs Cytoscape far less than bundled curves: each curved
 * edge makes it look through every edge of its source. For a whole new graph: marks the
 * definitions, counting the pairs among them.
 */
export function withParallelMarked(elements: readonly ElementDefinition[]): ElementDefinition[] {
  const pairs = new Map<string, number>();
  for (const el of elements)
    if (el.group === 'edges') {
      const key = pairOf(el.data.source, el.data.target);
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  return elements.map((el) => {
    if (el.group !== 'edges' || (pairs.get(pairOf(el.data.source, el.data.target)) ?? 0) < 2) return el;
    return withClass(el, 'parallel');
  });
}

/**
 * For edges added to (or updated in) a graph already drawn: marks each of them, and the edges they
 * join, `parallel` where their two ends hold more than one edge. Looks through the edges of each
 * one's source: fine for the hundreds an expansion brings, not for a whole graph.
 */
export function markParallelAt(edges: EdgeCollection) {
  edges.forEach((edge) => {
    const between = edge.source().edgesWith(edge.target());
    if (between.length > 1) between.addClass('parallel');
  });
}
