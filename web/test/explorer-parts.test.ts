import { describe, expect, it } from 'vitest';
import { GraphModel } from '../src/graph/model';
import type { T } from '../src/i18n/useT';
import type { Enterprise, Neighbourhood } from '../src/queries/enterprise';
import { expandAround } from '../src/views/explorer/expand';
import { foldInto, labelFolded, unfoldAt } from '../src/views/explorer/fold';
import {
  applyFilters,
  drawnGraph,
  enterpriseOf,
  filtered,
  linksOf,
  nodeByKey,
  segmentsOf,
} from '../src/views/explorer/graph';
import { layOut, positionsFor } from '../src/views/explorer/layout';
import { drawNeighbourhood } from '../src/views/explorer/load';
import { enterprise, neighbourhood, relation } from './fixtures';

/** The fixture's neighbourhood, its firms in segments: 长江商贸 and 隆信 in 冷链, 长江快运 in none. */
function segmented(): Neighbourhood {
  const n = neighbourhood();
  const segment = { key: 'cold', name: '冷链', chain: { name: '物流' } } as Enterprise['segments'][number];
  return {
    ...n,
    nodes: n.nodes.map((node) =>
      node.enterprise.id === '长江快运' ? node : { ...node, enterprise: { ...node.enterprise, segments: [segment] } },
    ),
  };
}

const loaded = (n: Neighbourhood = segmented()) => {
  const model = new GraphModel();
  const drawn = drawNeighbourhood(model, n);
  return { model, ...drawn };
};

const t = ((key: string, vars?: Record<string, unknown>) => `${key}:${JSON.stringify(vars ?? {})}`) as unknown as T;

describe('the explorer’s load: a neighbourhood into the model', () => {
  it('puts the firms on rings around the centre, marked and selected', () => {
    const { model, centreId, centreFirm } = loaded();
    expect(centreId).toBe('长江商贸');
    expect(centreFirm?.shortName).toBe('长江商贸');
    expect(model.hasClass('长江商贸', 'centre')).toBe(true);
    expect(model.selected).toBe('长江商贸');
    expect(model.position('长江商贸')).toEqual({ x: 0, y: 0 });
    expect(model.nodeCount).toBe(3);
    expect(model.edgeCount).toBe(2);
  });
});

describe('what the explorer reads of its model', () => {
  it('finds firms by id and key, and lists the segments there', () => {
    const { model } = loaded();
    expect(enterpriseOf(model, '隆信')?.key).toBe('key-隆信');
    expect(nodeByKey(model, 'key-长江快运')).toBe('长江快运');
    expect(nodeByKey(model, 'key-nobody')).toBeUndefined();
    expect(segmentsOf(model)).toEqual([{ key: 'cold', label: '物流 · 冷链' }]);
  });

  it('lists the firms linked to one, both ways, and not those hidden', () => {
    const { model } = loaded();
    // in the order of their names (as the language's collation has it)
    const byId = (links: ReturnType<typeof linksOf>) => [...links].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(linksOf(model, '长江商贸'))).toEqual([
      { id: '长江快运', name: '长江快运', outgoing: true, kind: 'CONTROLS', detail: '51%' },
      { id: '隆信', name: '隆信', outgoing: false, kind: 'SUPPLIES', detail: '冷链设备' },
    ]);
    model.setClass(['隆信'], 'filtered', true);
    expect(linksOf(model, '长江商贸').map((l) => l.id)).toEqual(['长江快运']);
    expect(linksOf(model, 'nobody')).toEqual([]);
  });

  it('hides by the filters, never the centre, touching only what changes', () => {
    const { model } = loaded();
    expect(filtered(model, { show: 'local', segment: null })).toEqual({ hide: ['隆信'], show: [] });
    applyFilters(model, { show: 'all', segment: 'cold' });
    expect(model.visibleNodes().map((n) => n.id)).toEqual(['长江商贸', '隆信']);
    expect(filtered(model, { show: 'all', segment: 'cold' })).toEqual({ hide: [], show: [] });
    applyFilters(model, { show: 'all', segment: null });
    expect(model.visibleNodes()).toHaveLength(3);
  });

  it('gives the layouts what is drawn', () => {
    const { model } = loaded();
    model.setClass(['长江快运'], 'filtered', true);
    expect(drawnGraph(model)).toEqual({
      nodes: [
        { id: '长江商贸', distance: 0 },
        { id: '隆信', distance: 1 },
      ],
      edges: [{ source: '隆信', target: '长江商贸' }],
    });
  });
});

describe('the explorer’s layouts, of the model', () => {
  it('places the nodes by the layout asked for, then fits', async () => {
    const { model } = loaded();
    const fits: string[] = [];
    const canvas = { fcose: async () => new Map(), fit: () => void fits.push('fit') };
    const layered = await positionsFor('layered', model, canvas, new AbortController().signal);
    expect([...layered.keys()].sort()).toEqual(['长江商贸', '长江快运', '隆信'].sort());
    await layOut('layered', model, canvas, new AbortController().signal, false);
    expect(model.position('长江快运')).toEqual(layered.get('长江快运'));
    expect(fits).toEqual(['fit']);
  });

  it('asks the canvas for fcose, and stops when aborted', async () => {
    const { model } = loaded();
    const canvas = { fcose: async () => new Map([['隆信', { x: 9, y: 9 }]]), fit: () => {} };
    const run = new AbortController();
    run.abort();
    await layOut('fcose', model, canvas, run.signal, false);
    expect(model.position('隆信')).not.toEqual({ x: 9, y: 9 });
    await layOut('fcose', model, canvas, new AbortController().signal, false);
    expect(model.position('隆信')).toEqual({ x: 9, y: 9 });
  });
});

describe('expanding a firm in the model', () => {
  it('adds what is new around the parent, a hop further, and widens the view first', async () => {
    const { model } = loaded();
    const widened: number[] = [];
    const more: Neighbourhood = {
      centre: { id: '长江快运' },
      truncated: true,
      nodes: [
        { distance: 0, enterprise: enterprise('长江快运') },
        { distance: 1, enterprise: enterprise('汉口仓储') },
        { distance: 1, enterprise: enterprise('长江商贸', 'ROOT') },
      ],
      edges: [relation('r1', 'CONTROLS', '长江商贸', '长江快运'), relation('r3', 'SUPPLIES', '汉口仓储', '长江快运')],
    };
    const added = await expandAround(
      model,
      { widenTo: async (els) => void widened.push(els.length) },
      '长江快运',
      more,
      () => true,
    );
    expect(added).toEqual({ nodes: 2, truncated: true });
    expect(widened).toEqual([1]);
    expect(model.data('汉口仓储')?.distance).toBe(2);
    expect(model.position('汉口仓储')).not.toEqual(model.position('长江快运'));
    expect(model.edges().map((e) => e.id)).toEqual(['r1', 'r2', 'r3']);
    expect(await expandAround(model, null, '长江快运', more, () => true, false)).toEqual({
      nodes: 0,
      truncated: true,
    });
  });
});

describe('folding a system in the model', () => {
  const system = (members: string[]) => ({
    root: { id: '长江商贸', shortName: '长江商贸' },
    members: { nodes: members.map((id) => ({ enterprise: { id } })) },
    directCount: members.length - 1,
  });

  it('hides the members, links the root to each outside firm once, and labels the root', () => {
    const { model } = loaded();
    const folded = foldInto(model, system(['长江商贸', '长江快运']), t);
    expect('root' in folded && folded.root.id).toBe('长江商贸');
    expect(model.visibleNodes().map((n) => n.id)).toEqual(['长江商贸', '隆信']);
    expect(model.hasClass('长江商贸', 'folded')).toBe(true);
    expect(model.data('长江商贸')?.folded).toBe('explorer.systemFolded:{"name":"长江商贸","n":2}');
    const relabel = ((key: string) => `again ${key}`) as unknown as T;
    labelFolded(model, relabel);
    expect(model.data('长江商贸')?.folded).toBe('again explorer.systemFolded');
  });

  it('opens it again: the meta links go, the members come back, the root loses its label', () => {
    const { model } = loaded();
    model.setClass(['r2'], 'folded-away', true);
    model.upsert([
      { group: 'edges', data: { id: 'meta|长江商贸|隆信', source: '长江商贸', target: '隆信' }, classes: 'meta' },
    ]);
    model.setClass(['长江商贸'], 'folded', true);
    model.setData('长江商贸', { folded: 'x', foldedName: 'y', foldedCount: 2 });
    unfoldAt(model, '长江商贸');
    expect(model.edges().map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(model.visibleEdges()).toHaveLength(2);
    expect(model.hasClass('长江商贸', 'folded')).toBe(false);
    expect(model.data('长江商贸')).not.toHaveProperty('folded');
  });

  it('says why when the root is not drawn', () => {
    const { model } = loaded();
    const why = foldInto(model, { ...system([]), root: { id: 'elsewhere', shortName: '别处' } }, t);
    expect(why).toEqual({ why: { key: 'explorer.rootNotShown', vars: { name: '别处' } } });
  });
});
