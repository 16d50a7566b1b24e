import type { Core } from 'cytoscape';

/** What is drawn: the nodes and edges shown (a node hidden hides its edges). */
export function drawnCounts(cy: Core): { nodes: number; edges: number } {
  return { nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length };
}

/** The counts last reported, and whether a count is due (once a frame at most). */
export interface CountState {
  reported: string;
  due: boolean;
}

/**
 * Keeps the counts on the container and reports those drawn: after a change of the elements
 * there, always (what the view lists of them may have changed with them); after a change of what
 * is shown, when the counts changed.
 */
export function reportCounts(
  cy: Core | null,
  container: HTMLElement | null,
  state: CountState,
  onChange: ((stats: { nodes: number; edges: number }) => void) | undefined,
  always = false,
) {
  state.due = false;
  if (!cy || cy.destroyed() || !container) return;
  container.dataset.nodeCount = String(cy.nodes().length);
  container.dataset.edgeCount = String(cy.edges().length);
  const drawn = drawnCounts(cy);
  container.dataset.drawnNodes = String(drawn.nodes);
  container.dataset.drawnEdges = String(drawn.edges);
  const key = `${drawn.nodes}|${drawn.edges}`;
  if (key === state.reported && !always) return;
  state.reported = key;
  onChange?.(drawn);
}

/** The zoom classes, and those the elements have now (joined). */
export interface DetailState {
  levels: readonly { className: string; from: number }[];
  on: string;
}

/** The zoom classes of this zoom. */
export const detailAt = (state: DetailState, zoom: number) =>
  state.levels.filter((l) => zoom >= l.from - 1e-9).map((l) => l.className);

/** Gives every element the zoom classes of the zoom of now, and takes the others off; nothing when they are the same. */
export function applyDetail(cy: Core, state: DetailState, zoom = cy.zoom()) {
  if (state.levels.length === 0) return;
  const shown = detailAt(state, zoom);
  const key = shown.join(' ');
  if (key === state.on) return;
  state.on = key;
  cy.batch(() => {
    const all = cy.elements();
    for (const l of state.levels) {
      if (shown.includes(l.className)) all.addClass(l.className);
      else all.removeClass(l.className);
    }
  });
}
