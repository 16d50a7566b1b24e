import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { type Ref, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { applyDetail, type CountState, type DetailState, reportCounts } from './drawn';
import { type CanvasHandle, canvasParts } from './handle';
import { type LabelState, labelInView, nearAt } from './labelling';
import type { LandmarkTest } from './landmarks';
import type { GraphModel } from './model';
import { type LandmarkState, landmarksDue, unname } from './naming';
import { installGraphHooks, type SheetMade } from './test-hooks';
import { thinOnChange } from './thinning';

export type { CanvasHandle } from './handle';

/**
 * The one owner of a Cytoscape instance, for every view: created on mount, destroyed on unmount.
 * It draws the view's model (graph/model.ts) and tells it what the user changes; nothing is laid
 * out unless a view says so (views compute positions, see graph/layouts/). Its parts: drawing and
 * the handle (handle.ts), labelling (labelling.ts), landmarks (naming.ts), counts and zoom classes
 * (drawn.ts), names thinned out (thinning.ts), pictures (pictures.ts), the view's box (viewport.ts)
 * and the end-to-end tests' hooks (test-hooks.ts).
 */
interface CanvasProps {
  ref?: Ref<CanvasHandle>;
  /** What the canvas draws: the view changes it, the canvas follows. */
  model: GraphModel;
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
  landmarks?: readonly LandmarkTest[];
  /**
   * Whether a picture of the firms, without the links, moves in place of the view while the user
   * pans or zooms it (Cytoscape's `textureOnViewport` and `hideEdgesOnViewport`); the view is drawn
   * again when the gesture ends, and what lay outside the picture shows grey until then. For views
   * large enough that drawing every frame anew would stutter. A picture with the links took so
   * long to take that Cytoscape took the wheel to have stopped and took it again. Read when the
   * canvas is created.
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

export function Canvas({
  ref,
  model,
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
  const lastSheet = useRef<SheetMade>(null);
  const stylesheetRef = useRef(stylesheet);

  const { mirror, handle } = useMemo(
    () =>
      canvasParts({
        cy: () => cyRef.current,
        labels: labels.current,
        landmarks: () => landmarkState.current,
        detail: detail.current,
        changed: () =>
          reportCounts(cyRef.current, containerRef.current, counts.current, callbacks.current.onChange, true),
        picture: {
          unnameLandmarks: (c) => unname(c, landmarkState.current.named),
          landmarksDue: (c) => landmarksDue(c, landmarkState.current),
          detail: detail.current,
          stylesheet: () => stylesheetRef.current,
          sheetMade: (made) => {
            lastSheet.current = made;
          },
        },
      }),
    [],
  );

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
    if (declutter) thinOnChange(cy);
    // what the user changes on the canvas, the model learns
    cy.on('dragfree', 'node', (e) => model.moved(e.target.id(), { ...e.target.position() }));
    cy.on('select', 'node', (e) => model.selectedBy(e.target.id()));
    cy.on('unselect', 'node', () => model.selectedBy(cy.$('node:selected').first().id() ?? null));
    const uninstall = installGraphHooks(cy, {
      landmarks: () => landmarkState.current.named,
      lastSheet: () => lastSheet.current,
    });
    const detach = model.attach(mirror);
    return () => {
      detach();
      uninstall();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    stylesheetRef.current = stylesheet;
    cyRef.current?.style(stylesheet);
  }, [stylesheet]);

  useImperativeHandle(ref, () => handle, [handle]);

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
