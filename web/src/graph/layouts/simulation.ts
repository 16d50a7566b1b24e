/**
 * The force simulation shared by force.worker.ts and the in-thread fallback of force.ts, so both run the same
 * steps. Requests and replies are plain JSON (ids and numbers) so they cross postMessage unchanged.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';

/** One layout job. Nodes are referred to by their index in `ids`. */
export interface ForceRequest {
  ids: string[];
  /** [source, target] index pairs, without self loops. */
  links: [number, number][];
  /** [index, x, y]: nodes pinned where they are. */
  fixed: [number, number, number][];
  /** [index, x, y]: where nodes start; the others start on a spiral. */
  initial: [number, number, number][];
  /** Wall-clock time (Date.now()) by which to stop, cooled or not: the same clock in the page and in a worker. */
  deadline: number;
}

/** What the worker posts back: progress in [0, 1], then the positions as [x0, y0, x1, y1, …] in `ids` order. */
export type ForceReply =
  | { type: 'progress'; done: number }
  | { type: 'done'; xy: number[] }
  | { type: 'error'; message: string };

export interface RunHooks {
  onProgress?: ((done: number) => void) | undefined;
  /** Awaited between slices: yields to the event loop in the page, and may throw to abort. */
  pause?: () => Promise<void>;
}

/** How long one slice of ticks may run before `pause` (one frame or so). */
const SLICE_MS = 16;
/** Spacing of the starting spiral and of seeds around an already placed neighbour. */
const SPREAD = 30;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Starting positions: fixed and initial ones as given; a node with a placed neighbour starts next to it (so new
 * nodes grow out of the part of the graph they belong to); the rest on a phyllotaxis spiral around the centre of
 * the placed ones. All deterministic.
 */
function seed(request: ForceRequest): { nodes: SimulationNodeDatum[]; centre: { x: number; y: number } } {
  const pinned = new Map(request.fixed.map(([i, x, y]) => [i, { x, y }]));
  const placed = new Map([...request.initial.map(([i, x, y]) => [i, { x, y }] as const), ...pinned]);
  const centre = { x: 0, y: 0 };
  for (const p of placed.values()) {
    centre.x += p.x / placed.size;
    centre.y += p.y / placed.size;
  }
  const anchor = new Map<number, number>(); // unplaced node → its first placed neighbour
  for (const [s, t] of request.links) {
    if (placed.has(s) && !placed.has(t) && !anchor.has(t)) anchor.set(t, s);
    if (placed.has(t) && !placed.has(s) && !anchor.has(s)) anchor.set(s, t);
  }
  const count = new Map<number, number>(); // nodes started so far around each anchor, or around the centre (-1)
  const nodes = request.ids.map((_, index): SimulationNodeDatum => {
    const pin = pinned.get(index);
    if (pin) return { index, x: pin.x, y: pin.y, fx: pin.x, fy: pin.y };
    const known = placed.get(index);
    if (known) return { index, ...known };
    const a = anchor.get(index) ?? -1;
    const base = placed.get(a) ?? centre;
    const k = count.get(a) ?? 0;
    count.set(a, k + 1);
    const r = SPREAD * Math.sqrt(k + (a === -1 ? 0.5 : 1));
    return { index, x: base.x + r * Math.cos(k * GOLDEN_ANGLE), y: base.y + r * Math.sin(k * GOLDEN_ANGLE) };
  });
  return { nodes, centre };
}

/**
 * Runs the simulation in slices of about SLICE_MS until it cools (alpha < alphaMin) or the deadline passes,
 * awaiting `hooks.pause` between slices, and returns the positions reached as [x0, y0, x1, y1, …].
 */
export async function runSimulation(request: ForceRequest, hooks: RunHooks = {}): Promise<number[]> {
  const { nodes, centre } = seed(request);
  const simulation = forceSimulation(nodes)
    .stop() // no d3 timer: we tick ourselves
    .force('charge', forceManyBody().strength(-250).distanceMax(800))
    .force('link', forceLink(request.links.map(([source, target]) => ({ source, target }))).distance(80))
    .force('collide', forceCollide(28))
    // Weak gravity keeps components together; forceCenter would drag free nodes away from pinned ones.
    .force('x', forceX(centre.x).strength(0.04))
    .force('y', forceY(centre.y).strength(0.04));
  if (request.fixed.length === 0) simulation.force('centre', forceCenter(centre.x, centre.y));

  const start = Date.now();
  const expectedTicks = Math.log(simulation.alphaMin() / simulation.alpha()) / Math.log(1 - simulation.alphaDecay());
  let ticks = 0;
  let tickMs = 0; // how long the last tick took: one that would end past the deadline is not started
  const canTick = () => simulation.alpha() >= simulation.alphaMin() && Date.now() + tickMs < request.deadline;
  while (canTick()) {
    if (ticks > 0) {
      const spent = (Date.now() - start) / Math.max(1, request.deadline - start);
      hooks.onProgress?.(Math.min(1, Math.max(ticks / expectedTicks, spent)));
      await hooks.pause?.();
    }
    const sliceEnd = Date.now() + SLICE_MS;
    while (canTick() && Date.now() < sliceEnd) {
      const tickStart = Date.now();
      simulation.tick();
      tickMs = Date.now() - tickStart;
      ticks++;
    }
  }
  hooks.onProgress?.(1);
  return nodes.flatMap((node) => [node.fx ?? node.x ?? 0, node.fy ?? node.y ?? 0]);
}
