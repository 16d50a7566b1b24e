import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { Supplies } from '../domain/model';
import type { ChainIndexView } from './subgraph';

/**
 * Chokepoints of a chain's local supply flow: the graph of supply links between local
 * enterprises with a local chain member at one end or both, taken undirected. An articulation
 * point is an enterprise whose removal splits it; a bridge, a link whose removal does (two
 * links between the same pair are never a bridge). Betweenness is over every supply link of the
 * chain subgraph, local or not.
 */
export interface Chokepoints {
  articulationPoints: string[];
  bridges: { from: string; to: string }[];
  /** Enterprises by betweenness, highest first (normalised to [0, 1]). */
  betweenness: { enterpriseId: string; score: number }[];
}

export function localSupplyLinks(view: ChainIndexView): Supplies[] {
  return view.graph.supplies.filter(
    (s) =>
      s.from !== s.to &&
      view.isLocal(s.from) &&
      view.isLocal(s.to) &&
      (view.localMembers.has(s.from) || view.localMembers.has(s.to)),
  );
}

export function findChokepoints(view: ChainIndexView, top = 10): Chokepoints {
  const links = localSupplyLinks(view);
  const { articulationPoints, bridges } = articulationPointsAndBridges(links);
  return { articulationPoints, bridges, betweenness: rankBetweenness(view.graph.supplies, top) };
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

function rankBetweenness(supplies: readonly Supplies[], top: number): { enterpriseId: string; score: number }[] {
  const g = new UndirectedGraph();
  for (const s of supplies) {
    if (s.from === s.to) continue;
    g.mergeNode(s.from);
    g.mergeNode(s.to);
    g.mergeEdge(s.from, s.to);
  }
  if (g.order < 3) return [];
  const scores = betweennessCentrality(g, { normalized: true });
  return Object.entries(scores)
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([enterpriseId, score]) => ({ enterpriseId, score }));
}

export interface LostSupply {
  memberId: string;
  segmentId: string;
}

/**
 * What removing an enterprise would do: the local members that buy a segment's supply only from
 * it, and so would lose every supplier of that segment.
 */
export function removalImpact(view: ChainIndexView, enterpriseId: string): LostSupply[] {
  const itsSegments = view.segmentsOf.get(enterpriseId) ?? [];
  const lost: LostSupply[] = [];
  const customers = new Set((view.suppliesFrom.get(enterpriseId) ?? []).map((s) => s.to));
  for (const memberId of [...customers].sort()) {
    if (!view.localMembers.has(memberId)) continue;
    const suppliers = new Set((view.suppliesInto.get(memberId) ?? []).map((s) => s.from));
    for (const segmentId of itsSegments) {
      const others = [...suppliers].filter(
        (s) => s !== enterpriseId && (view.segmentsOf.get(s) ?? []).includes(segmentId),
      );
      if (others.length === 0) lost.push({ memberId, segmentId });
    }
  }
  return lost;
}
