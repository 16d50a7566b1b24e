import { describe, expect, it } from 'vitest';
import { inSlices, nextSlice, SLICE } from '../src/graph/slicing';

describe('adding in slices', () => {
  it('hands every item over once, in order, whatever the frames take', async () => {
    const items = Array.from({ length: 517 }, (_, i) => i);
    for (const frames of [[5], [40], [5, 40, 16, 3, 30]]) {
      const seen: number[] = [];
      const sizes: number[] = [];
      let f = 0;
      await inSlices(
        items,
        (slice) => {
          seen.push(...slice);
          sizes.push(slice.length);
          return true;
        },
        async () => frames[f++ % frames.length] as number,
      );
      expect(seen).toEqual(items);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(SLICE.most);
    }
  });

  it('grows slices when frames are quick, shrinks them (to no fewer than 10) when slow', () => {
    expect(nextSlice(10, 5)).toBe(15);
    expect(nextSlice(90, 5)).toBe(SLICE.most);
    expect(nextSlice(10, 20)).toBe(10);
    expect(nextSlice(40, 45)).toBe(20);
    expect(nextSlice(12, 45)).toBe(SLICE.least);
  });

  it('stops when the canvas has gone', async () => {
    let calls = 0;
    await inSlices(
      Array.from({ length: 100 }, (_, i) => i),
      () => ++calls < 3,
      async () => 16,
    );
    expect(calls).toBe(3);
  });
});
