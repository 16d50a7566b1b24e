import type { Core, ElementDefinition, Position } from 'cytoscape';
import { withClass } from './classes';
import { type DetailState, detailAt } from './drawn';
import { type LabelState, nearAt } from './labelling';
import { fcosePositions } from './layouts/fcose';
import type { Mirror } from './model';
import { type LandmarkState, landmarksDue } from './naming';
import { markParallelAt, withParallelMarked } from './parallel';
import { type PictureContext, pngOf, sheetOf } from './pictures';
import type { Sheet } from './sheet';
import { addable, afterNextFrame, inSlices } from './slicing';
import { LABELLED } from './style';
import { boxOf, inside, union, type ViewSize, viewportFor } from './viewport';

/** What a view can ask of its Canvas beyond drawing its model: the view, pictures and layouts that need the drawing. */
export interface CanvasHandle {
  fit(ids?: readonly string[], padding?: number): void;
  /** Pans the view to centre a node, in `duration` ms. */
  center(id: string, duration?: number): void;
  /**
   * Zooms out (never in), if it must, until the view holds these positioned elements as well as
   * what it shows now; resolves when it does.
   */
  widenTo(elements: readonly ElementDefinition[]): Promise<void>;
  /** Positions by Cytoscape's fcose layout with its default settings, run on what is drawn. */
  fcose(): Promise<Map<string, Position>>;
  /** The whole graph as a PNG, twice the screen's resolution, on white (every label in it). */
  png(): Blob;
  /**
   * The whole graph on an A4 landscape sheet for a meeting, with its title, date, source, legend
   * and mark (see graph/sheet.ts), as PNG or PDF. What is drawn is what is readable at the sheet's
   * size (the zoom classes of the zoom that shows text as large as the sheet prints it). With
   * `elements`, those are drawn (e.g. laid out for the sheet's shape) instead of the view's.
   */
  sheet(sheet: Sheet, format: 'png' | 'pdf', elements?: readonly ElementDefinition[]): Promise<Blob>;
}

/** What the handle works with: the Canvas's Cytoscape (while there is one) and the state of its parts. */
export interface HandleContext {
  cy(): Core | null;
  labels: LabelState;
  landmarks(): LandmarkState;
  detail: DetailState;
  /** The elements there changed: report the counts. */
  changed(): void;
  picture: PictureContext;
}

const sizeOf = (c: Core): ViewSize => ({
  width: c.width(),
  height: c.height(),
  minZoom: c.minZoom(),
  maxZoom: c.maxZoom(),
});

/**
 * The Canvas's two faces: the mirror that draws a model (see graph/model.ts): elements go in and
 * out inside cy.batch(), new ones with their text if the view is near enough; and the handle.
 */
export function canvasParts(context: HandleContext): { mirror: Mirror; handle: CanvasHandle } {
  const { cy, labels, detail, changed } = context;
  const named = (c: Core) => landmarksDue(c, context.landmarks());
  /** Element definitions as they go in at this zoom: with their text if it is near enough for text. */
  const textAt = (zoom: number) => {
    const near = nearAt(labels, zoom);
    const shown = detailAt(detail, zoom);
    return (el: ElementDefinition) => {
      const labelled = near ? withClass(el, LABELLED) : el;
      return shown.length > 0 ? withClass(labelled, shown.join(' ')) : labelled;
    };
  };
  const mirror: Mirror = {
    replace(elements, { fit = true, maxZoom = 1.25 } = {}) {
      const c = cy();
      if (!c) return;
      // an animation still running (an expansion widening the view) is told to end: it takes its
      // last step on the next frame, after which the new graph's view is set again (below)
      const animating = c.animated();
      c.stop(true, true);
      // fit by the positions given: asking Cytoscape to fit would make it work out every
      // element's rendered style (labels and all) before the first frame, for nothing
      const box = fit ? boxOf(elements) : null;
      const viewport = box ? viewportFor(sizeOf(c), box, maxZoom) : null;
      // the new graph is labelled from the start if it is seen from near enough; a labelling
      // of the graph before stops
      labels.job++;
      const withText = textAt(viewport?.zoom ?? c.zoom());
      c.batch(() => {
        c.elements().remove();
        c.add(withParallelMarked(elements).map(withText));
      });
      if (viewport) {
        c.viewport(viewport);
        const job = labels.job;
        if (animating)
          requestAnimationFrame(() => {
            if (!c.destroyed() && labels.job === job) c.viewport(viewport);
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
      named(c);
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
    setData(id, patch) {
      const c = cy();
      const el = c?.getElementById(id);
      if (!el || el.empty()) return;
      const gone = Object.keys(patch).filter((key) => patch[key] === undefined);
      const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      if (gone.length > 0) el.removeData(gone.join(' '));
      if (Object.keys(set).length > 0) el.data(set);
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
        named(c);
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
      named(c);
    },
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
  };
  const handle: CanvasHandle = {
    async widenTo(elements) {
      const c = cy();
      const box = boxOf(elements);
      if (!c || !box) return;
      const seen = c.extent();
      if (inside(box, seen)) return;
      await c
        .animation({ ...viewportFor(sizeOf(c), union(box, seen), c.zoom()), duration: 250 })
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
      c.animate(viewportFor(sizeOf(c), box, c.maxZoom(), padding), { duration: 300 });
    },
    center(id, duration = 200) {
      const c = cy();
      const node = c?.getElementById(id);
      if (!c || !node || node.empty()) return;
      c.animate({ center: { eles: node } }, { duration });
    },
    async fcose() {
      const c = cy();
      return c ? fcosePositions(c) : new Map();
    },
    png() {
      const c = cy();
      return c ? pngOf(c, context.picture) : new Blob();
    },
    async sheet(info, format, elements) {
      const c = cy();
      return c ? sheetOf(c, context.picture, info, format, elements) : new Blob();
    },
  };
  return { mirror, handle };
}
