import type { Core } from 'cytoscape';
import { inViewOf } from './labelling';
import { LABEL_HIDDEN, LABELLED } from './style';
import { overlappingLabels, smallestText } from './thinning';

/** The last sheet made (see CanvasHandle.sheet): its smallest text as printed, in points, and its scale. */
export type SheetMade = { smallestPt: number | null; scale: number } | null;

declare global {
  interface Window {
    /** Read-only hooks for end-to-end tests: which nodes are drawn, and where on the canvas. */
    chainAtlasGraph?: {
      nodeIds(): string[];
      renderedPosition(id: string): { x: number; y: number } | null;
      /** Where a node is in the graph's own coordinates (unchanged by pan and zoom). */
      position(id: string): { x: number; y: number } | null;
      data(id: string): Record<string, unknown> | null;
      visibleNodeCount(): number;
      edgeIds(selector?: string): string[];
      /** How many elements carry their text now (see Canvas's `labelsFrom`). */
      labelledCount(): number;
      /** How many nodes in view have no text yet. */
      unlabelledInView(): number;
      /** The nodes named at every zoom now (see Canvas's `landmarks`), in order of priority: their names, size and box on the screen. */
      landmarks(): {
        id: string;
        label: string;
        screenPx: number;
        box: { x1: number; y1: number; x2: number; y2: number };
      }[];
      zoom(): number;
      /**
       * The smallest size on the screen, in CSS pixels, of the text drawn in view (font size × zoom,
       * over the elements shown, in view, with text); null when no text is drawn there.
       */
      labelPx(): number | null;
      /** Pairs of firm names drawn over one another (none where the canvas declutters). */
      overlappingLabels(): [string, string][];
      /** The text a node shows now and its size on the screen; null when it shows none (or is hidden). */
      drawnLabel(id: string): { text: string; px: number } | null;
      /** The last sheet made (see CanvasHandle.sheet): its smallest text as printed, in points, and its scale. */
      lastSheet(): SheetMade;
    };
  }
}

/**
 * Puts the read-only hooks of the end-to-end tests and benchmarks on `window.chainAtlasGraph`,
 * reading this canvas. Returns how to take them off.
 */
export function installGraphHooks(cy: Core, state: { landmarks(): readonly string[]; lastSheet(): SheetMade }) {
  window.chainAtlasGraph = {
    nodeIds: () => cy.nodes().map((n) => n.id()),
    renderedPosition: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? { ...node.renderedPosition() } : null;
    },
    position: (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? { ...node.position() } : null;
    },
    data: (id) => {
      const el = cy.getElementById(id);
      return el.nonempty() ? (el.data() as Record<string, unknown>) : null;
    },
    visibleNodeCount: () => cy.nodes(':visible').length,
    edgeIds: (selector = 'edge') => cy.edges(selector).map((e) => e.id()),
    labelledCount: () => cy.elements(`.${LABELLED}`).length,
    unlabelledInView: () => cy.nodes().not(`.${LABELLED}`).toArray().filter(inViewOf(cy)).length,
    landmarks: () =>
      state.landmarks().map((id) => {
        const n = cy.getElementById(id);
        return {
          id,
          label: String(n.style('label')),
          screenPx: Number.parseFloat(n.style('font-size')) * cy.zoom(),
          box: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
        };
      }),
    zoom: () => cy.zoom(),
    labelPx: () => smallestText(cy),
    overlappingLabels: () => overlappingLabels(cy),
    lastSheet: () => state.lastSheet(),
    drawnLabel: (id) => {
      const n = cy.getElementById(id);
      const drawn = n.nonempty() && n.visible() && !n.hasClass(LABEL_HIDDEN) && Number(n.style('text-opacity')) > 0;
      const text = drawn ? String(n.style('label') ?? '') : '';
      return text ? { text, px: Number.parseFloat(String(n.style('font-size'))) * cy.zoom() } : null;
    },
  };
  return () => {
    delete window.chainAtlasGraph;
  };
}
