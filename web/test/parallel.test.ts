import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { markParallelAt, withParallelMarked } from '../src/graph/parallel';

const node = (id: string) => ({ group: 'nodes' as const, data: { id } });
const edge = (id: string, source: string, target: string, classes?: string) => ({
  group: 'edges' as const,
  data: { id, source, target },
  ...(classes ? { classes } : {}),
});
const parallel = (cy: cytoscape.Core) =>
  cy
    .edges('.parallel')
    .map((e) => e.id())
    .sort();

describe('edges that share both ends are marked parallel', () => {
  it('in a new graph, whichever way they point, keeping their other classes', () => {
    const marked = withParallelMarked([
      node('a'),
      node('b'),
      node('c'),
      edge('ab', 'a', 'b'),
      edge('ba', 'b', 'a', 'meta'),
      edge('bc', 'b', 'c'),
    ]);
    const cy = cytoscape({ headless: true, elements: marked });
    expect(parallel(cy)).toEqual(['ab', 'ba']);
    expect(cy.getElementById('ba').hasClass('meta')).toBe(true);
  });

  it('when an edge joins one already drawn, and again after its classes were replaced', () => {
    const cy = cytoscape({ headless: true, elements: [node('a'), node('b'), edge('ab', 'a', 'b')] });
    markParallelAt(cy.add(edge('meta|a|b', 'a', 'b', 'meta')).edges());
    expect(parallel(cy)).toEqual(['ab', 'meta|a|b']);
    // an upsert sets an edge's classes anew; marking what it touched puts the mark back
    const again = cy.getElementById('meta|a|b').classes('meta');
    expect(again.hasClass('parallel')).toBe(false);
    markParallelAt(again);
    expect(parallel(cy)).toEqual(['ab', 'meta|a|b']);
  });
});
