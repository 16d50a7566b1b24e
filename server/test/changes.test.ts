import { describe, expect, it } from 'vitest';
import { chainChanges } from '../src/analysis/changes';
import { gapReport } from '../src/analysis/gap-report';
import { chainSnapshot } from '../src/analysis/snapshot';
import type { ChainSubgraph } from '../src/domain/records';
import { chain } from './support/chain-fixture';

const snap = (g: ChainSubgraph, at: string) => chainSnapshot(g, gapReport(g), { at, cause: 'IMPORT', note: 'test' });

const feeds: [string, string][] = [
  ['A', 'B'],
  ['B', 'C'],
  ['C', 'D'],
];

describe('chain snapshots', () => {
  it('keep the figures a chain card shows, the members with their segments, and the links into them', () => {
    const g = chain({
      segments: ['A', 'B', 'C', 'D'],
      feeds,
      firms: [
        ['a1', true, 'A'],
        ['c1', true, 'C', 'D'],
        ['x1', false, 'B'],
      ],
      supplies: [
        ['a1', 'c1'],
        ['a1', 'c1', 5, 'q'],
        ['out', 'c1'],
      ],
    });
    const s = snap(g, '2026-11-01T00:00:00Z');
    expect(s.figures).toEqual({
      segments: 4,
      covered: 3,
      coverage: 0.75,
      fill: 1,
      extend: 0,
      strengthen: 3,
      localSourcing: 2 / 3,
      chokepoints: 1,
      members: 3,
      localMembers: 2,
      links: 2,
    });
    expect(s.segments.map((x) => [x.id, x.need])).toEqual([
      ['A', 'STRENGTHEN'],
      ['B', 'FILL'],
      ['C', 'STRENGTHEN'],
      ['D', 'STRENGTHEN'],
    ]);
    expect(s.members).toEqual([
      { id: 'a1', name: 'a1', local: true, segmentIds: ['A'] },
      { id: 'c1', name: 'c1', local: true, segmentIds: ['C', 'D'] },
      { id: 'x1', name: 'x1', local: false, segmentIds: ['B'] },
    ]);
    // two products from a1 to c1 are one link; a supplier outside the data is named by its id
    expect(s.links).toEqual([
      { from: 'a1', to: 'c1' },
      { from: 'out', to: 'c1' },
    ]);
    expect(s.suppliers).toEqual([{ id: 'out', name: 'out', local: false }]);
  });
});

describe('what changed between two snapshots', () => {
  const before = chain({
    segments: ['A', 'B', 'C', 'D'],
    feeds,
    firms: [
      ['a1', true, 'A'],
      ['c1', true, 'C'],
      ['gone', true, 'D'],
    ],
    supplies: [
      ['a1', 'c1'],
      ['gone', 'c1'],
    ],
  });
  const after = chain({
    segments: ['A', 'B', 'C', 'D'],
    feeds,
    firms: [
      ['a1', true, 'A'],
      ['c1', true, 'C'],
      ['b1', true, 'B'],
    ],
    supplies: [
      ['a1', 'c1'],
      ['b1', 'c1'],
    ],
  });

  it('names the gaps closed and opened, the firms that entered and left, the links won and lost', () => {
    const c = chainChanges(snap(before, '2026-11-01T00:00:00Z'), snap(after, '2026-12-01T00:00:00Z'));
    expect(c.gapsClosed).toEqual([{ segmentId: 'B', name: 'B', before: 'FILL', after: 'STRENGTHEN' }]);
    expect(c.gapsOpened).toEqual([{ segmentId: 'D', name: 'D', before: 'STRENGTHEN', after: 'EXTEND' }]);
    expect(c.entered).toEqual([{ firm: { id: 'b1', name: 'b1', local: true }, segmentIds: ['B'] }]);
    expect(c.left).toEqual([{ firm: { id: 'gone', name: 'gone', local: true }, segmentIds: ['D'] }]);
    expect(c.linksAdded).toEqual([
      { from: { id: 'b1', name: 'b1', local: true }, to: { id: 'c1', name: 'c1', local: true } },
    ]);
    expect(c.linksLost).toEqual([
      { from: { id: 'gone', name: 'gone', local: true }, to: { id: 'c1', name: 'c1', local: true } },
    ]);
    expect([c.before.figures.fill, c.after.figures.fill]).toEqual([1, 0]);
    expect([c.before.figures.extend, c.after.figures.extend]).toEqual([0, 1]);
    expect([c.before.takenAt, c.after.takenAt]).toEqual(['2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z']);
  });

  it('a segment new to the chain, or gone from it, is a change of need from or to nothing', () => {
    const grown = chain({
      segments: ['A', 'B', 'C', 'D', 'E'],
      feeds: [...feeds, ['D', 'E']],
      firms: [['a1', true, 'A']],
    });
    const small = chain({ segments: ['A', 'B', 'C', 'D'], feeds, firms: [['a1', true, 'A']] });
    const c = chainChanges(snap(small, 't0'), snap(grown, 't1'));
    expect(c.needs).toEqual([{ segmentId: 'E', name: 'E', before: null, after: 'EXTEND' }]);
    expect(c.gapsOpened.map((n) => n.segmentId)).toEqual(['E']);
    const back = chainChanges(snap(grown, 't1'), snap(small, 't2'));
    expect(back.gapsClosed).toEqual([{ segmentId: 'E', name: 'E', before: 'EXTEND', after: null }]);
  });

  it('nothing changed: every list is empty', () => {
    const c = chainChanges(snap(before, 't0'), snap(before, 't1'));
    expect([c.needs, c.entered, c.left, c.linksAdded, c.linksLost]).toEqual([[], [], [], [], []]);
  });
});
