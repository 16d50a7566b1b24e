import cytoscape, { type Core, type Position } from 'cytoscape';
import { type RefObject, startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../api';
import type { CanvasHandle } from '../graph/Canvas';
import { type GraphElements, newElements, placeAround, toElements } from '../graph/elements';
import { foldSystem } from '../graph/folding';
import { concentricPositions } from '../graph/layouts/concentric';
import { forcePositions } from '../graph/layouts/force';
import { layeredPositions } from '../graph/layouts/layered';
import { afterNextFrame } from '../graph/slicing';
import type { MessageKey } from '../i18n/messages';
import type { T } from '../i18n/useT';
import { type Enterprise, NeighbourhoodQuery, SystemOfQuery } from '../queries/enterprise';
import { type ExplorerView, type LayoutName, neighbourhoodVariables, readView, writeView } from './explorer-url';
import { useExactSearchParams } from './search-params';

const FORCE_BUDGET_MS = 1500;

/** A message kept as its key and values, translated when shown (the language can change meanwhile). */
export interface Said {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string }
  | { kind: 'ready' }
  | { kind: 'error'; said: Said };
export type ExpandState = 'idle' | 'pending' | 'done';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The drawn nodes and edges, as the layouts take them. */
function drawnGraph(cy: Core) {
  const nodes = cy.nodes(':visible').map((n) => ({ id: n.id(), distance: Number(n.data('distance') ?? 0) }));
  const edges = cy.edges(':visible').map((e) => ({ source: e.source().id(), target: e.target().id() }));
  return { nodes, edges };
}

/** Positions by the named layout; the force layout runs off the main thread within a time budget. */
async function positionsFor(layout: LayoutName, cy: Core, signal: AbortSignal): Promise<Map<string, Position>> {
  if (layout === 'fcose') return fcosePositions(cy);
  const { nodes, edges } = drawnGraph(cy);
  if (layout === 'layered') return layeredPositions(nodes, edges);
  if (layout === 'force') {
    const initial = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    return forcePositions(nodes, edges, { budgetMs: FORCE_BUDGET_MS, initial, signal });
  }
  return concentricPositions(nodes);
}

/** Cytoscape's fcose layout with its default settings, loaded only when asked for (B9's reference). */
async function fcosePositions(cy: Core): Promise<Map<string, Position>> {
  const { default: fcose } = await import('cytoscape-fcose');
  cytoscape.use(fcose);
  cy.layout({ name: 'fcose', animate: false, fit: false } as cytoscape.LayoutOptions).run();
  return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
}

/**
 * Marks a moment for the benchmarks (B9): the start of the frame after the next one. Cytoscape
 * draws what changed in the next frame, so by then the drawing has been handed to the screen.
 * Nothing is drawn for the mark's sake. The mark takes that frame's own time: its callback may
 * run later, behind other work queued meanwhile (the details panel's rendering, a good 100 ms
 * after the first drawing of a large view).
 */
function markPainted(name: string) {
  requestAnimationFrame(() => requestAnimationFrame((frameTime) => performance.mark(name, { startTime: frameTime })));
}

/**
 * The explorer: the view in the URL (centre, depth, kinds, layout, filters, expansions, folded
 * systems), the graph in the Canvas. Changing the centre, depth or kinds loads a new graph;
 * changing the layout moves the nodes; filters hide and show; expanding adds beside the parent.
 */
export function useExplorer(canvas: RefObject<CanvasHandle | null>, t: T) {
  const [params, setParams] = useExactSearchParams();
  const view = readView(params);
  // the view as the URL holds it now, for work that began under an older one
  const latest = useRef(view);
  latest.current = view;
  const [load, setLoad] = useState<LoadState>({ kind: 'idle' });
  const [selected, setSelected] = useState<Enterprise | null>(null);
  const [centreName, setCentreName] = useState<string | null>(null);
  const [notice, setNotice] = useState<Said | null>(null);
  const [expansions, setExpansions] = useState<ReadonlyMap<string, ExpandState>>(new Map());
  const [layingOut, setLayingOut] = useState(false);
  /** Bumped by each new graph: work for an older one is dropped. */
  const generation = useRef(0);
  /** True once the current graph is on the canvas (a layout chosen before then is applied by the load). */
  const drawn = useRef(false);
  /** The layout running now; a newer one aborts it. */
  const layoutRun = useRef<AbortController | null>(null);
  /** Expansions asked for and not answered yet (a double click asks twice). */
  const expanding = useRef(new Set<string>());

  /** Changes the view in the URL; a function sees the URL as it is then, not as this render saw it. */
  const update = useCallback(
    (change: Partial<ExplorerView> | ((now: ExplorerView) => Partial<ExplorerView>), push = false) =>
      setParams(
        (prev) => {
          const now = readView(prev);
          return writeView({ ...now, ...(typeof change === 'function' ? change(now) : change) }, prev);
        },
        { replace: !push },
      ),
    [setParams],
  );

  const cy = useCallback(() => canvas.current?.cy() ?? null, [canvas]);
  const keyOf = useCallback(
    (id: string) => (cy()?.getElementById(id).data('enterprise') as Enterprise | undefined)?.key,
    [cy],
  );
  const nodeByKey = useCallback(
    (key: string) =>
      cy()
        ?.nodes()
        .filter((n) => (n.data('enterprise') as Enterprise | undefined)?.key === key),
    [cy],
  );

  /** Moves the nodes to the named layout, then fits; a newer layout, or a new graph, cancels it. */
  const relayout = useCallback(
    async (layout: LayoutName, animate: boolean) => {
      const c = canvas.current?.cy();
      if (!c || c.nodes().empty()) return;
      layoutRun.current?.abort();
      const run = new AbortController();
      layoutRun.current = run;
      setLayingOut(true);
      try {
        const positions = await positionsFor(layout, c, run.signal);
        if (run.signal.aborted) return;
        await canvas.current?.place(positions, { animate });
        if (!run.signal.aborted) canvas.current?.fit();
      } catch (error) {
        if (!run.signal.aborted) throw error;
      } finally {
        if (layoutRun.current === run) {
          layoutRun.current = null;
          setLayingOut(false);
        }
      }
    },
    [canvas],
  );

  /** Adds an enterprise's neighbours beside it; the rest of the graph stays where it is. */
  const expandNode = useCallback(
    async (id: string, kinds: ExplorerView['kinds'], limit: number, current: number, widen = true) => {
      const c = canvas.current?.cy();
      const parent = c?.getElementById(id);
      if (!c || !parent || parent.empty()) return { nodes: 0, truncated: false };
      const { neighbourhood } = await request(NeighbourhoodQuery, { id, depth: 1, limit, kinds });
      if (current !== generation.current || !neighbourhood) return { nodes: 0, truncated: false };
      const fresh = newElements(
        { nodeIds: new Set(c.nodes().map((n) => n.id())), edgeIds: new Set(c.edges().map((e) => e.id())) },
        toElements(neighbourhood),
      );
      const placed = placeAround(
        fresh.nodes,
        { position: { ...parent.position() }, distance: Number(parent.data('distance')) },
        c.nodes().map((n) => ({ ...n.position() })),
      );
      // what is added comes into view (zooming out, if it must, while the graph is still small),
      // then goes in in slices, a frame apart: a few hundred elements at once would hold the page (B9)
      if (widen) await canvas.current?.widenTo(placed);
      await canvas.current?.addInSlices([...placed, ...fresh.edges], () => current === generation.current);
      return { nodes: placed.length + fresh.edges.length, truncated: neighbourhood.truncated };
    },
    [canvas],
  );

  const applyFilters = useCallback(() => {
    const c = canvas.current?.cy();
    if (!c) return;
    c.batch(() => {
      c.nodes().forEach((n) => {
        const e = n.data('enterprise') as Enterprise | undefined;
        const out =
          !!e &&
          !n.hasClass('centre') &&
          ((view.show === 'local' && !e.local) ||
            (view.show === 'outside' && e.local) ||
            (view.segment !== null && !e.segments.some((s) => s.key === view.segment)));
        // only where it changes: touching a class restyles the element, and a graph of thousands
        // restyled at once is a long task
        if (n.hasClass('filtered') !== out) n.toggleClass('filtered', out);
      });
    });
  }, [canvas, view.show, view.segment]);

  /**
   * Folds the system of the enterprise `id` belongs to into its root: its members are hidden, and
   * the system's links to each other firm are one link from the root, with their count. Returns
   * the root, or why it could not.
   */
  const fold = useCallback(
    async (id: string): Promise<{ root: Enterprise } | { why: Said }> => {
      const c = canvas.current?.cy();
      if (!c) return { why: { key: 'explorer.noSystem' } };
      const { enterprise } = await request(SystemOfQuery, { id });
      const system = enterprise?.system;
      if (!system) return { why: { key: 'explorer.noSystem' } };
      const root = c.getElementById(system.root.id);
      if (root.empty()) return { why: { key: 'explorer.rootNotShown', vars: { name: system.root.shortName } } };
      const members = new Set(system.members.nodes.map((m) => m.enterprise.id));
      const result = foldSystem(system.root.id, members, {
        nodes: c.nodes().map((n) => n.id()),
        edges: c.edges(':not(.meta)').map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
      });
      canvas.current?.setClass([...result.hidden, ...result.hiddenEdges], 'folded-away', true);
      canvas.current?.upsert(
        result.meta.map((m) => ({ group: 'edges' as const, data: { ...m, kind: 'META' }, classes: 'meta' })),
      );
      // the label is written in the language of the moment, and again when it changes (see below)
      root.addClass('folded').data({ foldedName: system.root.shortName, foldedCount: system.directCount + 1 });
      labelFolded(c, t);
      return { root: root.data('enterprise') as Enterprise };
    },
    [canvas, t],
  );

  useEffect(() => {
    const c = cy();
    if (c) labelFolded(c, t);
  }, [cy, t]);

  const unfold = useCallback(
    (rootId: string) => {
      const c = canvas.current?.cy();
      if (!c) return;
      c.batch(() => {
        c.edges(`.meta[source = "${rootId}"], .meta[target = "${rootId}"]`).remove();
        c.elements('.folded-away').removeClass('folded-away');
        c.getElementById(rootId).removeClass('folded').removeData('folded foldedName foldedCount');
      });
      // members of other folded systems stay hidden
      for (const key of latest.current.folded) {
        const other = nodeByKey(key);
        if (other?.nonempty() && other.id() !== rootId) void fold(other.id());
      }
    },
    [canvas, fold, nodeByKey],
  );

  // a new centre, depth or kinds: a new graph, then the expansions and folds the URL names
  const kindsKey = view.kinds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the graph is reloaded only when centre, depth or kinds change
  useEffect(() => {
    const current = ++generation.current;
    drawn.current = false;
    layoutRun.current?.abort();
    expanding.current.clear();
    setExpansions(new Map());
    setNotice(null);
    if (!view.centre) {
      canvas.current?.replace([]);
      setLoad({ kind: 'idle' });
      setSelected(null);
      return;
    }
    const centre = view.centre;
    setLoad({ kind: 'loading', name: centre });
    void (async () => {
      try {
        const { neighbourhood } = await request(NeighbourhoodQuery, neighbourhoodVariables({ ...view, centre }));
        // B9 tells loading from drawing by this
        if (current !== generation.current) return;
        performance.mark('chain-atlas:graph-data');
        if (!neighbourhood) {
          setLoad({ kind: 'error', said: { key: 'explorer.notFound', vars: { name: centre } } });
          return;
        }
        const elements: GraphElements = toElements(neighbourhood);
        const positions = concentricPositions(
          elements.nodes.map((n) => ({ id: n.data.id, distance: n.data.distance })),
        );
        canvas.current?.replace(
          [
            ...elements.nodes.map((n) => ({ ...n, position: positions.get(n.data.id) ?? { x: 0, y: 0 } })),
            ...elements.edges,
          ],
          { fit: true },
        );
        drawn.current = true;
        const centreId = neighbourhood.centre.id;
        canvas.current?.setClass([centreId], 'centre', true);
        canvas.current?.select(centreId);
        const centreFirm = elements.nodes.find((n) => n.data.id === centreId)?.data.enterprise ?? null;
        // the details panel (a hundred linked firms) renders when the browser has time: the
        // graph's first frame comes before it (B9)
        startTransition(() => {
          setSelected(centreFirm);
          setCentreName(centreFirm?.shortName ?? null);
        });
        const done = new Map<string, ExpandState>([[centreId, 'done']]);
        for (const key of view.expanded) {
          const node = nodeByKey(key);
          if (!node || node.empty()) continue;
          // the URL's expansions, replayed: no widening (an animation each) on the way
          await expandNode(node.id(), view.kinds, view.limit, current, false);
          done.set(node.id(), 'done');
        }
        if (current !== generation.current) return;
        setExpansions(done);
        // the layout the URL holds now: it may have been changed while this graph loaded
        const layout = latest.current.layout;
        if (layout !== 'concentric') await relayout(layout, false);
        if (current !== generation.current) return;
        for (const key of latest.current.folded) {
          const node = nodeByKey(key);
          if (node?.nonempty()) await fold(node.id());
        }
        applyFilters();
        setLoad({ kind: 'ready' });
        markPainted('chain-atlas:graph-drawn');
        if (neighbourhood.truncated) setNotice({ key: 'explorer.truncated', vars: { n: view.limit } });
      } catch (error) {
        if (current !== generation.current) return;
        if (error instanceof ApiError && error.code === 'NOT_FOUND')
          setLoad({ kind: 'error', said: { key: 'explorer.notFound', vars: { name: centre } } });
        else setLoad({ kind: 'error', said: { key: 'explorer.loadFailed', vars: { message: message(error) } } });
      }
    })();
  }, [view.centre, view.depth, kindsKey, view.limit]);

  // a new layout for the graph drawn; one chosen while it loads is applied by the load
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of layout only
  useEffect(() => {
    if (drawn.current) void relayout(view.layout, true);
  }, [view.layout]);

  useEffect(() => {
    if (load.kind === 'ready') applyFilters();
  }, [applyFilters, load.kind]);

  const expand = useCallback(
    async (id: string) => {
      if (expansions.has(id) || expanding.current.has(id)) return;
      expanding.current.add(id);
      const current = generation.current;
      setExpansions((prev) => new Map(prev).set(id, 'pending'));
      setNotice(null);
      try {
        const added = await expandNode(id, view.kinds, view.limit, current);
        if (current !== generation.current) return;
        applyFilters();
        markPainted('chain-atlas:expanded');
        // what the page around the graph shows of it is laid out in frames of its own, not with
        // a drawing of the graph: the notice and the expansion's state in a transition, the URL
        // (whose change renders the explorer at once) a frame later (B9)
        startTransition(() => {
          setExpansions((prev) => new Map(prev).set(id, 'done'));
          if (added.truncated) setNotice({ key: 'explorer.truncated', vars: { n: view.limit } });
          else if (added.nodes === 0) setNotice({ key: 'explorer.nothingMore' });
        });
        await afterNextFrame();
        if (current !== generation.current) return;
        const key = keyOf(id);
        if (key) update((now) => (now.expanded.includes(key) ? {} : { expanded: [...now.expanded, key] }));
      } catch (error) {
        if (current !== generation.current) return;
        setExpansions((prev) => {
          const next = new Map(prev);
          next.delete(id);
          return next;
        });
        setNotice({ key: 'explorer.expandFailed', vars: { message: message(error) } });
      } finally {
        expanding.current.delete(id);
      }
    },
    [expansions, expandNode, view.kinds, view.limit, update, applyFilters, keyOf],
  );

  /** Folds the selected enterprise's system (selecting its root, which stands for it), or opens it again. */
  const toggleFold = useCallback(
    async (id: string) => {
      const c = cy();
      if (!c) return;
      if (c.getElementById(id).hasClass('folded')) {
        const key = keyOf(id);
        update((now) => ({ folded: now.folded.filter((k) => k !== key) }));
        unfold(id);
        return;
      }
      try {
        const folded = await fold(id);
        if ('why' in folded) {
          setNotice(folded.why);
          return;
        }
        const { root } = folded;
        update((now) => (now.folded.includes(root.key) ? {} : { folded: [...now.folded, root.key] }));
        canvas.current?.select(root.id);
        setSelected(root);
      } catch (error) {
        setNotice({ key: 'explorer.foldFailed', vars: { message: message(error) } });
      }
    },
    [canvas, cy, keyOf, update, unfold, fold],
  );

  return {
    view,
    update,
    load,
    loadError: load.kind === 'error' ? t(load.said.key, load.said.vars) : null,
    selected,
    /** The centre's short name, once its graph is drawn (the name of the PNG). */
    centreName,
    select: setSelected,
    notice: notice && t(notice.key, notice.vars),
    dismissNotice: () => setNotice(null),
    layingOut,
    expand,
    expandState: (id: string): ExpandState => expansions.get(id) ?? 'idle',
    isFolded: (id: string) => !!cy()?.getElementById(id).hasClass('folded'),
    toggleFold,
  };
}

/** Writes the label of each folded root in the language of `t`. */
function labelFolded(c: Core, t: T) {
  c.nodes('.folded').forEach((n) => {
    n.data('folded', t('explorer.systemFolded', { name: n.data('foldedName'), n: n.data('foldedCount') }));
  });
}
