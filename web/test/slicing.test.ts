import { describe, expect, it } from 'vitest';
import { inSlices, SLICE } from '../src/graph/slicing';

describe('adding in slices', () => {
  it('hands every item over once, in order, a slice a frame', async () => {
    const items = Array.from({ length: 517 }, (_, i) => i);
    const seen: number[] = [];
    let frames = 0;
    await inSlices(
      items,
      (slice) => {
        expect(slice.length).toBeLessThanOrEqual(SLICE);
        seen.push(...slice);
        return true;
      },
      async () => {
        frames++;
      },
    );
    expect(seen).toEqual(items);
    expect(frames).toBe(Math.ceil(items.length / SLICE));
  });

  it('stops when the canvas has gone or a newer graph came', async () => {
    let calls = 0;
    await inSlices(
      Array.from({ length: 100 }, (_, i) => i),
      () => ++calls < 3,
      async () => {},
    );
    expect(calls).toBe(3);
  });
});
