import type { Core, Position, SingularElementArgument } from 'cytoscape';
import { afterNextFrame } from './slicing';
import { LABELLED } from './style';

/**
 * Elements labelled a frame once the view comes near. Each frame then draws the whole view again
 * (as long as a frame of zooming); a few more labels add little to it, many more make long
 * frames.
 */
export const LABEL_SLICE = 25;

/**
 * The zoom as Cytoscape weighs text against `min-zoomed-font-size`: times the screen's pixel ratio
 * (on a HiDPI screen, text is readable from farther).
 */
export const textZoom = (zoom: number, pixelRatio = globalThis.devicePixelRatio || 1) => zoom * pixelRatio;

/** Labelling: from what zoom (none: always), the graph it is for, and the graph a run is for. */
export interface LabelState {
  from: number | undefined;
  job: number;
  running: number;
}

/** Whether text can show at this zoom: elements added now are labelled as they come. */
export const nearAt = (labels: LabelState, zoom: number, pixelRatio?: number) =>
  labels.from === undefined || textZoom(zoom, pixelRatio) >= labels.from;

/** Whether an element is in the view as it is now: a node inside it, an edge with an end inside it. */
export function inViewOf(cy: Core): (el: SingularElementArgument) => boolean {
  const seen = cy.extent();
  const inside = (p: Position) => p.x >= seen.x1 && p.x <= seen.x2 && p.y >= seen.y1 && p.y <= seen.y2;
  return (el) =>
    el.isEdge() ? inside(el.source().position()) || inside(el.target().position()) : inside(el.position());
}

/**
 * Labels what is in view and has no text yet, a slice a frame, for as long as the view stays near
 * enough; what is out of view waits until it comes in. One run at a time for a graph; a newer
 * graph stops it.
 */
export async function labelInView(
  cy: Core,
  labels: LabelState,
  frame: () => Promise<void> = afterNextFrame,
  inView: (cy: Core) => (el: SingularElementArgument) => boolean = inViewOf,
) {
  const job = labels.job;
  if (labels.running === job) return;
  labels.running = job;
  try {
    while (!cy.destroyed() && labels.job === job && nearAt(labels, cy.zoom())) {
      const seen = inView(cy);
      const slice: SingularElementArgument[] = [];
      for (const el of cy.elements().not(`.${LABELLED}`).toArray()) {
        if (slice.length === LABEL_SLICE) break;
        if (seen(el)) slice.push(el);
      }
      if (slice.length === 0) return;
      cy.batch(() => {
        for (const el of slice) el.addClass(LABELLED);
      });
      await frame();
    }
  } finally {
    if (labels.running === job) labels.running = -1;
  }
}
