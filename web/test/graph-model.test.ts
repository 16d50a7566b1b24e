import type { ElementDefinition, Position } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { HIDING_CLASSES } from '../src/graph/classes';
import { GraphModel, type Mirror } from '../src/graph/model';
import { graphStylesheet } from '../src/graph/style';

const node = (id: string, x = 0, y = 0): ElementDefinition => ({
  group: 'nodes',
  data: { id, label: id },
  position: { x, y },
});
const edge = (id: string, source: string, target: string, classes?: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target },
  selectable: false,
  ...(classes ? { classes } : {}),
});

/** A mirror that writes down what it is asked to draw. */
function recording() {
  const calls: string[] = [];
  const mirror: Mirror = {
    replace: (elements) => void calls.push(`replace ${elements.length}`),
    addInSlices: async (elements) => void calls.push(`add ${elements.length}`),
    upsert: (elements) => void calls.push(`upsert ${elements.length}`),
    remove: (ids) => void calls.push(`remove ${ids.join(',')}`),
    setClass: (ids, className, on) => void calls.push(`class ${ids.join(',')} ${className} ${on}`),
    setData: (id, patch) => void calls.push(`data ${id} ${Object.keys(patch).join(',')}`),
    place: async (positions: ReadonlyMap<string, Position>) => void calls.push(`place ${positions.size}`),
    select: (id) => void calls.push(`select ${id}`),
  };
  return { calls, mirror };
}

const triangle = () => [node('a'), node('b', 100), node('c', 0, 100), edge('ab', 'a', 'b'), edge('bc', 'b', 'c')];

describe('GraphModel: what the user is looking at', () => {
  it('holds the elements given, their data, classes and positions', () => {
    const model = new GraphModel();
    model.replace([...triangle(), { ...node('d'), classes: 'centre x' }]);
    expect(model.nodeCount).toBe(4);
    expect(model.edgeCount).toBe(2);
    expect(model.data('a')?.label).toBe('a');
    expect(model.position('b')).toEqual({ x: 100, y: 0 });
    expect(model.hasClass('d', 'centre')).toBe(true);
    expect(model.edgesOf('b').map((e) => e.id)).toEqual(['ab', 'bc']);
  });

  it('adds only what is new, and an edge only with both its ends', async () => {
    const model = new GraphModel();
    model.replace(triangle());
    await model.add([node('a', 5, 5), node('d'), edge('cd', 'c', 'd'), edge('dz', 'd', 'z')]);
    expect(model.nodes().map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(model.position('a')).toEqual({ x: 0, y: 0 });
    expect(model.edges().map((e) => e.id)).toEqual(['ab', 'bc', 'cd']);
  });

  it('updates data and positions on upsert, and classes only when given', () => {
    const model = new GraphModel();
    model.replace([{ ...node('a'), classes: 'centre' }, node('b'), edge('ab', 'a', 'b', 'x')]);
    model.upsert([
      { group: 'nodes', data: { id: 'a', more: 1 }, position: { x: 7, y: 8 } },
      edge('ab', 'a', 'b', 'meta'),
    ]);
    expect(model.data('a')).toMatchObject({ label: 'a', more: 1 });
    expect(model.position('a')).toEqual({ x: 7, y: 8 });
    expect(model.hasClass('a', 'centre')).toBe(true);
    expect([...(model.edges()[0]?.classes ?? [])]).toEqual(['meta']);
  });

  it('removes a node with its edges, and data set to undefined', () => {
    const model = new GraphModel();
    model.replace(triangle());
    model.setData('a', { folded: 'x', more: 2 });
    model.setData('a', { folded: undefined });
    expect(model.data('a')).toEqual({ id: 'a', label: 'a', more: 2 });
    model.remove(['b']);
    expect(model.edgeCount).toBe(0);
    expect(model.has('ab')).toBe(false);
  });

  it('tells what hides (the stylesheet’s hiding classes), an edge hidden with an end', () => {
    const model = new GraphModel();
    model.replace(triangle());
    model.setClass(['c'], 'filtered', true);
    expect(model.visible('c')).toBe(false);
    expect(model.visible('bc')).toBe(false);
    expect(model.visibleNodes().map((n) => n.id)).toEqual(['a', 'b']);
    expect(model.visibleEdges().map((e) => e.id)).toEqual(['ab']);
    model.setClass(['ab'], 'folded-away', true);
    expect(model.visibleEdges()).toEqual([]);
    const hiding = graphStylesheet().find(
      (rule) => 'style' in rule && (rule.style as { display?: string }).display === 'none',
    );
    expect(hiding && 'selector' in hiding ? hiding.selector : null).toBe(HIDING_CLASSES.map((c) => `.${c}`).join(', '));
  });

  it('hands every change to the canvas that draws it, and what it holds to a canvas mounted later', async () => {
    const model = new GraphModel();
    model.replace(triangle(), { fit: true, maxZoom: 1.5 });
    model.select('a');
    const { calls, mirror } = recording();
    const detach = model.attach(mirror);
    expect(calls).toEqual(['replace 5', 'select a']);
    await model.add([node('d')]);
    model.upsert([node('e')]);
    model.setClass(['a'], 'centre', true);
    model.setData('a', { x: 1 });
    await model.place(new Map([['a', { x: 1, y: 1 }]]));
    model.remove(['e']);
    expect(calls.slice(2)).toEqual(['add 1', 'upsert 1', 'class a centre true', 'data a x', 'place 1', 'remove e']);
    detach();
    model.remove(['d']);
    expect(calls).toHaveLength(8);
  });

  it('learns what the user changes on the canvas: a node moved, a node selected', () => {
    const model = new GraphModel();
    model.replace(triangle());
    model.moved('a', { x: 9, y: 9 });
    model.selectedBy('b');
    expect(model.position('a')).toEqual({ x: 9, y: 9 });
    expect(model.selected).toBe('b');
  });

  it('gives a new snapshot after each change to what it holds, and tells its listeners once a task', async () => {
    const model = new GraphModel();
    let told = 0;
    model.subscribe(() => told++);
    const before = model.snapshot();
    expect(model.snapshot()).toBe(before);
    model.replace(triangle());
    model.setClass(['a'], 'centre', true);
    expect(model.snapshot()).not.toBe(before);
    await Promise.resolve();
    expect(told).toBe(1);
    const after = model.snapshot();
    await model.place(new Map([['a', { x: 3, y: 3 }]]));
    expect(model.snapshot()).toBe(after);
  });

  it('gives back what it holds as element definitions, nodes first', () => {
    const model = new GraphModel();
    model.replace([edge('ab', 'a', 'b'), node('a'), { ...node('b'), classes: 'centre' }]);
    expect(model.elements()).toEqual([
      { group: 'nodes', data: { id: 'a', label: 'a' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'b', label: 'b' }, classes: 'centre', position: { x: 0, y: 0 } },
      { group: 'edges', selectable: false, data: { id: 'ab', source: 'a', target: 'b' } },
    ]);
  });
});

describe('GraphModel: changes while the canvas draws a slice at a time', () => {
  it('hands the canvas again what changed of elements it had not drawn yet', async () => {
    const model = new GraphModel();
    model.replace([node('a')]);
    const { calls, mirror } = recording();
    let drawn: () => void = () => {};
    mirror.addInSlices = (elements) => {
      calls.push(`add ${elements.length}`);
      return new Promise<void>((resolve) => {
        drawn = resolve;
      });
    };
    model.attach(mirror);
    const adding = model.add([node('b'), node('c'), node('d')]);
    model.setClass(['b'], 'filtered', true);
    model.setData('c', { folded: 'x' });
    model.remove(['d']);
    drawn();
    await adding;
    expect(calls.slice(-3)).toEqual(['data c label,folded', 'remove d', 'class b filtered true']);
  });
});
