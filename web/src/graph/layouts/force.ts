/**
 * A force-directed layout (d3-force) with a time budget that never freezes the page: it runs in a Web Worker when
 * there is one, otherwise (Node, tests) in this thread in short slices that yield to the event loop in between.
 */
import type { ForceReply, ForceRequest } from './simulation';

type Point = { x: number; y: number };

export interface ForceOptions {
  /** Time allowed, in ms (default 1500): the positions reached by then are returned, cooled or not. */
  budgetMs?: number;
  /** Nodes pinned at these positions; they do not move. */
  fixed?: ReadonlyMap<string, Point>;
  /** Starting positions (e.g. the current drawing); other nodes start next to a placed neighbour or on a spiral. */
  initial?: ReadonlyMap<string, Point>;
  /** Called now and then with the share of the work done, in [0, 1]; 1 last. */
  onProgress?: (done: number) => void;
  /** Aborting rejects with the signal's reason (an AbortError DOMException by default) and stops the work. */
  signal?: AbortSignal;
}

/** The JSON job for `runSimulation`: nodes by index, repeated ids and links to unknown nodes or self loops dropped. */
function toRequest(
  nodes: readonly { id: string }[],
  edges: readonly { source: string; target: string }[],
  { budgetMs = 1500, fixed, initial }: ForceOptions,
): ForceRequest {
  const index = new Map<string, number>();
  for (const { id } of nodes) if (!index.has(id)) index.set(id, index.size);
  const links: [number, number][] = [];
  for (const { source, target } of edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s !== undefined && t !== undefined && s !== t) links.push([s, t]);
  }
  const points = (map: ReadonlyMap<string, Point> | undefined) =>
    [...(map ?? [])].flatMap(([id, { x, y }]): [number, number, number][] => {
      const i = index.get(id);
      return i === undefined ? [] : [[i, x, y]];
    });
  return {
    ids: [...index.keys()],
    links,
    fixed: points(fixed),
    initial: points(initial),
    deadline: Date.now() + budgetMs,
  };
}

/**
 * In this thread: slices of ticks with a macrotask (setTimeout 0) between them, checking the signal each time.
 * d3-force is imported lazily, so that the page's bundle does not carry it when the worker does the work.
 */
async function inThread(request: ForceRequest, { onProgress, signal }: ForceOptions): Promise<number[]> {
  const { runSimulation } = await import('./simulation');
  const pause = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal?.throwIfAborted();
  };
  return runSimulation(request, { onProgress, pause });
}

/** In a module worker (bundled by Vite); falls back to this thread if the worker cannot start. */
function inWorker(request: ForceRequest, options: ForceOptions): Promise<number[]> {
  const { onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./force.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<ForceReply>) => {
      if (data.type === 'progress') {
        onProgress?.(data.done);
        return;
      }
      stop();
      if (data.type === 'done') resolve(data.xy);
      else reject(new Error(`Force layout failed: ${data.message}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      inThread(request, options).then(resolve, reject);
    };
    worker.postMessage(request);
  });
}

/**
 * Positions for every node from a force simulation (many-body repulsion, links, collision, weak gravity), run until
 * it cools or `budgetMs` is spent, whichever comes first. Deterministic when it cools within the budget.
 */
export async function forcePositions(
  nodes: readonly { id: string }[],
  edges: readonly { source: string; target: string }[],
  options: ForceOptions = {},
): Promise<Map<string, Point>> {
  options.signal?.throwIfAborted();
  const request = toRequest(nodes, edges, options);
  const xy = await (typeof Worker === 'undefined' ? inThread(request, options) : inWorker(request, options));
  options.signal?.throwIfAborted();
  return new Map(request.ids.map((id, i) => [id, { x: xy[2 * i] ?? 0, y: xy[2 * i + 1] ?? 0 }]));
}
