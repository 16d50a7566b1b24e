import type { Supplies } from '../domain/model';
import type { ChainIndexView } from './subgraph';

/**
 * Centrality of a chain's supply flow: where it hangs together, not what it depends on (that is
 * a chokepoint, see chokepoints.ts). Never a reason for a gap.
 *
 * Articulation points and bridges are of the local supply flow (`localSupplyLinks`) taken
 * undirected: an enterprise, or a link, whose removal splits it (two links between the same pair
 * are never a bridge). Betweenness is over the chain's supply subgraph: the supply links between
 * enterprises working in the chain, local or not (estimated from a sample on a large chain).
 */
export interface Centrality {
  articulationPoints: string[];
  /** Supplier → customer, in the direction of the link. */
  bridges: { from: string; to: string }[];
  /** Enterprises by betweenness, highest first (normalised to [0, 1]). */
  betweenness: { enterpriseId: string; score: number }[];
}

/**
 * The local supply flow: supply links between two distinct local enterprises with a local chain
 * member at one end or both.
 */
export function localSupplyLinks(view: ChainIndexView): Supplies[] {
  return view.graph.supplies.filter(
    (s) =>
      s.from !== s.to &&
      view.isLocal(s.from) &&
      view.isLocal(s.to) &&
      (view.localMembers.has(s.from) || view.localMembers.has(s.to)),
  );
}

export function findCentrality(view: ChainIndexView, top = 10): Centrality {
  const { articulationPoints, bridges } = articulationPointsAndBridges(localSupplyLinks(view));
  const members = view.segmentsOf;
  const chainLinks = view.graph.supplies.filter((s) => members.has(s.from) && members.has(s.to));
  return { articulationPoints, bridges, betweenness: rankBetweenness(chainLinks, top) };
}

/** Tarjan's low-link, iterative (no recursion limit on large chains), over a multigraph. */
export function articulationPointsAndBridges(links: readonly { from: string; to: string }[]): {
  articulationPoints: string[];
  bridges: { from: string; to: string }[];
} {
  const adjacency = new Map<string, { to: string; edge: number }[]>();
  const add = (from: string, to: string, edge: number) => {
    const list = adjacency.get(from);
    if (list) list.push({ to, edge });
    else adjacency.set(from, [{ to, edge }]);
  };
  links.forEach((l, edge) => {
    if (l.from === l.to) return;
    add(l.from, l.to, edge);
    add(l.to, l.from, edge);
  });
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const points = new Set<string>();
  const bridges: { from: string; to: string }[] = [];
  let counter = 0;
  for (const root of [...adjacency.keys()].sort()) {
    if (order.has(root)) continue;
    order.set(root, counter);
    low.set(root, counter++);
    let rootChildren = 0;
    const stack: { node: string; parentEdge: number; next: number }[] = [{ node: root, parentEdge: -1, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { node: string; parentEdge: number; next: number };
      const neighbours = adjacency.get(frame.node) ?? [];
      if (frame.next < neighbours.length) {
        const { to, edge } = neighbours[frame.next++] as { to: string; edge: number };
        if (edge === frame.parentEdge) continue;
        if (order.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, order.get(to) as number));
        } else {
          order.set(to, counter);
          low.set(to, counter++);
          if (frame.node === root) rootChildren++;
          stack.push({ node: to, parentEdge: edge, next: 0 });
        }
        continue;
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) continue;
      const lowChild = low.get(frame.node) as number;
      low.set(parent.node, Math.min(low.get(parent.node) as number, lowChild));
      if (lowChild > (order.get(parent.node) as number)) {
        const link = links[frame.parentEdge] as { from: string; to: string };
        bridges.push({ from: link.from, to: link.to });
      }
      if (parent.node !== root && lowChild >= (order.get(parent.node) as number)) points.add(parent.node);
    }
    if (rootChildren > 1) points.add(root);
  }
  return { articulationPoints: [...points].sort(), bridges };
}

/** Exact betweenness up to this many enterprises; above it, an estimate from as many sampled sources. */
export const BETWEENNESS_EXACT_UP_TO = 64;

/**
 * Betweenness (Brandes) over the supply links taken undirected, normalised to [0, 1]. On a large
 * chain the exact figure costs O(nodes × links); it is then estimated from a fixed, evenly spread
 * sample of sources (the same every run), which keeps the ranking of the few highest.
 */
function rankBetweenness(supplies: readonly Supplies[], top: number): { enterpriseId: string; score: number }[] {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const id = (key: string) => {
    let i = index.get(key);
    if (i === undefined) {
      i = ids.length;
      index.set(key, i);
      ids.push(key);
    }
    return i;
  };
  const pairs = new Set<number>();
  const neighbours: number[][] = [];
  const link = (x: number, y: number) => {
    const list = neighbours[x];
    if (list) list.push(y);
    else neighbours[x] = [y];
  };
  for (const s of supplies) {
    if (s.from === s.to) continue;
    const [a, b] = [id(s.from), id(s.to)];
    const key = Math.min(a, b) * 1e7 + Math.max(a, b);
    if (pairs.has(key)) continue;
    pairs.add(key);
    link(a, b);
    link(b, a);
  }
  const n = ids.length;
  if (n < 3) return [];
  const sources = n <= BETWEENNESS_EXACT_UP_TO ? [...Array(n).keys()] : evenlySpread(n, BETWEENNESS_EXACT_UP_TO);
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  dist.fill(-1);
  for (const s of sources) {
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++] as number;
      for (const w of neighbours[v] ?? []) {
        if (dist[w] === -1) {
          dist[w] = (dist[v] as number) + 1;
          order[tail++] = w;
        }
        if (dist[w] === (dist[v] as number) + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    for (let k = tail - 1; k > 0; k--) {
      const w = order[k] as number;
      for (const v of neighbours[w] ?? []) {
        if (dist[v] === (dist[w] as number) - 1) {
          delta[v] = (delta[v] as number) + ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
        }
      }
      centrality[w] = (centrality[w] as number) + (delta[w] as number);
    }
    for (let k = 0; k < tail; k++) {
      const v = order[k] as number;
      sigma[v] = 0;
      dist[v] = -1;
      delta[v] = 0;
    }
  }
  // undirected: each pair counted from both ends; scale a sample up to all sources; normalise
  const scale = n / sources.length / 2 / (((n - 1) * (n - 2)) / 2);
  return [...centrality.keys()]
    .filter((i) => (centrality[i] as number) > 0)
    .map((i) => ({ enterpriseId: ids[i] as string, score: (centrality[i] as number) * scale }))
    .sort((a, b) => b.score - a.score || a.enterpriseId.localeCompare(b.enterpriseId))
    .slice(0, top);
}

function evenlySpread(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}
