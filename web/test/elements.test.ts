import { describe, expect, it } from 'vitest';
import { edgeLabel, newElements, placeAround, shareLabel, toElements } from '../src/graph/elements';
import { outwardAngle, ringPositions } from '../src/graph/placement';
import { enterprise, neighbourhood, relation } from './fixtures';

const ids = (elements: { data: { id: string } }[]) => elements.map((element) => element.data.id);
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('toElements', () => {
  it('maps enterprises to nodes and relations to edges', () => {
    const { nodes, edges } = toElements(neighbourhood());
    expect(ids(nodes)).toEqual(['长江商贸', '长江快运', '隆信']); // by distance, then role
    expect(nodes[0]).toMatchObject({
      group: 'nodes',
      data: { label: '长江商贸', role: 'ROOT', local: true, distance: 0 },
    });
    expect(nodes[2]?.data).toMatchObject({ role: 'AFFILIATE', local: false, distance: 1 });
    expect(edges).toEqual([
      expect.objectContaining({
        group: 'edges',
        data: expect.objectContaining({
          id: 'r1',
          source: '长江商贸',
          target: '长江快运',
          kind: 'CONTROLS',
          label: '51%',
        }),
      }),
      expect.objectContaining({
        data: expect.objectContaining({
          id: 'r2',
          source: '隆信',
          target: '长江商贸',
          kind: 'SUPPLIES',
          label: '冷链设备',
        }),
      }),
    ]);
  });

  it('drops duplicate nodes and edges, and edges whose ends are missing', () => {
    const base = neighbourhood();
    const { nodes, edges } = toElements({
      ...base,
      nodes: [...base.nodes, { distance: 1, enterprise: enterprise('长江快运') }],
      edges: [
        ...base.edges,
        relation('r1', 'CONTROLS', '长江商贸', '长江快运'),
        relation('r3', 'SUPPLIES', '隆信', '不在图中'),
      ],
    });
    expect(ids(nodes)).toHaveLength(3);
    expect(ids(edges)).toEqual(['r1', 'r2']);
  });

  it('labels shares as percentages and supplies by product', () => {
    expect(shareLabel(0.51)).toBe('51%');
    expect(shareLabel(1 / 3)).toBe('33.3%');
    expect(edgeLabel({ kind: 'CONTROLS', share: null, product: null })).toBe('控股');
    expect(edgeLabel({ kind: 'SUPPLIES', share: null, product: null })).toBe('供应');
  });
});

describe('newElements', () => {
  it('keeps only what the graph lacks, without duplicates', () => {
    const existing = { nodeIds: new Set(['长江商贸', '长江快运']), edgeIds: new Set(['r1']) };
    const incoming = toElements(neighbourhood());
    const [, supplies] = incoming.edges;
    if (supplies) incoming.edges.push(supplies); // a duplicate of r2
    const fresh = newElements(existing, incoming);
    expect(ids(fresh.nodes)).toEqual(['隆信']);
    expect(ids(fresh.edges)).toEqual(['r2']);
    expect(newElements({ nodeIds: new Set(ids(incoming.nodes)), edgeIds: new Set(['r1', 'r2']) }, incoming)).toEqual({
      nodes: [],
      edges: [],
    });
  });

  it('adds new edges between nodes already in the graph, never dangling ones', () => {
    const incoming = toElements(neighbourhood());
    const fresh = newElements({ nodeIds: new Set(['长江商贸', '隆信']), edgeIds: new Set() }, incoming);
    expect(ids(fresh.nodes)).toEqual(['长江快运']);
    expect(ids(fresh.edges).sort()).toEqual(['r1', 'r2']);
    const partial = { nodes: incoming.nodes.filter((node) => node.data.id !== '长江快运'), edges: incoming.edges };
    expect(ids(newElements({ nodeIds: new Set(), edgeIds: new Set() }, partial).edges)).toEqual(['r2']);
  });
});

describe('ring placement', () => {
  const parent = { x: 300, y: 0 };
  const occupied = [{ x: 0, y: 0 }, parent, { x: 300, y: 130 }, { x: 430, y: 0 }, { x: 170, y: 0 }];

  it('places every new node around the parent, clear of existing nodes and of each other', () => {
    const spacing = 70;
    const placed = ringPositions(parent, 40, occupied, { radius: 130, spacing });
    expect(placed).toHaveLength(40);
    for (const [i, p] of placed.entries()) {
      expect(distance(p, parent)).toBeGreaterThanOrEqual(130 - 1e-6);
      for (const q of occupied) expect(distance(p, q)).toBeGreaterThanOrEqual(spacing - 1e-6);
      for (const q of placed.slice(i + 1)) expect(distance(p, q)).toBeGreaterThanOrEqual(spacing - 1e-6);
    }
  });

  it('is deterministic and fills the side facing away from the graph first', () => {
    expect(ringPositions(parent, 5, occupied)).toEqual(ringPositions(parent, 5, occupied));
    expect(outwardAngle(parent, [{ x: 0, y: 0 }, parent])).toBeCloseTo(0);
    const [first] = ringPositions(parent, 1, [{ x: 0, y: 0 }, parent], { radius: 100 });
    expect(first?.x).toBeCloseTo(400);
    expect(first?.y).toBeCloseTo(0);
    expect(ringPositions(parent, 0, occupied)).toEqual([]);
  });

  it('gives new nodes a position and a distance one further than the parent', () => {
    const { nodes } = toElements(neighbourhood());
    const placed = placeAround(nodes.slice(1), { position: parent, distance: 1 }, occupied);
    expect(placed.map((node) => node.data.distance)).toEqual([2, 2]);
    expect(placed.every((node) => node.position !== undefined)).toBe(true);
    expect(nodes[1]?.position).toBeUndefined(); // the input is left as it was
  });
});

describe('ring placement sweep', () => {
  it('leaves the side facing the rest of the graph free', () => {
    const parent = { x: 300, y: 0 };
    const placed = ringPositions(parent, 12, [{ x: 0, y: 0 }, parent], { radius: 100, spacing: 60 });
    expect(placed).toHaveLength(12);
    // The graph lies to the left (x < 300): the inward third of each ring stays empty.
    for (const p of placed) {
      const angle = Math.atan2(p.y - parent.y, p.x - parent.x);
      expect(Math.abs(angle)).toBeLessThanOrEqual((2 * Math.PI) / 3 + 1e-6);
    }
  });

  it('uses the whole circle around a lone node', () => {
    const placed = ringPositions({ x: 0, y: 0 }, 6, [{ x: 0, y: 0 }], { radius: 100, spacing: 60 });
    expect(placed.some((p) => p.x < -50)).toBe(true);
    expect(placed.some((p) => p.x > 50)).toBe(true);
  });
});
