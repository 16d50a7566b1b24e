import type { ElementDefinition } from 'cytoscape';

/** A box in the graph's own coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The view's size on the screen and the zoom limits it keeps to. */
export interface ViewSize {
  width: number;
  height: number;
  minZoom: number;
  maxZoom: number;
}

/** The box, in the graph's own coordinates, around the positioned nodes among `elements`; null if none. */
export function boxOf(elements: readonly ElementDefinition[]): Box | null {
  const box = { x1: Number.POSITIVE_INFINITY, y1: Number.POSITIVE_INFINITY, x2: -Infinity, y2: -Infinity };
  for (const e of elements) {
    const p = e.position;
    if (!p) continue;
    // a node's own extent (width, height in its data for boxes; ~40 model px otherwise)
    const w = Number(e.data.width ?? 40) / 2;
    const h = Number(e.data.height ?? 40) / 2 + 12; // and its label below
    box.x1 = Math.min(box.x1, p.x - w);
    box.y1 = Math.min(box.y1, p.y - h);
    box.x2 = Math.max(box.x2, p.x + w);
    box.y2 = Math.max(box.y2, p.y + h);
  }
  return Number.isFinite(box.x1) ? box : null;
}

/** The viewport that shows `box` with a margin, zoomed in at most to `maxZoom`. */
export function viewportFor(view: ViewSize, box: Box, maxZoom: number, padding = 40) {
  // within Cytoscape's zoom limits: it ignores a viewport whose zoom is outside them
  const zoom = Math.max(
    view.minZoom,
    Math.min(
      maxZoom,
      view.maxZoom,
      (view.width - 2 * padding) / Math.max(1, box.x2 - box.x1),
      (view.height - 2 * padding) / Math.max(1, box.y2 - box.y1),
    ),
  );
  return {
    zoom,
    pan: { x: view.width / 2 - (zoom * (box.x1 + box.x2)) / 2, y: view.height / 2 - (zoom * (box.y1 + box.y2)) / 2 },
  };
}

/** Whether `inner` lies wholly inside `outer`. */
export const inside = (inner: Box, outer: Box) =>
  inner.x1 >= outer.x1 && inner.y1 >= outer.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2;

/** The smallest box holding both. */
export const union = (a: Box, b: Box): Box => ({
  x1: Math.min(a.x1, b.x1),
  y1: Math.min(a.y1, b.y1),
  x2: Math.max(a.x2, b.x2),
  y2: Math.max(a.y2, b.y2),
});
