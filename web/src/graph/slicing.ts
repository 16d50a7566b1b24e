/**
 * Elements added a frame (B9). On a software canvas (no GPU) a frame that draws ~500 elements
 * takes 20–40 ms however few of them are new, and 10 new ones keep it under the 50 ms of a long
 * task. Growing slices when frames looked quick was tried: frames can't be timed well from
 * script (the drawing and rasterising fall outside any callback), slices grew, and tasks of
 * 80 ms came back. 500 elements take 50 frames: under a second at 60 frames a second.
 */
export const SLICE = 10;

/**
 * Hands `items` to `add` in order, `SLICE` at a time, each after `frame` has resolved (the frame
 * that draws the slice before); stops early when `add` answers false (the canvas went away, or a
 * newer graph came). Every item is handed over exactly once.
 */
export async function inSlices<T>(
  items: readonly T[],
  add: (slice: readonly T[]) => boolean,
  frame: () => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += SLICE) {
    if (!add(items.slice(i, i + SLICE))) return;
    await frame();
  }
}

/**
 * Resolves in a task of its own after the next frame: work that follows (the next slice, or what
 * the page around the graph shows of the change) goes in after the frame that draws what came
 * before, not in the same long task.
 */
export const afterNextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
