import { describe, expect, it } from 'vitest';
import type { Firm } from '../src/queries/chains';
import { GEOMETRY, MAP_FONT, type MapSegment, textEm, wrapText } from '../src/views/chains/map-geometry';
import { chainMapElements, wrapTiers } from '../src/views/chains/map-layout';

const firm = (id: string, local = true): Firm => ({
  id,
  key: id,
  name: `${id}公司`,
  shortName: id,
  local,
  role: 'OTHER',
  district: '江汉区',
  revenue: null,
  anchorOf: [],
  system: null,
});

const segment = (
  id: string,
  tier: MapSegment['tier'],
  firms: number,
  hidden = 0,
  extra: Partial<MapSegment> = {},
): MapSegment => ({
  id,
  name: id,
  tier,
  need: firms === 0 ? 'FILL' : 'OK',
  covered: firms > 0,
  localCount: firms + hidden,
  outsideCount: 0,
  firms: Array.from({ length: firms }, (_, i) => firm(`${id}-f${i}`)),
  hidden,
  feedsInto: [],
  ...extra,
});

const labels = {
  tier: (t: string) => t,
  need: (n: string) => n,
  counts: () => '本地 1 · 区外 0',
  more: (n: number) => `+${n}`,
  collapse: () => 'fewer',
  none: () => '暂无企业',
};
const draw = (segments: MapSegment[]) =>
  new Map(chainMapElements(segments, labels, { systemColor: () => undefined }).map((e) => [e.data.id as string, e]));

describe('the chain map layout', () => {
  const chain = [
    segment('a', 'UPSTREAM', 3),
    segment('b', 'UPSTREAM', 0),
    segment('c', 'MIDSTREAM', 5, 7),
    segment('d', 'DOWNSTREAM', 2),
  ];

  it('puts the tiers in columns, upstream first, and stacks a tier’s segments in order', () => {
    const elements = draw(chain);
    const at = (id: string) => elements.get(`segment|${id}`)?.position ?? { x: 0, y: 0 };
    expect(at('a').x).toBe(at('b').x);
    expect(at('b').y).toBeGreaterThan(at('a').y);
    expect(at('c').x).toBeGreaterThan(at('a').x);
    expect(at('d').x).toBeGreaterThan(at('c').x);
  });

  it('wraps a long tier into more columns to fill a laptop’s view, in order', () => {
    const columns = wrapTiers([Array(24).fill(100), Array(20).fill(100), Array(12).fill(100)]);
    expect(columns.map((t) => t.length).every((n) => n >= 2)).toBe(true);
    // in order: column after column, top to bottom
    expect(columns[0]?.flat()).toEqual(Array.from({ length: 24 }, (_, i) => i));
    // a short chain keeps a column a tier
    expect(wrapTiers([[100, 100], [100], [100]]).map((t) => t.length)).toEqual([1, 1, 1]);
  });

  it('nests sub-segments inside their parent’s card', () => {
    const elements = draw([
      segment('p', 'UPSTREAM', 1),
      segment('p1', 'UPSTREAM', 2, 0, { parentId: 'p' }),
      segment('p2', 'UPSTREAM', 0, 0, { parentId: 'p' }),
      segment('q', 'MIDSTREAM', 1),
    ]);
    const box = (id: string) => {
      const e = elements.get(`segment|${id}`);
      const w = (e?.data.width as number) / 2;
      const h = (e?.data.height as number) / 2;
      const { x, y } = e?.position ?? { x: 0, y: 0 };
      return { x1: x - w, x2: x + w, y1: y - h, y2: y + h };
    };
    for (const child of ['p1', 'p2']) {
      const [outer, inner] = [box('p'), box(child)];
      expect(inner.x1).toBeGreaterThan(outer.x1);
      expect(inner.x2).toBeLessThan(outer.x2);
      expect(inner.y1).toBeGreaterThan(outer.y1);
      expect(inner.y2).toBeLessThan(outer.y2);
    }
    expect(box('p2').y1).toBeGreaterThanOrEqual(box('p1').y2);
  });

  it('names a card’s firms in two lines at most, the rest as “+N”', () => {
    const elements = draw([segment('a', 'UPSTREAM', 5, 20)]);
    const summary = String(elements.get('summary|a')?.data.label);
    const lines = summary.split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(summary).toMatch(/\+\d+$/);
    for (const line of lines)
      expect(textEm(line) * MAP_FONT.body).toBeLessThanOrEqual(GEOMETRY.card - 2 * GEOMETRY.pad);
    expect(draw([segment('e', 'UPSTREAM', 0)]).get('summary|e')?.data.label).toBe('暂无企业');
  });

  it('breaks a long title into two lines, the second cut short', () => {
    expect(wrapText('新能源汽车动力电池回收与梯次利用综合服务平台', 10, 2)).toEqual([
      '新能源汽车动力电池回',
      '收与梯次利用综合服…',
    ]);
    expect(wrapText('锂矿', 10, 2)).toEqual(['锂矿']);
  });

  it('draws the same chain the same way every time', () => {
    expect(JSON.stringify([...draw(chain)])).toBe(JSON.stringify([...draw(chain)]));
  });

  it('places each firm inside its segment box, with no two firms at one place', () => {
    const elements = draw(chain);
    const seen = new Set<string>();
    for (const [id, e] of elements) {
      if (!id.startsWith('firm|')) continue;
      const box = elements.get(`segment|${e.data.segmentId}`);
      const { x, y } = e.position ?? { x: 0, y: 0 };
      const bx = box?.position?.x ?? 0;
      const by = box?.position?.y ?? 0;
      expect(Math.abs(x - bx)).toBeLessThan((box?.data.width as number) / 2);
      expect(Math.abs(y - by)).toBeLessThan((box?.data.height as number) / 2);
      expect(seen.has(`${x},${y}`)).toBe(false);
      seen.add(`${x},${y}`);
    }
  });

  it('grows an expanded segment downward and moves only what is under it in its column, and only down', () => {
    const before = draw(chain);
    const expanded = chain.map((s) =>
      s.id === 'a'
        ? { ...s, firms: [...s.firms, ...Array.from({ length: 7 }, (_, i) => firm(`a-more${i}`))], expanded: true }
        : s,
    );
    const after = draw(expanded);
    const column = before.get('segment|a')?.position?.x;
    for (const [id, e] of before) {
      if (id === 'segment|a' || id === 'more|a' || id.startsWith('tier|') || id === 'summary|a') continue;
      const moved = after.get(id)?.position;
      if (e.position?.x !== undefined && Math.abs(e.position.x - (column ?? 0)) > GEOMETRY.card) {
        expect(moved, id).toEqual(e.position);
      } else {
        expect(moved?.x, id).toBe(e.position?.x);
        expect(moved?.y ?? 0, id).toBeGreaterThanOrEqual(e.position?.y ?? 0);
      }
    }
    const boxBefore = before.get('segment|a');
    const boxAfter = after.get('segment|a');
    const top = (b: typeof boxBefore) => (b?.position?.y ?? 0) - (b?.data.height as number) / 2;
    expect(top(boxAfter)).toBe(top(boxBefore));
    expect(boxAfter?.data.height).toBeGreaterThan(boxBefore?.data.height as number);
    expect(after.get('more|a')?.data.label).toBe('fewer');
  });

  it('offers to show fewer in a segment expanded at the user’s asking, and to show more while firms are hidden', () => {
    const hiding = draw(chain.map((s) => (s.id === 'c' ? { ...s, hidden: 5 } : s)));
    expect(hiding.get('more|c')?.data.label).toBe('+5');
    const expanded = draw(chain.map((s) => (s.id === 'c' ? { ...s, hidden: 0, expanded: true } : s)));
    expect(expanded.get('more|c')?.data.label).toBe('fewer');
    expect(expanded.get('more|c')?.data.kind).toBe('more');
  });

  it('draws a gap’s candidates under it with their evidence to the firms they supply', () => {
    const elements = chainMapElements(chain, labels, {
      systemColor: () => undefined,
      gapId: 'b',
      candidates: [{ enterprise: firm('x', false), score: 9.5, supplies: ['a-f0', 'nowhere'] }],
    });
    const candidate = elements.find((e) => e.data.id === 'candidate|x');
    const box = elements.find((e) => e.data.id === 'segment|b');
    expect(Math.abs((candidate?.position?.x ?? 0) - (box?.position?.x ?? 0))).toBeLessThanOrEqual(GEOMETRY.card / 2);
    expect(candidate?.position?.y).toBeGreaterThan((box?.position?.y ?? 0) + (box?.data.height as number) / 2);
    expect(elements.filter((e) => e.data.id?.startsWith('evidence|')).map((e) => e.data.target)).toEqual([
      'firm|a|a-f0',
    ]);
  });
});
