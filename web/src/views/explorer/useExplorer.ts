import { type RefObject, startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../../api';
import type { ExpandState } from '../../components/DetailsPanel';
import type { CanvasHandle } from '../../graph/Canvas';
import { afterNextFrame } from '../../graph/slicing';
import { useGraphModel } from '../../graph/useModel';
import type { T } from '../../i18n/useT';
import { type Enterprise, NeighbourhoodQuery, SystemOfQuery } from '../../queries/enterprise';
import { type ExplorerView, neighbourhoodVariables, readView, writeView } from '../../state/explorer-url';
import { useExactSearchParams } from '../../state/search-params';
import { expandAround } from './expand';
import { foldInto, labelFolded, unfoldAt } from './fold';
import { applyFilters, enterpriseOf, nodeByKey } from './graph';
import { layOut } from './layout';
import { drawNeighbourhood } from './load';
import { message, type Said } from './said';
import { moment } from './test-hooks';

export type { Said } from './said';

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string }
  | { kind: 'ready' }
  | { kind: 'error'; said: Said };

/**
 * The explorer: the view in the URL (centre, depth, kinds, layout, filters, expansions, folded
 * systems), the graph in its model (graph/model.ts), which the Canvas draws. Changing the centre,
 * depth or kinds loads a new graph (load.ts); changing the layout moves the nodes (layout.ts);
 * filters hide and show (graph.ts); expanding adds beside the parent (expand.ts); folding hides a
 * system in its root (fold.ts).
 */
export function useExplorer(canvas: RefObject<CanvasHandle | null>, t: T) {
  const model = useGraphModel();
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
  /** True once the current graph is in the model (a layout chosen before then is applied by the load). */
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

  /** Moves the nodes to the named layout, then fits; a newer layout, or a new graph, cancels it. */
  const relayout = useCallback(
    async (layout: ExplorerView['layout'], animate: boolean) => {
      if (model.nodeCount === 0) return;
      layoutRun.current?.abort();
      const run = new AbortController();
      layoutRun.current = run;
      setLayingOut(true);
      try {
        await layOut(layout, model, canvas.current, run.signal, animate);
      } catch (error) {
        if (!run.signal.aborted) throw error;
      } finally {
        if (layoutRun.current === run) {
          layoutRun.current = null;
          setLayingOut(false);
        }
      }
    },
    [model, canvas],
  );

  /** Adds an enterprise's neighbours beside it; the rest of the graph stays where it is. */
  const expandNode = useCallback(
    async (id: string, kinds: ExplorerView['kinds'], limit: number, current: number, widen = true) => {
      if (!model.hasNode(id)) return { nodes: 0, truncated: false };
      const { neighbourhood } = await request(NeighbourhoodQuery, { id, depth: 1, limit, kinds });
      if (current !== generation.current || !neighbourhood) return { nodes: 0, truncated: false };
      return expandAround(model, canvas.current, id, neighbourhood, () => current === generation.current, widen);
    },
    [model, canvas],
  );

  const { show, segment } = view;
  const filter = useCallback(() => applyFilters(model, { show, segment }), [model, show, segment]);

  /** Folds the system of the enterprise `id` belongs to into its root. */
  const fold = useCallback(
    async (id: string): Promise<{ root: Enterprise } | { why: Said }> => {
      const { enterprise } = await request(SystemOfQuery, { id });
      const system = enterprise?.system;
      if (!system) return { why: { key: 'explorer.noSystem' } };
      return foldInto(model, system, t);
    },
    [model, t],
  );

  // the folded roots' labels in the language of the moment
  useEffect(() => labelFolded(model, t), [model, t]);

  const unfold = useCallback(
    (rootId: string) => {
      unfoldAt(model, rootId);
      // members of other folded systems stay hidden
      for (const key of latest.current.folded) {
        const other = nodeByKey(model, key);
        if (other !== undefined && other !== rootId) void fold(other);
      }
    },
    [model, fold],
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
      model.replace([]);
      setLoad({ kind: 'idle' });
      setSelected(null);
      return;
    }
    const centre = view.centre;
    setLoad({ kind: 'loading', name: centre });
    void (async () => {
      try {
        const { neighbourhood } = await request(NeighbourhoodQuery, neighbourhoodVariables({ ...view, centre }));
        if (current !== generation.current) return;
        moment('graph-data');
        if (!neighbourhood) {
          setLoad({ kind: 'error', said: { key: 'explorer.notFound', vars: { name: centre } } });
          return;
        }
        const { centreId, centreFirm } = drawNeighbourhood(model, neighbourhood);
        drawn.current = true;
        // the details panel (a hundred linked firms) renders when the browser has time: the
        // graph's first frame comes before it
        startTransition(() => {
          setSelected(centreFirm);
          setCentreName(centreFirm?.shortName ?? null);
        });
        const done = new Map<string, ExpandState>([[centreId, 'done']]);
        for (const key of view.expanded) {
          const id = nodeByKey(model, key);
          if (id === undefined) continue;
          // the URL's expansions, replayed: no widening (an animation each) on the way
          await expandNode(id, view.kinds, view.limit, current, false);
          done.set(id, 'done');
        }
        if (current !== generation.current) return;
        setExpansions(done);
        // the layout the URL holds now: it may have been changed while this graph loaded
        const layout = latest.current.layout;
        if (layout !== 'concentric') await relayout(layout, false);
        if (current !== generation.current) return;
        for (const key of latest.current.folded) {
          const id = nodeByKey(model, key);
          if (id !== undefined) await fold(id);
        }
        filter();
        setLoad({ kind: 'ready' });
        moment('graph-drawn');
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
    if (load.kind === 'ready') filter();
  }, [filter, load.kind]);

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
        filter();
        moment('expanded');
        // what the page around the graph shows of it is laid out in frames of its own, not with
        // a drawing of the graph: the notice and the expansion's state in a transition, the URL
        // (whose change renders the explorer at once) a frame later
        startTransition(() => {
          setExpansions((prev) => new Map(prev).set(id, 'done'));
          if (added.truncated) setNotice({ key: 'explorer.truncated', vars: { n: view.limit } });
          else if (added.nodes === 0) setNotice({ key: 'explorer.nothingMore' });
        });
        await afterNextFrame();
        if (current !== generation.current) return;
        const key = enterpriseOf(model, id)?.key;
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
    [model, expansions, expandNode, view.kinds, view.limit, update, filter],
  );

  /** Folds the selected enterprise's system (selecting its root, which stands for it), or opens it again. */
  const toggleFold = useCallback(
    async (id: string) => {
      if (model.hasClass(id, 'folded')) {
        const key = enterpriseOf(model, id)?.key;
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
        model.select(root.id);
        setSelected(root);
      } catch (error) {
        setNotice({ key: 'explorer.foldFailed', vars: { message: message(error) } });
      }
    },
    [model, update, unfold, fold],
  );

  return {
    model,
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
    isFolded: (id: string) => model.hasClass(id, 'folded'),
    toggleFold,
  };
}
