import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { describe, expect, it } from 'vitest';

/**
 * patches/cytoscape@3.35.0.patch skips, on an element's first styling and its first bounding
 * box, the cache invalidations and 'bounds' events that only matter for an element worked out
 * before, and the search for parallel edges of an edge added with one of its ends (B9); and it
 * draws the page's first frame without layers. These check that what they kept right still is:
 * sizes, hiding through a node's edges, a restyle, elements added to a drawn graph, bounds
 * announced when they change, and parallel edges.
 */
const sheet = (size: number): StylesheetJson => [
  { selector: 'node', style: { width: size, height: size, 'border-width': 2 } },
  { selector: 'node.away', style: { display: 'none' } },
  { selector: 'edge', style: { 'curve-style': 'straight' } },
];

const graph = (): Core => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: sheet(40) });
  cy.batch(() => {
    cy.add([
      { group: 'nodes', data: { id: 'a' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'b' }, position: { x: 200, y: 0 } },
      { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
    ]);
  });
  return cy;
};

/** A node's width with its border (2 on each side). */
const width = (cy: Core, id: string) => cy.getElementById(id).boundingBox({ includeLabels: false }).w;

describe('Cytoscape, patched: first styling skips invalidations', () => {
  it('sizes new nodes by the stylesheet', () => {
    expect(width(graph(), 'a')).toBeCloseTo(44, 0);
  });

  it('hides a node’s edges when the node is hidden later', () => {
    const cy = graph();
    expect(cy.getElementById('ab').visible()).toBe(true);
    cy.getElementById('a').addClass('away');
    expect(cy.getElementById('ab').visible()).toBe(false);
    cy.getElementById('a').removeClass('away');
    expect(cy.getElementById('ab').visible()).toBe(true);
  });

  it('resizes every element when the stylesheet is replaced', () => {
    const cy = graph();
    expect(width(cy, 'a')).toBeCloseTo(44, 0);
    cy.style(sheet(80));
    expect(width(cy, 'a')).toBeCloseTo(84, 0);
    expect(width(cy, 'b')).toBeCloseTo(84, 0);
  });

  it('styles elements added to a graph already drawn, hidden ones included', () => {
    const cy = graph();
    cy.batch(() => {
      cy.add([
        { group: 'nodes', data: { id: 'c' }, position: { x: 0, y: 200 }, classes: 'away' },
        { group: 'nodes', data: { id: 'd' }, position: { x: 200, y: 200 } },
        { group: 'edges', data: { id: 'bd', source: 'b', target: 'd' } },
        { group: 'edges', data: { id: 'ac', source: 'a', target: 'c' } },
      ]);
    });
    expect(width(cy, 'd')).toBeCloseTo(44, 0);
    expect(cy.getElementById('bd').visible()).toBe(true);
    expect(cy.getElementById('ac').visible()).toBe(false);
    // a node moved after its first styling drags its edges' bounds with it
    const before = cy.getElementById('bd').boundingBox().x2;
    cy.getElementById('d').position({ x: 600, y: 200 });
    expect(cy.getElementById('bd').boundingBox().x2).toBeGreaterThan(before + 300);
  });

  it('announces no bounds when an element’s bounds are first worked out', () => {
    const cy = graph();
    const announced: string[] = [];
    cy.on('bounds', (e) => announced.push(e.target.id()));
    for (const el of cy.elements()) el.boundingBox();
    expect(announced).toEqual([]);
    // and worked out once, they are kept
    expect(cy.getElementById('ab').boundingBox().x2).toBeCloseTo(cy.getElementById('b').position().x, -1);
  });

  it('still announces bounds that changed after they were worked out', () => {
    const cy = graph();
    for (const el of cy.elements()) el.boundingBox();
    const announced = new Set<string>();
    cy.on('bounds', (e) => announced.add(e.target.id()));
    // moved: announced at once, the node and its edge
    cy.getElementById('b').position({ x: 500, y: 0 });
    expect([...announced].sort()).toEqual(['ab', 'b']);
    // restyled: announced at once
    announced.clear();
    cy.getElementById('a').style('width', 90);
    expect(announced.has('a')).toBe(true);
    expect(width(cy, 'a')).toBeCloseTo(94, 0);
  });

  it('still announces, when next asked, the bounds of a parent whose child moved', () => {
    // the one case left to the next bounding box: a parent's cache is emptied without its
    // position key, and announced again when its bounds are worked out anew
    const cy = cytoscape({ headless: true, styleEnabled: true, style: sheet(40) });
    cy.add([
      { group: 'nodes', data: { id: 'p' } },
      { group: 'nodes', data: { id: 'c', parent: 'p' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'd', parent: 'p' }, position: { x: 100, y: 0 } },
    ]);
    for (const el of cy.elements()) el.boundingBox();
    cy.getElementById('c').position({ x: -300, y: 0 });
    const announced: string[] = [];
    cy.on('bounds', (e) => announced.push(e.target.id()));
    expect(cy.getElementById('p').boundingBox().w).toBeGreaterThan(400);
    expect(announced).toEqual(['p']);
  });

  it('finds parallel edges among elements added together, and forgets what it knew of the old ones', () => {
    const cy = cytoscape({ headless: true });
    // a hub added with its edges: no parallel edge from before, nothing to forget
    cy.add([
      { group: 'nodes', data: { id: 'hub' } },
      { group: 'nodes', data: { id: 'x' } },
      { group: 'nodes', data: { id: 'y' } },
      { group: 'edges', data: { id: 'hx1', source: 'hub', target: 'x' } },
      { group: 'edges', data: { id: 'hx2', source: 'hub', target: 'x' } },
      { group: 'edges', data: { id: 'xh', source: 'x', target: 'hub' } },
      { group: 'edges', data: { id: 'hy', source: 'hub', target: 'y' } },
    ]);
    const ids = (id: string) =>
      cy
        .getElementById(id)
        .parallelEdges()
        .map((e) => e.id())
        .sort();
    expect(ids('hx1')).toEqual(['hx1', 'hx2', 'xh']);
    expect(ids('hy')).toEqual(['hy']);
    // an edge between two nodes already there clears what its parallel edges had cached
    const hx1 = cy.getElementById('hx1');
    // Cytoscape's own record of it (not in its types)
    const cached = () => (hx1 as unknown as { _private: { traversalCache: unknown } })._private.traversalCache != null;
    // cached by the element asked about (Cytoscape takes an element here; its types say a selector)
    hx1.parallelEdges(hx1 as unknown as string);
    expect(cached()).toBe(true);
    cy.add({ group: 'edges', data: { id: 'hx3', source: 'hub', target: 'x' } });
    expect(cached()).toBe(false);
    expect(ids('hx1')).toEqual(['hx1', 'hx2', 'hx3', 'xh']);
  });

  it('is the patched build (the patch is applied at install)', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../node_modules/cytoscape/dist/cytoscape.esm.mjs', import.meta.url), 'utf8');
    expect(source.match(/Chain Atlas patch/g)).toHaveLength(8);
  });
});
