import { describe, expect, it } from 'vitest';
import { candidatesFor } from '../src/analysis/candidates';
import { gapReport } from '../src/analysis/gap-report';
import { attributeSupply, productMatch } from '../src/analysis/products';
import { ChainIndexView } from '../src/analysis/subgraph';
import type { Makes, Segment } from '../src/domain/model';
import type { ChainSubgraph } from '../src/domain/records';
import { chain } from './support/chain-fixture';

/** A chain fixture with segment products, what firms make, and firm details. */
function withProducts(
  g: ChainSubgraph,
  products: Record<string, string[]>,
  makes: [string, string][],
  firms: Record<string, Partial<ChainSubgraph['enterprises'][number]>> = {},
): ChainSubgraph {
  return {
    ...g,
    chain: {
      ...g.chain,
      segments: g.chain.segments.map((s): Segment => {
        const wanted = products[s.id];
        return wanted ? { ...s, products: wanted } : s;
      }),
    },
    makes: makes.map(([enterpriseId, product]): Makes => ({ enterpriseId, product, source: 't', confidence: 1 })),
    // the fixture gives every firm a revenue of 1000: here only the firms named keep one
    enterprises: g.enterprises.map(({ revenue, ...e }) => ({
      ...e,
      ...(firms[e.id]?.revenue !== undefined ? { revenue } : {}),
      ...firms[e.id],
    })),
  };
}

describe('products', () => {
  it('match in full when the same once normalised, in part when one holds the other', () => {
    expect(productMatch(['锂电池'], ' 锂电池 ')).toBe(1);
    expect(productMatch(['ＰＣＢ'], 'pcb')).toBe(1);
    expect(productMatch(['锂电池'], '动力锂电池')).toBe(0.6);
    expect(productMatch(['锂电池'], '钢材')).toBe(0);
    expect(productMatch(['电'], '电池')).toBe(0); // one character holds too little
  });

  it('a supply link counts in the segment whose products match, not in every segment of its supplier', () => {
    // s works in A, B and C; what it supplies is B's product
    const g = withProducts(
      chain({
        segments: ['A', 'B', 'C', 'M'],
        feeds: [
          ['A', 'M'],
          ['B', 'M'],
          ['C', 'M'],
        ],
        firms: [
          ['s', true, 'A', 'B', 'C'],
          ['m', true, 'M'],
        ],
        supplies: [
          ['s', 'm', undefined, '电芯'],
          ['s', 'm', undefined, '未知物料'],
        ],
      }),
      { A: ['正极材料'], B: ['电芯', '锂电池'], C: ['隔膜'] },
      [],
    );
    const view = new ChainIndexView(g);
    const [cell, unknown] = g.supplies as [ChainSubgraph['supplies'][number], ChainSubgraph['supplies'][number]];
    expect(attributeSupply(view, cell)).toBe('B');
    expect(attributeSupply(view, unknown)).toBeUndefined(); // its supplier works in three segments
    const sourcing = Object.fromEntries(gapReport(g).segments.map((s) => [s.segmentId, s.sourcing.links]));
    expect(sourcing).toEqual({ A: 0, B: 1, C: 0, M: 0 });
  });
});

describe('groups of segments', () => {
  it('a group is covered by its segments, needs what they need, and is not a gap of its own', () => {
    const base = chain({
      segments: ['G', 'A', 'B', 'M'],
      feeds: [
        ['A', 'M'],
        ['B', 'M'],
      ],
      firms: [
        ['a', true, 'A'],
        ['m', true, 'M'],
        ['o', false, 'B'],
      ],
    });
    const g = {
      ...base,
      chain: {
        ...base.chain,
        segments: base.chain.segments.map((s) => (s.id === 'A' || s.id === 'B' ? { ...s, parentId: 'G' } : s)),
      },
    };
    const report = gapReport(g);
    const by = Object.fromEntries(report.segments.map((s) => [s.segmentId, s]));
    expect(by.G).toMatchObject({ covered: true, need: 'EXTEND', childIds: ['A', 'B'], candidates: [], reasons: [] });
    expect(by.B).toMatchObject({ covered: false, need: 'EXTEND' });
    expect(by.B?.candidates.map((c) => c.enterpriseId)).toEqual(['o']);
  });
});

describe('candidates on real signals', () => {
  // G is the gap; U feeds it, it feeds D. x makes G's product without being tagged to G; y is tagged
  // to G; v supplies the anchor d but makes nothing G makes; z and w work in U, next to G, and
  // neither make nor supply anything of G's: adjacency alone brings nobody in. Local firms never are.
  const g = withProducts(
    chain({
      segments: ['U', 'G', 'D'],
      feeds: [
        ['U', 'G'],
        ['G', 'D'],
      ],
      firms: [
        ['x', false],
        ['y', false, 'G'],
        ['z', false, 'U'],
        ['w', false, 'U'],
        ['v', false],
        ['d', true, 'D'],
        ['u', true, 'U'],
      ],
      supplies: [
        ['x', 'd', undefined, '电芯'],
        ['v', 'd', undefined, '钢材'],
      ],
      anchors: ['d'],
    }),
    { G: ['电芯'] },
    [
      ['x', '电芯'],
      ['w', '钢材'],
      ['v', '钢材'],
    ],
    { x: { revenue: 1000 } },
  );

  it('finds a firm that makes the segment’s product though nobody tagged it, and ranks it first', () => {
    const ranked = candidatesFor(g, 'G');
    expect(ranked.map((c) => c.enterpriseId)).toEqual(['x', 'y', 'v']);
    const x = ranked[0];
    expect(x?.terms.find((t) => t.key === 'PRODUCT_MATCH')?.value).toBe(1);
    expect(x?.terms.find((t) => t.key === 'PROXIMITY')?.value).toBe(0.75); // one customer, an anchor
    expect(x?.reason.zh).toBe('主营电芯，与该环节产品吻合；已向链上1家企业供货（含链主1家）');
    expect(x?.reason.en).toBe(
      "makes 电芯, as the link's firms do; already supplies 1 firm(s) of the chain (1 anchor(s))",
    );
  });

  it('shows a term it does not know as missing and leaves it out of the score, never as 0', () => {
    const y = candidatesFor(g, 'G').find((c) => c.enterpriseId === 'y');
    const terms = Object.fromEntries(y?.terms.map((t) => [t.key, t]) ?? []);
    expect(terms.PRODUCT_MATCH).toMatchObject({ value: null, points: null }); // it makes nothing known
    expect(terms.SCALE).toMatchObject({ value: null, points: null });
    expect(terms.DISTANCE).toMatchObject({ value: null, points: null }); // no home district
    // WORKS_IN_SEGMENT 3, PROXIMITY 3, ADJACENCY 2 are known: 100 × 3 / 8
    expect(y?.score).toBe(37.5);
    expect(y?.score).toBeCloseTo(y?.terms.reduce((s, t) => s + (t.points ?? 0), 0) ?? 0);
    // v makes something, only not what G makes: a known 0; where it works is not known
    const v = candidatesFor(g, 'G').find((c) => c.enterpriseId === 'v');
    expect(v?.terms.find((t) => t.key === 'PRODUCT_MATCH')).toMatchObject({ value: 0, points: 0 });
    expect(v?.terms.find((t) => t.key === 'WORKS_IN_SEGMENT')).toMatchObject({ value: null, points: null });
  });

  it('takes weights per request; a weight of 0 leaves a term out', () => {
    const onlyTagged = candidatesFor(g, 'G', {
      weights: { PRODUCT_MATCH: 0, PROXIMITY: 0, ADJACENCY: 0, SCALE: 0, DISTANCE: 0 },
    });
    expect(onlyTagged[0]?.enterpriseId).toBe('y');
    expect(onlyTagged[0]?.score).toBe(100);
  });

  it('breaks ties by what is known and by name, never by id', () => {
    const tie = chain({
      segments: ['G'],
      feeds: [],
      firms: [
        ['id-1', false, 'G'],
        ['id-2', false, 'G'],
      ],
    });
    const named = {
      ...tie,
      enterprises: tie.enterprises.map((e) => ({ ...e, name: e.id === 'id-1' ? '乙公司' : '甲公司' })),
    };
    // 甲 (jiǎ) before 乙 (yǐ) in Chinese order, though id-1 < id-2
    expect(candidatesFor(named, 'G').map((c) => c.enterpriseId)).toEqual(['id-2', 'id-1']);
  });

  it('counts the home province when the data set has one', () => {
    const home = withProducts(g, { G: ['电芯'] }, [['x', '电芯']], {
      x: { province: '湖北省' },
      y: { province: '广东省' },
    });
    const ranked = candidatesFor({ ...home, home: { name: '湖北省' } }, 'G');
    const distance = (id: string) =>
      ranked.find((c) => c.enterpriseId === id)?.terms.find((t) => t.key === 'DISTANCE')?.value;
    expect([distance('x'), distance('y'), distance('v')]).toEqual([1, 0, null]);
  });
});
