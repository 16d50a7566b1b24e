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
});
