import { describe, expect, it } from 'vitest';
import { hiddenLabels, type LabelBox } from '../src/graph/declutter';

const box = (id: string, x: number, y: number, priority = 0, w = 60, h = 14): LabelBox => ({
  id,
  x1: x,
  y1: y,
  x2: x + w,
  y2: y + h,
  priority,
});

describe('hiddenLabels', () => {
  it('keeps labels that do not overlap, and hides the lower of two that do', () => {
    const hidden = hiddenLabels([box('a', 0, 0), box('b', 100, 0), box('c', 30, 5, 5)]);
    // c (priority 5) overlaps a: a gives way; b is clear of both
    expect([...hidden]).toEqual(['a']);
  });

  it('breaks ties by id, and lets labels that only touch both stay', () => {
    expect([...hiddenLabels([box('y', 0, 0), box('x', 10, 0)])]).toEqual(['y']);
    expect(hiddenLabels([box('a', 0, 0), box('b', 60, 0)]).size).toBe(0);
  });

  it('compares a label only with kept ones: a hidden label hides nothing', () => {
    // b overlaps a (kept) and c; c overlaps only b: with b hidden, c stays
    const hidden = hiddenLabels([box('a', 0, 0, 3), box('b', 50, 0, 2), box('c', 100, 0, 1)]);
    expect([...hidden]).toEqual(['b']);
  });

  it('finds overlaps across grid cells, for labels of any length', () => {
    const long = box('long', -500, 0, 9, 1000);
    const hidden = hiddenLabels([long, box('p', 300, 5), box('q', -200, -5), box('r', 0, 100)], { cell: 50 });
    expect([...hidden].sort()).toEqual(['p', 'q']);
  });
});
