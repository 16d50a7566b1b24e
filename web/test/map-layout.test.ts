import { describe, expect, it } from 'vitest';
import type { Firm } from '../src/queries/chains';
import { chainMapElements, columnLefts, type MapSegment } from '../src/views/chains/map-layout';

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

const segment = (id: string, tier: MapSegment['tier'], firms: number, hidden = 0): MapSegment => ({
  id,
  name: id,
  tier,
  need: firms === 0 ? 'FILL' : 'OK',
  covered: firms > 0,
  firms: Array.from({ length: firms }, (_, i) => firm(`${id}-f${i}`)),
  hidden,
  feedsInto: [],
});

const labels = { tier: (t: string) => t, counts: () => '', more: (n: number) => `+${n}`, collapse: () => 'fewer' };
const draw = (segments: MapSegment[]) =>
  new Map(chainMapElements(segments, labels, { systemColor: () => undefined }).map((e) => [e.data.id as string, e]));

describe('the chain map layout', () => {
  const chain = [
    segment('a', 'UPSTREAM', 3),
    segment('b', 'UPSTREAM', 0),
    segment('c', 'MIDSTREAM', 5, 7),
    segment('d', 'DOWNSTREAM', 2),
  ];

  it('puts segments in columns, upstream first, a wider gap between tiers', () => {
    const lefts = columnLefts(chain);
    expect(lefts).toEqual([...lefts].sort((x, y) => x - y));
    expect((lefts[2] ?? 0) - (lefts[1] ?? 0)).toBeGreaterThan((lefts[1] ?? 0) - (lefts[0] ?? 0));
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

  it('grows an expanded segment downward and moves nothing else', () => {
    const before = draw(chain);
    const expanded = chain.map((s) =>
      s.id === 'c'
        ? { ...s, firms: [...s.firms, ...Array.from({ length: 7 }, (_, i) => firm(`c-more${i}`))], hidden: 0 }
        : s,
    );
    const after = draw(expanded);
    for (const [id, e] of before) {
      if (id === 'segment|c' || id === 'more|c' || id.startsWith('tier|')) continue;
      expect(after.get(id)?.position, id).toEqual(e.position);
    }
    const boxBefore = before.get('segment|c');
    const boxAfter = after.get('segment|c');
    const top = (b: typeof boxBefore) => (b?.position?.y ?? 0) - (b?.data.height as number) / 2;
    expect(top(boxAfter)).toBe(top(boxBefore));
    expect(boxAfter?.data.height).toBeGreaterThan(boxBefore?.data.height as number);
    expect(after.has('more|c')).toBe(false);
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
    expect(candidate?.position?.y).toBeGreaterThan((box?.position?.y ?? 0) + (box?.data.height as number) / 2);
    expect(elements.filter((e) => e.data.id?.startsWith('evidence|')).map((e) => e.data.target)).toEqual([
      'firm|a|a-f0',
    ]);
  });
});
