import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDetail, detailAt, reportCounts } from '../src/graph/drawn';
import { canvasParts } from '../src/graph/handle';
import { LABEL_SLICE, labelInView, nearAt } from '../src/graph/labelling';
import { LANDMARKS_UNTIL_ZOOM } from '../src/graph/landmarks';
import { nameLandmarks } from '../src/graph/naming';
import { graphStylesheet, LABELLED, LANDMARK } from '../src/graph/style';
import { boxOf, inside, union, viewportFor } from '../src/graph/viewport';

/** Cytoscape without a screen, styled by the explorer's stylesheet. */
const headless = (elements: ElementDefinition[] = []): Core => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet() });
  // added, not given to the constructor: that would lay them out
  cy.add(elements);
  return cy;
};

const node = (id: string, x = 0, y = 0, data: Record<string, unknown> = {}): ElementDefinition => ({
  group: 'nodes',
  data: { id, label: id, ...data },
  position: { x, y },
});
const edge = (id: string, source: string, target: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, kind: 'CONTROLS' },
});

// frames, for the parts that wait for one
const raf = globalThis.requestAnimationFrame;
beforeAll(() => {
  globalThis.requestAnimationFrame = (run: FrameRequestCallback) => setTimeout(() => run(0), 0) as unknown as number;
});
afterAll(() => {
  globalThis.requestAnimationFrame = raf;
});

describe('viewport maths', () => {
  const view = { width: 880, height: 680, minZoom: 0.05, maxZoom: 3 };

  it('boxes the positioned nodes with their extent and names', () => {
    expect(boxOf([node('a'), node('b', 100, 50), edge('ab', 'a', 'b')])).toEqual({ x1: -20, y1: -32, x2: 120, y2: 82 });
    expect(boxOf([{ group: 'nodes', data: { id: 'x', width: 100, height: 10 }, position: { x: 0, y: 0 } }])).toEqual({
      x1: -50,
      y1: -17,
      x2: 50,
      y2: 17,
    });
    expect(boxOf([edge('ab', 'a', 'b')])).toBeNull();
  });

  it('fits a box with a margin, zoomed in no further than asked, within the zoom limits', () => {
    const small = viewportFor(view, { x1: 0, y1: 0, x2: 100, y2: 100 }, 1.25);
    expect(small.zoom).toBe(1.25);
    expect(small.pan).toEqual({ x: 440 - 62.5, y: 340 - 62.5 });
    expect(viewportFor(view, { x1: 0, y1: 0, x2: 1600, y2: 600 }, 2).zoom).toBeCloseTo(0.5);
    expect(viewportFor(view, { x1: 0, y1: 0, x2: 1e6, y2: 1 }, 2).zoom).toBe(0.05);
  });

  it('tells a box inside another, and joins two', () => {
    const outer = { x1: 0, y1: 0, x2: 10, y2: 10 };
    expect(inside({ x1: 1, y1: 1, x2: 9, y2: 9 }, outer)).toBe(true);
    expect(inside({ x1: -1, y1: 1, x2: 9, y2: 9 }, outer)).toBe(false);
    expect(union(outer, { x1: -5, y1: 2, x2: 3, y2: 20 })).toEqual({ x1: -5, y1: 0, x2: 10, y2: 20 });
  });
});

describe('labelling', () => {
  it('labels from its zoom on (times the pixel ratio), and always without one', () => {
    const labels = { from: 0.5, job: 0, running: -1 };
    expect(nearAt(labels, 0.4, 1)).toBe(false);
    expect(nearAt(labels, 0.5, 1)).toBe(true);
    expect(nearAt(labels, 0.3, 2)).toBe(true);
    expect(nearAt({ ...labels, from: undefined }, 0.01, 1)).toBe(true);
  });

  it('labels what is in view a slice a frame, and stops for a newer graph', async () => {
    const cy = headless(Array.from({ length: LABEL_SLICE + 5 }, (_, i) => node(`n${i}`, i)));
    const labels = { from: undefined, job: 1, running: -1 };
    let frames = 0;
    await labelInView(
      cy,
      labels,
      async () => void frames++,
      () => (el) => el.id() !== 'n0',
    );
    expect(cy.elements(`.${LABELLED}`).length).toBe(LABEL_SLICE + 4);
    expect(frames).toBe(2);
    expect(labels.running).toBe(-1);
    const newer = headless([node('a')]);
    const state = { from: undefined, job: 1, running: -1 };
    await labelInView(
      newer,
      state,
      async () => void state.job++,
      () => () => true,
    );
    expect(newer.elements(`.${LABELLED}`).length).toBe(1);
  });
});

describe('landmarks on the canvas', () => {
  it('names the nodes that pass a test, in order, while the view is far', () => {
    const cy = headless([node('a', 0, 0, { role: 'ROOT' }), node('b', 500, 0), node('c', 1000, 0, { role: 'ROOT' })]);
    cy.zoom(0.2);
    cy.getElementById('b').addClass('centre');
    const state = {
      ranks: [
        (n: { hasClass(c: string): boolean }) => n.hasClass('centre'),
        (n: { data(k: string): unknown }) => n.data('role') === 'ROOT',
      ],
      named: [] as string[],
      zoom: 0,
      due: true,
    };
    nameLandmarks(cy, state, (text) => text.length * 8);
    expect(state.named).toEqual(['b', 'a', 'c']);
    expect(cy.getElementById('a').hasClass(LANDMARK)).toBe(true);
    expect(state.due).toBe(false);
    cy.zoom(LANDMARKS_UNTIL_ZOOM);
    nameLandmarks(cy, state, (text) => text.length * 8);
    expect(state.named).toEqual([]);
    expect(cy.nodes(`.${LANDMARK}`).length).toBe(0);
  });
});

describe('counts and zoom classes', () => {
  it('keeps the counts on the container, and reports those drawn when they change', () => {
    const cy = headless([node('a'), node('b'), edge('ab', 'a', 'b')]);
    const container = { dataset: {} as Record<string, string> } as HTMLElement;
    const state = { reported: '', due: true };
    const told: unknown[] = [];
    reportCounts(cy, container, state, (stats) => told.push(stats));
    cy.getElementById('b').addClass('filtered');
    reportCounts(cy, container, state, (stats) => told.push(stats));
    reportCounts(cy, container, state, (stats) => told.push(stats));
    expect(told).toEqual([
      { nodes: 2, edges: 1 },
      { nodes: 1, edges: 0 },
    ]);
    expect({ ...container.dataset }).toEqual({ nodeCount: '2', edgeCount: '1', drawnNodes: '1', drawnEdges: '0' });
  });

  it('gives every element the classes of its zoom', () => {
    const cy = headless([node('a'), node('b')]);
    const state = {
      levels: [
        { className: 'near', from: 1 },
        { className: 'nearer', from: 2 },
      ],
      on: '',
    };
    expect(detailAt(state, 1.5)).toEqual(['near']);
    applyDetail(cy, state, 2);
    expect(cy.nodes('.near.nearer').length).toBe(2);
    applyDetail(cy, state, 0.5);
    expect(cy.nodes('.near').length).toBe(0);
  });
});

describe('the canvas’s mirror of a model', () => {
  const parts = (cy: Core) => {
    let changes = 0;
    const landmarks = { ranks: [], named: [], zoom: 0, due: false };
    const detail = { levels: [], on: '' };
    const { mirror, handle } = canvasParts({
      cy: () => cy,
      labels: { from: 0.5, job: 0, running: -1 },
      landmarks: () => landmarks,
      detail,
      changed: () => void changes++,
      picture: {
        unnameLandmarks: () => {},
        landmarksDue: () => {},
        detail,
        stylesheet: () => graphStylesheet(),
        sheetMade: () => {},
      },
    });
    return { mirror, handle, changes: () => changes };
  };

  it('draws what it is handed, labelled when near enough, with parallel edges marked', () => {
    const cy = headless([node('old')]);
    const { mirror, changes } = parts(cy);
    mirror.replace([node('a'), node('b', 100), edge('ab', 'a', 'b'), edge('ab2', 'a', 'b')], { fit: false });
    expect(cy.nodes().map((n) => n.id())).toEqual(['a', 'b']);
    expect(cy.edges('.parallel').length).toBe(2);
    expect(cy.elements(`.${LABELLED}`).length).toBe(4);
    cy.zoom(0.2);
    mirror.upsert([node('c', 0, 100), { group: 'nodes', data: { id: 'a', more: 1 }, position: { x: 5, y: 5 } }]);
    expect(cy.getElementById('c').hasClass(LABELLED)).toBe(false);
    expect(cy.getElementById('a').data('more')).toBe(1);
    expect(cy.getElementById('a').position()).toEqual({ x: 5, y: 5 });
    expect(changes()).toBe(2);
  });

  it('adds in slices what is new, and stops when told', async () => {
    const cy = headless([node('a')]);
    const { mirror } = parts(cy);
    const many = Array.from({ length: 20 }, (_, i) => node(`n${i}`, i * 10));
    await mirror.addInSlices([node('a', 9, 9), ...many, edge('e', 'a', 'n19')]);
    expect(cy.nodes().length).toBe(21);
    expect(cy.getElementById('a').position()).toEqual({ x: 0, y: 0 });
    expect(cy.getElementById('e').nonempty()).toBe(true);
    let slices = 0;
    await mirror.addInSlices(
      Array.from({ length: 20 }, (_, i) => node(`m${i}`)),
      () => slices++ < 1,
    );
    expect(cy.nodes('[id ^= "m"]').length).toBeLessThan(20);
  });

  it('removes, classes, sets and removes data, places and selects', async () => {
    const cy = headless([node('a'), node('b'), edge('ab', 'a', 'b')]);
    const { mirror } = parts(cy);
    mirror.setClass(['a', 'ab'], 'folded-away', true);
    expect(cy.elements('.folded-away').length).toBe(2);
    mirror.setData('a', { folded: 'x', foldedCount: 2 });
    mirror.setData('a', { folded: undefined });
    expect(cy.getElementById('a').data()).toEqual({ id: 'a', label: 'a', foldedCount: 2 });
    await mirror.place(new Map([['b', { x: 40, y: 40 }]]));
    expect(cy.getElementById('b').position()).toEqual({ x: 40, y: 40 });
    mirror.select('b');
    expect(cy.$(':selected').map((n) => n.id())).toEqual(['b']);
    mirror.remove(['a']);
    expect(cy.elements().map((e) => e.id())).toEqual(['b']);
  });
});
