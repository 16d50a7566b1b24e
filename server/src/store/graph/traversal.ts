import { compareIds } from '../../domain/compare';
import type {
  EnterprisePath,
  EnterpriseRecord,
  Neighbourhood,
  NeighbourhoodOptions,
  PathOptions,
  Relation,
} from '../port';
import type { EnterpriseGraph } from './enterprise-graph';

/**
 * Breadth-first over the chosen kinds, both directions, up to `limit` enterprises. When the limit
 * cuts a hop short, the enterprises of the smallest ids at that distance are kept (as on Neo4j,
 * cypher/queries/neighbourhood-hop.cypher), and `truncated` says that more were within reach.
 */
export function neighbourhoodOf(graph: EnterpriseGraph, centre: string, options: NeighbourhoodOptions): Neighbourhood {
  const all = options.kinds.length === 2;
  const kinds = new Set<string>(options.kinds);
  const distance = new Map<string, number>([[centre, 0]]);
  let frontier = [centre];
  let truncated = false;
  for (let hop = 1; hop <= options.depth && frontier.length > 0 && !truncated; hop++) {
    // every enterprise one step further, each node's relationships in, then out
    const found = new Set<string>();
    const reach = (r: Relation, other: string) => {
      if ((all || kinds.has(r.kind)) && !distance.has(other)) found.add(other);
    };
    for (const node of frontier) {
      for (const r of graph.in(node)) reach(r, r.from);
      for (const r of graph.out(node)) reach(r, r.to);
    }
    let next = [...found];
    const room = options.limit - distance.size;
    if (next.length > room) {
      truncated = true;
      next = next.sort(compareIds).slice(0, room);
    }
    for (const id of next) distance.set(id, hop);
    frontier = next;
  }
  const nodes: EnterpriseRecord[] = [];
  const distances: number[] = [];
  const edges: Relation[] = [];
  const keep = (r: Relation) => {
    if (all || kinds.has(r.kind)) edges.push(r);
  };
  // The relationships among the enterprises reached: scan a node's out-edges, or, for a hub
  // with more out-edges than all those into the enterprises here, those into each of them instead.
  let into = 0;
  for (const id of distance.keys()) into += graph.inDegree(id);
  for (const [id, d] of distance) {
    nodes.push(graph.record(id));
    distances.push(d);
    const out = graph.out(id);
    if (out.length <= into) {
      for (const r of out) if (distance.has(r.to)) keep(r);
    } else {
      for (const target of distance.keys()) for (const r of graph.in(target)) if (r.from === id) keep(r);
    }
  }
  return { centreId: centre, nodes, distances, edges, truncated };
}

/** One side of a bidirectional search: distance and the ways in of every node reached. */
interface Side {
  distance: Map<string, number>;
  /** node → the (neighbour one step nearer this side's start, relationship) pairs. */
  via: Map<string, { node: string; relation: Relation }[]>;
  frontier: string[];
  level: number;
}

const side = (start: string): Side => ({
  distance: new Map([[start, 0]]),
  via: new Map(),
  frontier: [start],
  level: 0,
});

/**
 * Every shortest path between two enterprises (up to `limit`), over the chosen kinds, either
 * direction: a bidirectional breadth-first search that grows the smaller frontier a whole level
 * at a time. When the two searches first meet at levels a and b, every shortest path has length
 * a + b and crosses exactly one meeting node at distance a from the side that just grew.
 */
export function shortestPathsOf(
  graph: EnterpriseGraph,
  from: string,
  to: string,
  options: PathOptions,
): EnterprisePath[] {
  if (from === to) return [{ nodeIds: [from], relations: [] }];
  const kinds = new Set<string>(options.kinds);
  const a = side(from);
  const b = side(to);
  while (a.level + b.level < options.maxHops && a.frontier.length > 0 && b.frontier.length > 0) {
    const [grow, other] = a.frontier.length <= b.frontier.length ? [a, b] : [b, a];
    grow.level++;
    const next: string[] = [];
    const step = (node: string, relation: Relation, n: string) => {
      if (!kinds.has(relation.kind)) return;
      const d = grow.distance.get(n);
      if (d === undefined) {
        grow.distance.set(n, grow.level);
        grow.via.set(n, [{ node, relation }]);
        next.push(n);
      } else if (d === grow.level) grow.via.get(n)?.push({ node, relation });
    };
    for (const node of grow.frontier) {
      for (const r of graph.in(node)) step(node, r, r.from);
      for (const r of graph.out(node)) step(node, r, r.to);
    }
    grow.frontier = next;
    const meeting = next.filter((n) => other.distance.has(n));
    if (meeting.length > 0) return joinPaths(meeting, grow === a ? [a, b] : [b, a], from, options.limit);
  }
  return [];
}

/** Paths from the start of `ends[0]` through each meeting node to the start of `ends[1]`. */
function joinPaths(meeting: string[], [near, far]: [Side, Side], from: string, limit: number): EnterprisePath[] {
  const out: EnterprisePath[] = [];
  for (const m of meeting) {
    for (const head of walkBack(near, m, limit - out.length)) {
      for (const tail of walkBack(far, m, limit - out.length)) {
        const nodeIds = [...head.nodeIds, ...tail.nodeIds.slice(0, -1).reverse()];
        const relations = [...head.relations, ...[...tail.relations].reverse()];
        // `near` may be the side that started at the far end: orient every path from `from`
        out.push(
          nodeIds[0] === from ? { nodeIds, relations } : { nodeIds: nodeIds.reverse(), relations: relations.reverse() },
        );
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

/** The paths from a side's start to `node`, start first, at most `limit`. */
function walkBack(s: Side, node: string, limit: number): EnterprisePath[] {
  const ways = s.via.get(node);
  if (!ways) return [{ nodeIds: [node], relations: [] }];
  const out: EnterprisePath[] = [];
  for (const { node: prev, relation } of ways) {
    for (const p of walkBack(s, prev, limit - out.length)) {
      out.push({ nodeIds: [...p.nodeIds, node], relations: [...p.relations, relation] });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
