import type { ElementDefinition } from 'cytoscape';

/**
 * Elements added a frame. On a software canvas (no GPU) each new element adds to the frame that
 * draws it (its style, bounds, geometry, and a new order of all to draw), and V8 optimising the
 * newly hot code on background threads takes the CPU from the page now and then: small slices
 * keep every frame short, at the cost of a longer whole. Growing slices when frames look quick
 * does not work: frames can't be timed well from script (the drawing and rasterising fall outside
 * any callback).
 */
export const SLICE = 7;

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

/**
 * The definitions of a slice that can go in: those whose id is not there yet, and edges whose two
 * ends are there or come in the same slice (an edge to a firm of its own slice is drawn with it).
 */
export function addable(slice: readonly ElementDefinition[], present: (id: string) => boolean): ElementDefinition[] {
  const coming = new Set(slice.flatMap((el) => (el.group !== 'edges' && el.data.id ? [el.data.id] : [])));
  const there = (id: string) => present(id) || coming.has(id);
  return slice.filter(
    (el) =>
      !(el.data.id && present(el.data.id)) &&
      (el.group !== 'edges' || (there(el.data.source) && there(el.data.target))),
  );
}
