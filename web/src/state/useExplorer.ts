import { type RefObject, useCallback, useRef, useState } from 'react';
import { request } from '../api';
import { toElements } from '../graph/elements';
import type { GraphHandle, GraphStats } from '../graph/GraphCanvas';
import { type Enterprise, NeighbourhoodQuery } from '../queries';

/** How many enterprises one neighbourhood request may bring. */
export const NEIGHBOURHOOD_LIMIT = 200;

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading'; name: string }
  | { kind: 'ready' }
  | { kind: 'error'; message: string };

export type ExpandState = 'idle' | 'pending' | 'done';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The explorer's state: what is loading, which enterprise is selected, which nodes were expanded.
 * The graph itself stays in the GraphCanvas (reached through `graph`).
 */
export function useExplorer(graph: RefObject<GraphHandle | null>) {
  const [load, setLoad] = useState<LoadState>({ kind: 'idle' });
  const [selected, setSelected] = useState<Enterprise | null>(null);
  const [stats, setStats] = useState<GraphStats>({ nodes: 0, edges: 0 });
  const [notice, setNotice] = useState<string | null>(null);
  const [expansions, setExpansions] = useState<ReadonlyMap<string, ExpandState>>(new Map());
  // Read synchronously by the handlers (a tap and a double tap arrive in the same tick); mirrored into state.
  const expansionsRef = useRef(new Map<string, ExpandState>());
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const setExpansion = useCallback((id: string, state: ExpandState | null) => {
    if (state) expansionsRef.current.set(id, state);
    else expansionsRef.current.delete(id);
    setExpansions(new Map(expansionsRef.current));
  }, []);

  /** Opens a new graph centred on an enterprise. */
  const open = useCallback(
    async (id: string, name: string) => {
      const current = ++generation.current;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setLoad({ kind: 'loading', name });
      setNotice(null);
      // Expansions under way belong to the old graph: their answers are dropped, so none stays pending.
      expansionsRef.current = new Map();
      setExpansions(new Map());
      try {
        const { neighbourhood } = await request(
          NeighbourhoodQuery,
          { id, depth: 1, limit: NEIGHBOURHOOD_LIMIT },
          abort.signal,
        );
        if (current !== generation.current) return;
        if (!neighbourhood) throw new Error(`未找到企业 ${name}`);
        const elements = toElements(neighbourhood);
        graph.current?.replace(elements, neighbourhood.centre.id);
        expansionsRef.current = new Map([[neighbourhood.centre.id, 'done']]);
        setExpansions(new Map(expansionsRef.current));
        setSelected(elements.nodes.find((node) => node.data.id === neighbourhood.centre.id)?.data.enterprise ?? null);
        setLoad({ kind: 'ready' });
        if (neighbourhood.truncated) setNotice(`关系过多，仅显示前 ${NEIGHBOURHOOD_LIMIT} 家企业`);
      } catch (error) {
        if (current !== generation.current) return;
        setLoad({ kind: 'error', message: message(error) });
      }
    },
    [graph],
  );

  /** Adds an enterprise's neighbours around it; at most once per enterprise and graph. */
  const expand = useCallback(
    async (id: string) => {
      if (expansionsRef.current.has(id)) return;
      const current = generation.current;
      setExpansion(id, 'pending');
      setNotice(null);
      try {
        const { neighbourhood } = await request(NeighbourhoodQuery, { id, depth: 1, limit: NEIGHBOURHOOD_LIMIT });
        if (current !== generation.current) return;
        if (!neighbourhood) throw new Error('未找到该企业');
        const added = graph.current?.expand(id, toElements(neighbourhood)) ?? { nodes: 0, edges: 0 };
        setExpansion(id, 'done');
        if (neighbourhood.truncated) setNotice(`关系过多，仅显示前 ${NEIGHBOURHOOD_LIMIT} 家企业`);
        else if (added.nodes === 0 && added.edges === 0) setNotice('没有更多关联企业');
      } catch (error) {
        if (current !== generation.current) return;
        setExpansion(id, null);
        setNotice(`展开失败：${message(error)}`);
      }
    },
    [graph, setExpansion],
  );

  const expandState = (id: string): ExpandState => expansions.get(id) ?? 'idle';

  const dismissNotice = useCallback(() => setNotice(null), []);

  return { load, selected, select: setSelected, stats, setStats, notice, dismissNotice, open, expand, expandState };
}
