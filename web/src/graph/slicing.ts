/**
 * Slices of an addition (B9). On a software canvas (no GPU) a frame that draws ~500 elements
 * takes 20–30 ms however few of them are new, and 10 new ones a frame keep it under the 50 ms of
 * a long task; smaller slices only add frames. Where frames come quicker (a GPU draws) slices
 * grow, up to `most`, and shrink back when frames slow down.
 */
export const SLICE = { least: 10, most: 100, quickMs: 12, slowMs: 24 } as const;

/** The size of the next slice, after a frame that took `frameMs`. */
export function nextSlice(size: number, frameMs: number): number {
  if (frameMs < SLICE.quickMs) return Math.min(SLICE.most, Math.ceil(size * 1.5));
  if (frameMs > SLICE.slowMs) return Math.max(SLICE.least, Math.floor(size / 2));
  return size;
}

/**
 * Hands `items` to `add` in order, a slice at a time, each after `frame` has resolved with how
 * long the frame after the slice before took; stops early when `add` answers false (the canvas
 * went away). Every item is handed over exactly once.
 */
export async function inSlices<T>(
  items: readonly T[],
  add: (slice: readonly T[]) => boolean,
  frame: () => Promise<number>,
): Promise<void> {
  let size: number = SLICE.least;
  for (let i = 0; i < items.length; ) {
    const slice = items.slice(i, i + size);
    i += slice.length;
    if (!add(slice)) return;
    size = nextSlice(size, await frame());
  }
}
