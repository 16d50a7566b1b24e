import cytoscape, {
  type Core,
  type ElementDefinition,
  type NodeSingular,
  type Position,
  type SingularElementArgument,
  type StylesheetJson,
} from 'cytoscape';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { withClass } from './classes';
import { hiddenLabels, type LabelBox, overlaps } from './declutter';
import {
  fittingLandmarks,
  LANDMARK_PX,
  LANDMARK_STYLE_PROPERTIES,
  LANDMARKS_UNTIL_ZOOM,
  type LandmarkCandidate,
  landmarkStyle,
} from './landmarks';
import { markParallelAt, withParallelMarked } from './parallel';
import { drawSheet, printedPt, SHEET_MAP_AREA, type Sheet, screenZoomOfSheet, sheetFile } from './sheet';
import { addable, afterNextFrame, inSlices } from './slicing';
import { FONT_FAMILY, LABEL_HIDDEN, LABELLED, LANDMARK } from './style';

/**
 * The one owner of a Cytoscape instance, for every view: created on mount, destroyed on
 * unmount; elements go in and out inside cy.batch(); nothing is laid out unless a view says so
 * (views compute positions, see graph/layouts/). The graph never lives in React state.
 */
export interface CanvasHandle {
  /** Shows these elements instead of the current ones; positions are the elements' own. */
  replace(elements: readonly ElementDefinition[], options?: { fit?: boolean; maxZoom?: number }): void;
  /** Adds elements whose ids are new; updates the data and position of those already there. */
  upsert(elements: readonly ElementDefinition[]): void;
  /**
   * Adds new elements a slice at a time, each slice drawn before the next: the page keeps
   * answering. Stops when `alive` turns false (a newer graph).
   */
  addInSlices(elements: readonly ElementDefinition[], alive?: () => boolean): Promise<void>;
  remove(ids: readonly string[]): void;
  /** Moves nodes to new positions (animated when asked); resolves when they are there. */
  place(positions: ReadonlyMap<string, Position>, options?: { animate?: boolean }): Promise<void>;
  positions(): Map<string, Position>;
  nodeIds(): string[];
  setClass(ids: readonly string[], className: string, on: boolean): void;
  select(id: string | null): void;
  fit(ids?: readonly string[], padding?: number): void;
  /**
   * Zooms out (never in), if it must, until the view holds these positioned elements as well as
   * what it shows now; resolves when it does.
   */
  widenTo(elements: readonly ElementDefinition[]): Promise<void>;
  /** The whole graph as a PNG, twice the screen's resolution, on white (every label in it). */
  png(): Blob;
  /**
   * The whole graph on an A4 landscape sheet for a meeting, with its title, date, source, legend
   * and mark (see graph/sheet.ts), as PNG or PDF. What is drawn is what is readable at the sheet's
   * size (the zoom classes of the zoom that shows text as large as the sheet prints it). With
   * `elements`, those are drawn (e.g. laid out for the sheet's shape) instead of the view's.
   */
  sheet(sheet: Sheet, format: 'png' | 'pdf', elements?: readonly ElementDefinition[]): Promise<Blob>;
  /** For views that need more (events on elements of their own). */
  cy(): Core | null;
}

interface CanvasProps {
  ref?: Ref<CanvasHandle>;
  stylesheet: StylesheetJson;
  onNodeTap?(id: string): void;
  onNodeDoubleTap?(id: string): void;
  onBackgroundTap?(): void;
  /**
   * Reports the counts of what is drawn (not what a filter or a folded system hides) after every
   * change of the elements there, and after a change of what is shown that changes them. The container's data attributes keep them (`data-drawn-nodes`,
   * `data-drawn-edges`) and the counts of every element there (`data-node-count`, `data-edge-count`).
   */
  onChange?(stats: { nodes: number; edges: number }): void;
  label: string;
  testId?: string;
  /**
   * The zoom (times the screen's pixel ratio) from which elements get the class `LABELLED`, which
   * the stylesheet's text hangs on: a graph seen from farther goes without text; once the view is
   * near enough, what is in view is labelled a slice a frame, and the rest when it comes into
   * view. Without it, every element is labelled as it comes. Read when the canvas is created.
   */
  labelsFrom?: number;
  /**
   * Which nodes are named at every zoom (see graph/landmarks.ts), as tests in order of priority:
   * while the view is zoomed out, as many of those that pass one as fit get the class `LANDMARK`
   * and a name of one size on the screen. Among the nodes that pass the same test first, the most
   * linked come first. Read when the canvas is created.
   */
  landmarks?: readonly ((node: NodeSingular) => boolean)[];
  /**
   * Whether a picture of the firms, without the links, moves in place of the view while the user
   * pans or zooms it (Cytoscape's `textureOnViewport` and `hideEdgesOnViewport`); the view is drawn
   * again when the gesture ends, and what lay outside the picture shows grey until then. For views
   * large enough that drawing every frame anew would stutter: a frame takes ~100 ms for 2,000
   * elements here, 30–80 ms for 400. A picture with the links took 250–370 ms to take, so long
   * that Cytoscape took the wheel to have stopped and took it again. Zooming 2,000 elements in
   * from far to 0.8 (2–6 runs each): drawn anew, 71–72 tasks over 50 ms (9.4 s of them); links
   * hidden only, 15–26 (1.1–1.9 s); a picture with the links, 8–69 (0.6–12.5 s); a picture
   * without them, 5–15 (0.4–1 s). Read when the canvas is created.
   */
  pictureWhileMoving?: boolean;
  /**
   * Classes that every element has while the zoom is `from` or more (the screen's pixels per graph
   * pixel, whatever the screen's pixel ratio): the stylesheet hangs on them what is drawn only from
   * near, e.g. text only where it is large enough to read. Read when the canvas is created.
   */
  zoomClasses?: readonly { className: string; from: number }[];
  /**
   * Whether firm names that would be drawn over one another are thinned out: the more important
   * firm (selected, larger, more linked) keeps its name and the other's is hidden (class
   * `LABEL_HIDDEN`) until it has room, after the layout or the firms change. Names scale with the
   * zoom, so the choice holds at every zoom. Read when the canvas is created.
   */
  declutter?: boolean;
}

/**
 * Elements labelled a frame once the view comes near. Each frame then draws the whole view again
 * (40–55 ms for 2,000 elements here, like a frame of zooming); 25 more labels add little to it,
 * 100 made frames of 100–160 ms, and 2,000 at once one of 900 ms.
 */
const LABEL_SLICE = 25;

declare global {
  interface Window {
    /** For benchmarks and tests: expand an enterprise of the explorer by its key, as its Expand button does. */
    chainAtlasExplorer?: { expand(key: string): Promise<void> };
    /** Read-only hooks for end-to-end tests: which nodes are drawn, and where on the canvas. */
    chainAtlasGraph?: {
      nodeIds(): string[];
      renderedPosition(id: string): { x: number; y: number } | null;
      /** Where a node is in the graph's own coordinates (unchanged by pan and zoom). */
      position(id: string): { x: number; y: number } | null;
      data(id: string): Record<string, unknown> | null;
      visibleNodeCount(): number;
      edgeIds(selector?: string): string[];
      /** How many elements carry their text now (see `labelsFrom`). */
      labelledCount(): number;
      /** How many nodes in view have no text yet. */
      unlabelledInView(): number;
      /** The nodes named at every zoom now (see `landmarks`), in order of priority: their names, size and box on the screen. */
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
      lastSheet(): { smallestPt: number | null; scale: number } | null;
    };
  }
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box, in the graph's own coordinates, around the positioned nodes among `elements`; null if none. */
function boxOf(elements: readonly ElementDefinition[]): Box | null {
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
function viewportFor(cy: Core, box: Box, maxZoom: number, padding = 40) {
  // within Cytoscape's zoom limits: it ignores a viewport whose zoom is outside them
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(
      maxZoom,
      cy.maxZoom(),
      (cy.width() - 2 * padding) / Math.max(1, box.x2 - box.x1),
      (cy.height() - 2 * padding) / Math.max(1, box.y2 - box.y1),
    ),
  );
  return {
    zoom,
    pan: { x: cy.width() / 2 - (zoom * (box.x1 + box.x2)) / 2, y: cy.height() / 2 - (zoom * (box.y1 + box.y2)) / 2 },
  };
}

/**
 * The zoom as Cytoscape weighs text against `min-zoomed-font-size`: times the screen's pixel ratio
 * (on a HiDPI screen, text is readable from farther).
 */
const textZoom = (zoom: number) => zoom * (window.devicePixelRatio || 1);

/** Labelling: from what zoom (none: always), the graph it is for, and the graph a run is for. */
interface LabelState {
  from: number | undefined;
  job: number;
  running: number;
}

/** Whether text can show at this zoom: elements added now are labelled as they come. */
const nearAt = (labels: LabelState, zoom: number) => labels.from === undefined || textZoom(zoom) >= labels.from;

/** Whether an element is in the view as it is now: a node inside it, an edge with an end inside it. */
function inViewOf(cy: Core): (el: SingularElementArgument) => boolean {
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
async function labelInView(cy: Core, labels: LabelState) {
  const job = labels.job;
  if (labels.running === job) return;
  labels.running = job;
  try {
    while (!cy.destroyed() && labels.job === job && nearAt(labels, cy.zoom())) {
      const inView = inViewOf(cy);
      const slice: SingularElementArgument[] = [];
      for (const el of cy.elements().not(`.${LABELLED}`).toArray()) {
        if (slice.length === LABEL_SLICE) break;
        if (inView(el)) slice.push(el);
      }
      if (slice.length === 0) return;
      cy.batch(() => {
        for (const el of slice) el.addClass(LABELLED);
      });
      await afterNextFrame();
    }
  } finally {
    if (labels.running === job) labels.running = -1;
  }
}

/** Landmarks: the tests that rank them, those named now (in order of priority) and at what zoom, and whether a naming is due. */
interface LandmarkState {
  ranks: readonly ((node: NodeSingular) => boolean)[];
  named: string[];
  zoom: number;
  due: boolean;
}

let measuring: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** A landmark's name's width on the screen, as the canvas will draw it. */
function landmarkWidth(text: string): number {
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
function unname(cy: Core, ids: readonly string[]) {
  for (const id of ids) cy.getElementById(id).removeClass(LANDMARK).removeStyle(LANDMARK_STYLE_PROPERTIES);
}

/**
 * Names the landmarks that fit at the zoom of now, and unnames the others; none from
 * `LANDMARKS_UNTIL_ZOOM` on. One pass over the nodes; the few that pass a test are ranked by the
 * first test they pass, the most linked first. About 2 ms for B9's 976 firms, on every change that
 * can move a name: the zoom, the firms there, their classes, data and positions, the selection.
 */
function nameLandmarks(cy: Core, state: LandmarkState) {
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
      ids = fittingLandmarks(candidates, zoom, landmarkWidth);
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

/** What is drawn: the nodes and edges shown (a node hidden hides its edges). */
function drawnCounts(cy: Core): { nodes: number; edges: number } {
  return { nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length };
}

/** The counts last reported, and whether a count is due (once a frame at most). */
interface CountState {
  reported: string;
  due: boolean;
}

/**
 * Keeps the counts on the container and reports those drawn: after a change of the elements
 * there, always (what the view lists of them may have changed with them); after a change of what
 * is shown, when the counts changed.
 */
function reportCounts(
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

/** Names the landmarks again before the next frame, once however often asked (see `nameLandmarks`). */
function landmarksDue(cy: Core, state: LandmarkState) {
  if (state.ranks.length === 0 || state.due) return;
  state.due = true;
  queueMicrotask(() => nameLandmarks(cy, state));
}

/** The zoom classes, and those the elements have now (joined). */
interface DetailState {
  levels: readonly { className: string; from: number }[];
  on: string;
}

const detailAt = (state: DetailState, zoom: number) =>
  state.levels.filter((l) => zoom >= l.from - 1e-9).map((l) => l.className);

/** Gives every element the zoom classes of the zoom of now, and takes the others off; nothing when they are the same. */
function applyDetail(cy: Core, state: DetailState, zoom = cy.zoom()) {
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

/** The boxes (graph coordinates) of the node names drawn now: visible, with text, not hidden. */
function drawnNameBoxes(cy: Core, withHidden = false): LabelBox[] {
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
function thinLabels(cy: Core): void {
  const hide = hiddenLabels(drawnNameBoxes(cy, true));
  cy.batch(() => {
    for (const n of cy.nodes(`.${LABEL_HIDDEN}`).toArray()) if (!hide.has(n.id())) n.removeClass(LABEL_HIDDEN);
    for (const id of hide) cy.getElementById(id).addClass(LABEL_HIDDEN);
  });
}

/** Pairs of node names drawn over one another now (a test hook: none where `declutter` is on). */
function overlappingLabels(cy: Core): [string, string][] {
  const boxes = drawnNameBoxes(cy);
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i] as LabelBox, boxes[j] as LabelBox];
      if (overlaps(a, b)) pairs.push([a.id, b.id]);
    }
  return pairs;
}

/** The smallest text drawn in view (or, with `everywhere`, anywhere), in screen pixels at `zoom` (see `labelPx`). */
function smallestText(cy: Core, { everywhere = false, zoom = cy.zoom() } = {}): number | null {
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

export function Canvas({
  ref,
  stylesheet,
  onNodeTap,
  onNodeDoubleTap,
  onBackgroundTap,
  onChange,
  label,
  testId,
  labelsFrom,
  landmarks,
  pictureWhileMoving = false,
  zoomClasses,
  declutter = false,
}: CanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  /** `job` counts the graphs drawn: a labelling run for an older one stops. */
  const labels = useRef<LabelState>({ from: labelsFrom, job: 0, running: -1 });
  const landmarkState = useRef<LandmarkState>({ ranks: landmarks ?? [], named: [], zoom: 0, due: false });
  const callbacks = useRef({ onNodeTap, onNodeDoubleTap, onBackgroundTap, onChange });
  callbacks.current = { onNodeTap, onNodeDoubleTap, onBackgroundTap, onChange };
  const counts = useRef<CountState>({ reported: '', due: false });
  const detail = useRef<DetailState>({ levels: zoomClasses ?? [], on: '' });
  const lastSheet = useRef<{ smallestPt: number | null; scale: number } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; the stylesheet is applied below
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: stylesheet,
      boxSelectionEnabled: false,
      selectionType: 'single',
      minZoom: 0.05,
      maxZoom: 3,
      textureOnViewport: pictureWhileMoving,
      hideEdgesOnViewport: pictureWhileMoving,
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (e) => callbacks.current.onNodeTap?.(e.target.id()));
    cy.on('dbltap', 'node', (e) => callbacks.current.onNodeDoubleTap?.(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) callbacks.current.onBackgroundTap?.();
    });
    cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    cy.on('viewport', () => {
      if (labels.current.from !== undefined && nearAt(labels.current, cy.zoom())) void labelInView(cy, labels.current);
      if (cy.zoom() !== landmarkState.current.zoom) landmarksDue(cy, landmarkState.current);
      applyDetail(cy, detail.current);
    });
    // what is named depends on which firms are there, shown (classes), where, named how, and selected
    landmarkState.current = { ...landmarkState.current, named: [], zoom: 0, due: false };
    cy.on('add remove', () => landmarksDue(cy, landmarkState.current));
    cy.on('class data select unselect free', 'node', () => landmarksDue(cy, landmarkState.current));
    // what is drawn changes with what a view adds, removes, hides (filters, folds) and shows again
    counts.current = { reported: '', due: false };
    cy.on('add remove class', () => {
      if (counts.current.due) return;
      counts.current.due = true;
      requestAnimationFrame(() =>
        reportCounts(cyRef.current, containerRef.current, counts.current, callbacks.current.onChange),
      );
    });
    if (declutter) {
      const state = { due: false, applying: false };
      const schedule = () => {
        if (state.due || state.applying) return;
        state.due = true;
        requestAnimationFrame(() => {
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
        landmarkState.current.named.map((id) => {
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
      lastSheet: () => lastSheet.current,
      drawnLabel: (id) => {
        const n = cy.getElementById(id);
        const drawn = n.nonempty() && n.visible() && !n.hasClass(LABEL_HIDDEN) && Number(n.style('text-opacity')) > 0;
        const text = drawn ? String(n.style('label') ?? '') : '';
        return text ? { text, px: Number.parseFloat(String(n.style('font-size'))) * cy.zoom() } : null;
      },
    };
    return () => {
      delete window.chainAtlasGraph;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  const stylesheetRef = useRef(stylesheet);
  useEffect(() => {
    stylesheetRef.current = stylesheet;
    cyRef.current?.style(stylesheet);
  }, [stylesheet]);

  useImperativeHandle(ref, () => {
    const changed = () =>
      reportCounts(cyRef.current, containerRef.current, counts.current, callbacks.current.onChange, true);
    const cy = () => cyRef.current;
    /** Element definitions as they go in at this zoom: with their text if it is near enough for text. */
    const textAt = (zoom: number) => {
      const near = nearAt(labels.current, zoom);
      const shown = detailAt(detail.current, zoom);
      return (el: ElementDefinition) => {
        const labelled = near ? withClass(el, LABELLED) : el;
        return shown.length > 0 ? withClass(labelled, shown.join(' ')) : labelled;
      };
    };
    return {
      replace(elements, { fit = true, maxZoom = 1.25 } = {}) {
        const c = cy();
        if (!c) return;
        // an animation still running (an expansion widening the view) is told to end: it takes its
        // last step on the next frame, after which the new graph's view is set again (below)
        const animating = c.animated();
        c.stop(true, true);
        // fit by the positions given: asking Cytoscape to fit would make it work out every
        // element's rendered style (labels and all) before the first frame, for nothing (B9)
        const box = fit ? boxOf(elements) : null;
        const viewport = box ? viewportFor(c, box, maxZoom) : null;
        // the new graph is labelled from the start if it is seen from near enough; a labelling
        // of the graph before stops
        labels.current.job++;
        const withText = textAt(viewport?.zoom ?? c.zoom());
        c.batch(() => {
          c.elements().remove();
          c.add(withParallelMarked(elements).map(withText));
        });
        if (viewport) {
          c.viewport(viewport);
          const job = labels.current.job;
          if (animating)
            requestAnimationFrame(() => {
              if (!c.destroyed() && labels.current.job === job) c.viewport(viewport);
            });
        }
        changed();
      },
      upsert(elements) {
        const c = cy();
        if (!c) return;
        const withText = textAt(c.zoom());
        c.batch(() => {
          let touched = c.collection();
          for (const el of elements) {
            const id = el.data.id;
            const there = id ? c.getElementById(id) : undefined;
            if (there?.nonempty()) {
              there.data(el.data);
              if (el.position) there.position(el.position);
              // classes given replace the element's own (keeping its text); none given, it keeps them
              const { classes } = withText(el);
              if (el.classes !== undefined && classes !== undefined) there.classes(classes);
              touched = touched.union(there);
            } else touched = touched.union(c.add(withText(el)));
          }
          markParallelAt(touched.edges());
        });
        // moved firms move their names
        landmarksDue(c, landmarkState.current);
        changed();
      },
      async addInSlices(given, alive = () => true) {
        // nodes first: an edge goes in with the slice that holds its second end
        const elements = [...given.filter((el) => el.group !== 'edges'), ...given.filter((el) => el.group === 'edges')];
        await inSlices(
          elements,
          (slice) => {
            const c = cy();
            if (!c || !alive()) return false;
            c.batch(() => {
              const added = c.add(addable(slice, (id) => c.getElementById(id).nonempty()).map(textAt(c.zoom())));
              markParallelAt(added.edges());
            });
            return true;
          },
          afterNextFrame,
        );
        changed();
      },
      remove(ids) {
        const c = cy();
        if (!c) return;
        c.batch(() => {
          for (const id of ids) c.getElementById(id).remove();
        });
        changed();
      },
      async place(positions, { animate = false } = {}) {
        const c = cy();
        if (!c) return;
        // a newer placement wins over one still moving the nodes
        c.nodes().stop(true, false);
        if (!animate) {
          c.batch(() => {
            for (const [id, p] of positions) c.getElementById(id).position(p);
          });
          landmarksDue(c, landmarkState.current);
          return;
        }
        const moves = [...positions].flatMap(([id, p]) => {
          const node = c.getElementById(id);
          return node.nonempty()
            ? [
                node
                  .animation({ position: p, duration: 350 } as Parameters<typeof node.animation>[0])
                  .play()
                  .promise(),
              ]
            : [];
        });
        await Promise.all(moves);
        landmarksDue(c, landmarkState.current);
      },
      positions: () =>
        new Map(
          cy()
            ?.nodes()
            .map((n) => [n.id(), { ...n.position() }]) ?? [],
        ),
      nodeIds: () =>
        cy()
          ?.nodes()
          .map((n) => n.id()) ?? [],
      setClass(ids, className, on) {
        const c = cy();
        if (!c) return;
        c.batch(() => {
          for (const id of ids) {
            if (on) c.getElementById(id).addClass(className);
            else c.getElementById(id).removeClass(className);
          }
        });
      },
      select(id) {
        const c = cy();
        if (!c) return;
        c.elements(':selected').unselect();
        if (id) c.getElementById(id).select();
      },
      async widenTo(elements) {
        const c = cy();
        const box = boxOf(elements);
        if (!c || !box) return;
        const seen = c.extent();
        if (box.x1 >= seen.x1 && box.y1 >= seen.y1 && box.x2 <= seen.x2 && box.y2 <= seen.y2) return;
        const both = {
          x1: Math.min(box.x1, seen.x1),
          y1: Math.min(box.y1, seen.y1),
          x2: Math.max(box.x2, seen.x2),
          y2: Math.max(box.y2, seen.y2),
        };
        await c
          .animation({ ...viewportFor(c, both, c.zoom()), duration: 250 })
          .play()
          .promise();
      },
      fit(ids, padding = 40) {
        const c = cy();
        if (!c) return;
        const eles = ids ? ids.reduce((all, id) => all.union(c.getElementById(id)), c.collection()) : c.elements();
        // by the firms and links, not their names: a landmark's name is large in the graph's own
        // pixels when the view is far, and would make the fit zoom out further than it need
        if (eles.empty()) return;
        const box = eles.boundingBox({ includeLabels: false });
        c.animate(viewportFor(c, box, c.maxZoom(), padding), { duration: 300 });
      },
      png() {
        const c = cy();
        if (!c) return new Blob();
        // the picture is drawn from near: every element needs its text, now, and landmarks their
        // usual one (a size on the screen means nothing in a picture)
        c.batch(() => {
          c.elements().not(`.${LABELLED}`).addClass(LABELLED);
          unname(c, landmarkState.current.named);
        });
        const png = c.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
        landmarksDue(c, landmarkState.current);
        return png;
      },
      async sheet(info, format, elements) {
        const shown = cy();
        if (!shown) return new Blob();
        // elements of their own (laid out for the sheet) are drawn on a canvas of their own, out of sight
        const aside = elements ? document.createElement('div') : null;
        let c = shown;
        if (aside && elements) {
          aside.style.cssText = 'position:fixed;left:-12000px;top:0;width:1200px;height:800px;visibility:hidden';
          document.body.append(aside);
          c = cytoscape({ container: aside, style: stylesheetRef.current, headless: false });
          c.add(withParallelMarked(elements));
        }
        const state = aside ? { levels: detail.current.levels, on: '' } : detail.current;
        try {
          const area = SHEET_MAP_AREA;
          // by the elements, not their text (what text shows depends on the scale)
          const box = c.elements(':visible').boundingBox({ includeLabels: false });
          const scale = Math.min(
            3,
            (0.98 * area.width) / Math.max(1, box.w),
            (0.98 * area.height) / Math.max(1, box.h),
          );
          c.batch(() => {
            c.elements().not(`.${LABELLED}`).addClass(LABELLED);
            if (!aside) unname(c, landmarkState.current.named);
          });
          applyDetail(c, state, screenZoomOfSheet(scale));
          const smallest = smallestText(c, { everywhere: true, zoom: 1 });
          lastSheet.current = { smallestPt: smallest === null ? null : printedPt(smallest, scale), scale };
          const png = c.png({ output: 'blob', full: true, scale, bg: '#ffffff' }) as unknown as Blob;
          const picture = await createImageBitmap(png);
          return await sheetFile(drawSheet(picture, info), format, info.title);
        } finally {
          if (aside) {
            c.destroy();
            aside.remove();
          } else {
            applyDetail(c, state);
            landmarksDue(c, landmarkState.current);
          }
        }
      },
      cy,
    };
  }, []);

  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      data-testid={testId ?? 'graph-canvas'}
      role="img"
      aria-label={label}
    />
  );
}
