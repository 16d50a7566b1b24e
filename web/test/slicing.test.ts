import { describe, expect, it } from 'vitest';
import { addable, inSlices, SLICE } from '../src/graph/slicing';

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

describe('what a slice adds', () => {
  const node = (id: string) => ({ group: 'nodes' as const, data: { id } });
  const edge = (id: string, source: string, target: string) => ({
    group: 'edges' as const,
    data: { id, source, target },
  });

  it('adds an edge to a firm of its own slice, and none to a firm not there', () => {
    const there = new Set(['a']);
    const slice = [node('b'), node('a'), edge('a>b', 'a', 'b'), edge('a>c', 'a', 'c')];
    expect(addable(slice, (id) => there.has(id)).map((el) => el.data.id)).toEqual(['b', 'a>b']);
  });
});
