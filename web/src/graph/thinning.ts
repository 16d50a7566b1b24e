import type { Core } from 'cytoscape';
import { hiddenLabels, type LabelBox, overlaps } from './declutter';
import { LABEL_HIDDEN, LABELLED } from './style';

/** The boxes (graph coordinates) of the node names drawn now: visible, with text, not hidden. */
export function drawnNameBoxes(cy: Core, withHidden = false): LabelBox[] {
  const boxes: LabelBox[] = [];
  for (const n of cy.nodes(`.${LABELLED}`).toArray()) {
    if (!n.visible() || String(n.style('label') ?? '') === '') continue;
    if (!withHidden && (n.hasClass(LABEL_HIDDEN) || Number(n.style('text-opacity')) === 0)) continue;
    const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    if (!(b.w > 0 && b.h > 0)) continue;
    // the selected firm, then the larger, then the more linked keep their names
    const priority = (n.selected() ? 1e9 : 0) + n.width() * 1000 + n.degree(false);
    boxes.push({ id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2, priority });
  }
  return boxes;
}

/** Hides the names that would be drawn over more important ones, and shows again those with room. */
export function thinLabels(cy: Core): void {
  const hide = hiddenLabels(drawnNameBoxes(cy, true));
  cy.batch(() => {
    for (const n of cy.nodes(`.${LABEL_HIDDEN}`).toArray()) if (!hide.has(n.id())) n.removeClass(LABEL_HIDDEN);
    for (const id of hide) cy.getElementById(id).addClass(LABEL_HIDDEN);
  });
}

/**
 * Thins the names out (see `thinLabels`) once a frame after any change that can make them
 * overlap: elements in or out, moved, renamed, selected, restyled.
 */
export function thinOnChange(cy: Core, frame = (run: () => void) => void requestAnimationFrame(run)) {
  const state = { due: false, applying: false };
  const schedule = () => {
    if (state.due || state.applying) return;
    state.due = true;
    frame(() => {
      state.due = false;
      if (cy.destroyed()) return;
      state.applying = true;
      try {
        thinLabels(cy);
      } finally {
        state.applying = false;
      }
    });
  };
  cy.on('add remove position data select unselect', schedule);
  cy.on('class', 'node', schedule);
}

/** Pairs of node names drawn over one another now (a test hook: none where the canvas declutters). */
export function overlappingLabels(cy: Core): [string, string][] {
  const boxes = drawnNameBoxes(cy);
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i] as LabelBox, boxes[j] as LabelBox];
      if (overlaps(a, b)) pairs.push([a.id, b.id]);
    }
  return pairs;
}

/** The smallest text drawn in view (or, with `everywhere`, anywhere), in screen pixels at `zoom`. */
export function smallestText(cy: Core, { everywhere = false, zoom = cy.zoom() } = {}): number | null {
  const seen = everywhere
    ? {
        x1: Number.NEGATIVE_INFINITY,
        y1: Number.NEGATIVE_INFINITY,
        x2: Number.POSITIVE_INFINITY,
        y2: Number.POSITIVE_INFINITY,
      }
    : cy.extent();
  let smallest: number | null = null;
  for (const el of cy.elements().toArray()) {
    if (!el.visible() || String(el.style('label') ?? '') === '' || Number(el.style('text-opacity')) === 0) continue;
    const b = el.boundingBox({ includeLabels: true });
    if (b.x2 < seen.x1 || b.x1 > seen.x2 || b.y2 < seen.y1 || b.y1 > seen.y2) continue;
    const px = Number.parseFloat(String(el.style('font-size'))) * zoom;
    if (smallest === null || px < smallest) smallest = px;
  }
  return smallest;
}
