import type { Core, NodeSingular } from 'cytoscape';
import {
  fittingLandmarks,
  LANDMARK_PX,
  LANDMARK_STYLE_PROPERTIES,
  LANDMARKS_UNTIL_ZOOM,
  type LandmarkCandidate,
  type LandmarkTest,
  landmarkStyle,
} from './landmarks';
import { FONT_FAMILY, LANDMARK } from './style';

/** Landmarks: the tests that rank them, those named now (in order of priority) and at what zoom, and whether a naming is due. */
export interface LandmarkState {
  ranks: readonly LandmarkTest[];
  named: string[];
  zoom: number;
  due: boolean;
}

let measuring: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** A landmark's name's width on the screen, as the canvas will draw it. */
export function landmarkWidth(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    measuring ??= document.createElement('canvas').getContext('2d');
    if (measuring) measuring.font = `bold ${LANDMARK_PX}px ${FONT_FAMILY}`;
    width = measuring?.measureText(text).width ?? text.length * LANDMARK_PX;
    widths.set(text, width);
  }
  return width;
}

/** The landmarks' names back to the stylesheet's. */
export function unname(cy: Core, ids: readonly string[]) {
  for (const id of ids) cy.getElementById(id).removeClass(LANDMARK).removeStyle(LANDMARK_STYLE_PROPERTIES);
}

/**
 * Names the landmarks that fit at the zoom of now, and unnames the others; none from
 * `LANDMARKS_UNTIL_ZOOM` on. One pass over the nodes; the few that pass a test are ranked by the
 * first test they pass, the most linked first. Runs on every change that can move a name: the
 * zoom, the firms there, their classes, data and positions, the selection.
 */
export function nameLandmarks(cy: Core, state: LandmarkState, width: (text: string) => number = landmarkWidth) {
  try {
    if (cy.destroyed()) return;
    const zoom = cy.zoom();
    let ids: string[] = [];
    if (zoom < LANDMARKS_UNTIL_ZOOM) {
      const ranked: { n: NodeSingular; rank: number; degree: number }[] = [];
      for (const n of cy.nodes().toArray()) {
        const rank = state.ranks.findIndex((passes) => passes(n));
        if (rank >= 0 && n.visible()) ranked.push({ n, rank, degree: n.degree(false) });
      }
      const candidates = ranked
        .sort((a, b) => a.rank - b.rank || b.degree - a.degree)
        .map(({ n }): LandmarkCandidate => {
          const { x, y } = n.position();
          const text = String(n.data(n.hasClass('folded') ? 'folded' : 'label'));
          return { id: n.id(), x, y, radius: n.height() / 2, text };
        });
      ids = fittingLandmarks(candidates, zoom, width);
    }
    const now = new Set(ids);
    const resized = zoom !== state.zoom;
    cy.batch(() => {
      unname(
        cy,
        state.named.filter((id) => !now.has(id)),
      );
      for (const id of ids) {
        const node = cy.getElementById(id);
        if (resized || !node.hasClass(LANDMARK)) node.addClass(LANDMARK).style(landmarkStyle(zoom));
      }
    });
    state.named = ids;
    state.zoom = zoom;
  } finally {
    // only now: the classes changed above do not make it due again
    state.due = false;
  }
}

/** Names the landmarks again before the next frame, once however often asked (see `nameLandmarks`). */
export function landmarksDue(cy: Core, state: LandmarkState) {
  if (state.ranks.length === 0 || state.due) return;
  state.due = true;
  queueMicrotask(() => nameLandmarks(cy, state));
}
