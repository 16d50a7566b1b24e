import { describe, expect, it } from 'vitest';
import { foldSystem } from '../src/graph/folding';
import { concentricPositions } from '../src/graph/layouts/concentric';
import { readView, writeView } from '../src/state/explorer-url';

describe('the explorer view in the URL', () => {
  it('reads defaults from an empty URL and writes none of them back', () => {
    const view = readView(new URLSearchParams());
    expect(view).toEqual({
      centre: null,
      depth: 1,
      kinds: ['CONTROLS', 'SUPPLIES'],
      layout: 'concentric',
      show: 'all',
      segment: null,
      expanded: [],
      folded: [],
      limit: 200,
    });
    expect(writeView(view, new URLSearchParams('lang=en')).toString()).toBe('lang=en');
  });

  it('round-trips a view and refuses values it does not know', () => {
    const params = new URLSearchParams(
      'e=914&depth=3&kinds=SUPPLIES&layout=layered&show=outside&segment=s1&x=a,b&fold=r&limit=1000',
    );
    const view = readView(params);
    expect(readView(writeView(view, new URLSearchParams()))).toEqual(view);
    expect(readView(new URLSearchParams('depth=9&kinds=DROP&layout=magic&show=x&limit=99999'))).toMatchObject({
      depth: 1,
      kinds: ['CONTROLS', 'SUPPLIES'],
      layout: 'concentric',
      show: 'all',
      limit: 200,
    });
  });

  it('keeps ids with commas and percent signs whole in the lists, and reads lists written before', () => {
    const ids = ['a,b', 'c', '100%,x', '%2C', ',', 'd%25e'];
    const view = { ...readView(new URLSearchParams()), centre: 'e', expanded: ids, folded: ['r,1', 'r2'] };
    const url = writeView(view, new URLSearchParams()).toString();
    expect(readView(new URLSearchParams(url))).toEqual(view);
    expect(readView(new URLSearchParams('x=a,b&fold=r')).expanded).toEqual(['a', 'b']);
    expect(readView(new URLSearchParams('x=a%2Cb')).expanded).toEqual(['a', 'b']);
  });
});

describe('folding a system', () => {
  it('hides the members drawn, and links the outside firms they touched to the root', () => {
    const result = foldSystem('R', new Set(['R', 'A', 'B', 'C']), {
      nodes: ['R', 'A', 'B', 'X', 'Y'],
      edges: [
        { source: 'R', target: 'A' },
        { source: 'A', target: 'B' },
        { source: 'X', target: 'A' },
        { source: 'B', target: 'X' },
        { source: 'B', target: 'Y' },
      ],
    });
    expect(result.hidden.sort()).toEqual(['A', 'B']);
    expect(result.meta.map((m) => `${m.source}>${m.target}`).sort()).toEqual(['R>Y', 'X>R']);
  });

  it('draws the system’s links to one enterprise as one link with their count, the root’s own included', () => {
    const result = foldSystem('R', new Set(['R', 'A', 'B']), {
      nodes: ['R', 'A', 'B', 'X', 'Y', 'Z'],
      edges: [
        { id: 'r-x', source: 'R', target: 'X' },
        { id: 'a-x', source: 'A', target: 'X' },
        { id: 'x-b', source: 'X', target: 'B' },
        { id: 'r-y', source: 'R', target: 'Y' },
        { id: 'a-z', source: 'A', target: 'Z' },
        { id: 'b-z', source: 'B', target: 'Z' },
      ],
    });
    expect(result.meta).toEqual([
      { id: 'meta|R|X', source: 'R', target: 'X', count: 3, both: true, label: '×3' },
      { id: 'meta|R|Z', source: 'R', target: 'Z', count: 2, both: false, label: '×2' },
    ]);
    // the root's own link to X is in the count; its one link to Y stays as it is
    expect(result.hiddenEdges).toEqual(['r-x']);
  });
});

describe('rings by hop', () => {
  it('puts the centre in the middle and each hop on a wider ring', () => {
    const nodes = [
      { id: 'c', distance: 0 },
      ...Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, distance: 1 + (i % 2) })),
    ];
    const at = concentricPositions(nodes);
    expect(at.get('c')).toEqual({ x: 0, y: 0 });
    const r = (id: string) => Math.hypot(at.get(id)?.x ?? 0, at.get(id)?.y ?? 0);
    expect(r('n1')).toBeGreaterThan(r('n0'));
    expect(r('n0')).toBeGreaterThan(0);
    const ring1 = nodes.filter((n) => n.distance === 1).map((n) => at.get(n.id));
    for (let i = 0; i < ring1.length; i++)
      for (let j = i + 1; j < ring1.length; j++)
        expect(
          Math.hypot((ring1[i]?.x ?? 0) - (ring1[j]?.x ?? 0), (ring1[i]?.y ?? 0) - (ring1[j]?.y ?? 0)),
        ).toBeGreaterThanOrEqual(60);
  });

  it('gives a hop of a thousand firms a band of rings, not one ring a thousand slots round', () => {
    const nodes = [
      { id: 'c', distance: 0 },
      ...Array.from({ length: 1000 }, (_, i) => ({ id: `a${i}`, distance: 1 })),
      ...Array.from({ length: 40 }, (_, i) => ({ id: `b${i}`, distance: 2 })),
    ];
    const at = concentricPositions(nodes);
    expect(at.size).toBe(nodes.length);
    const points = nodes.map((n) => at.get(n.id) ?? { x: Number.NaN, y: Number.NaN });
    const r = (id: string) => Math.hypot(at.get(id)?.x ?? 0, at.get(id)?.y ?? 0);
    // one ring would need a radius of 1000 × 64 / 2π ≈ 10,200
    expect(Math.max(...points.map((p) => Math.hypot(p.x, p.y)))).toBeLessThan(2_000);
    // the second hop lies wholly outside the first
    const hop1 = nodes.filter((n) => n.distance === 1).map((n) => r(n.id));
    const hop2 = nodes.filter((n) => n.distance === 2).map((n) => r(n.id));
    expect(Math.min(...hop2)).toBeGreaterThan(Math.max(...hop1) + 100);
    // no two firms closer than the spacing
    let closest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) {
        const [p, q] = [points[i], points[j]] as [{ x: number; y: number }, { x: number; y: number }];
        closest = Math.min(closest, Math.hypot(p.x - q.x, p.y - q.y));
      }
    expect(closest).toBeGreaterThanOrEqual(60);
    // the same input, the same picture
    expect(concentricPositions(nodes)).toEqual(at);
  });
});
