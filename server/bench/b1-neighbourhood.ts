import { Random } from '@chain-atlas/seeds/random';
import type { Size } from '@chain-atlas/seeds/scale';
import { MultiDirectedGraph } from 'graphology';
import { readDataset } from '../src/import/importer';
import { MemoryStore } from '../src/store/memory/memory-store';
import { dataset } from './datasets';
import { check, relationKey } from './scenario';
import { ms, printTable, type Timing, timeEach, timeEachAsync } from './stats';

/**
 * B1: the embedded store's neighbourhood at 1, 2 and 3 hops against a plain graphology
 * breadth-first search doing the same work (both directions, the same limit, the relationships
 * among the enterprises reached) on the same graph and start nodes, in the same run. Where the
 * limit cuts neither, both must reach the same enterprises and relationships. Quick: 30 start
 * nodes, one timed round.
 */
const LIMITS = [200, 5000]; // the API's default, and its maximum
const STARTS = 300;

export async function b1(size: Size, { quick = false } = {}) {
  const data = await readDataset([dataset(size)]);
  const store = new MemoryStore(data);
  const plain = new MultiDirectedGraph();
  for (const e of data.enterprises) plain.addNode(e.id, e);
  for (const r of data.controls) plain.addEdge(r.from, r.to, r);
  for (const r of data.supplies) plain.addEdge(r.from, r.to, r);
  const random = new Random(1);
  const starts = random.sample(
    data.enterprises.map((e) => e.id),
    quick ? 30 : STARTS,
  );
  const rounds = quick ? 1 : 3;
  const rows = [];
  const results: Record<string, { store: Timing; graphology: Timing; ratio: number; meanNodes: number }> = {};
  for (const limit of LIMITS) {
    for (const depth of [1, 2, 3]) {
      await sameAnswers(store, plain, starts, depth, limit);
      let nodes = 0;
      const ours = await timeEachAsync(
        starts,
        async (id) => {
          const n = await store.neighbourhood(id, { depth, kinds: ['CONTROLS', 'SUPPLIES'], limit });
          nodes += n?.nodes.length ?? 0;
        },
        rounds,
      );
      const theirs = timeEach(starts, (id) => plainNeighbourhood(plain, id, depth, limit), rounds);
      const ratio = ours.p50 / theirs.p50;
      const meanNodes = Math.round(nodes / ((rounds + 1) * starts.length));
      results[`limit${limit}-depth${depth}`] = { store: ours, graphology: theirs, ratio, meanNodes };
      const hops = `${depth} hop${depth > 1 ? 's' : ''}`;
      rows.push([limit, hops, meanNodes, ms(ours.p50), ms(ours.p95), ms(theirs.p50), ms(theirs.p95), ratio.toFixed(2)]);
    }
  }
  const count = data.enterprises.length.toLocaleString('en');
  console.log(`\nB1 neighbourhood on ${size} (${count} enterprises, ${starts.length} start nodes), ms`);
  const headers = [
    'limit',
    'depth',
    'mean nodes',
    'store p50',
    'store p95',
    'graphology p50',
    'graphology p95',
    'ratio p50',
  ];
  printTable(headers, rows);
  return results;
}

/**
 * The store and the baseline reach the same enterprises and relationships from every start whose
 * neighbourhood the limit does not cut (where it does, the store keeps the smallest ids of the last
 * hop and the baseline the first it meets). Throws, naming the start, when they differ.
 */
async function sameAnswers(
  store: MemoryStore,
  plain: MultiDirectedGraph,
  starts: readonly string[],
  depth: number,
  limit: number,
) {
  let compared = 0;
  for (const id of starts) {
    const n = await store.neighbourhood(id, { depth, kinds: ['CONTROLS', 'SUPPLIES'], limit });
    if (!n || n.truncated || n.nodes.length >= limit) continue;
    const p = plainNeighbourhood(plain, id, depth, limit);
    const ids = (xs: readonly { id: string }[]) => xs.map((e) => e.id).sort();
    const keys = (xs: readonly { from: string; to: string; product?: string }[]) => xs.map(relationKey).sort();
    const where = `limit ${limit}, depth ${depth}, from ${id}`;
    check('B1', ids(n.nodes).join() === ids(p.nodes as { id: string }[]).join(), `the enterprises differ (${where})`);
    check('B1', keys(n.edges).join() === keys(p.edges as never).join(), `the relationships differ (${where})`);
    compared++;
  }
  check('B1', compared > 0, `no start at limit ${limit}, depth ${depth} had a neighbourhood to compare`);
}

/**
 * A plain graphology BFS: every neighbour either way, stopping at `limit` nodes, then the
 * relationships among them by scanning each node's out-edges.
 */
function plainNeighbourhood(g: MultiDirectedGraph, start: string, depth: number, limit: number) {
  const seen = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let hop = 1; hop <= depth && frontier.length > 0 && seen.size < limit; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      const full = g.someNeighbor(node, (other) => {
        if (seen.has(other)) return false;
        if (seen.size >= limit) return true;
        seen.set(other, hop);
        next.push(other);
        return false;
      });
      if (full) break;
    }
    frontier = next;
  }
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (const id of seen.keys()) {
    nodes.push(g.getNodeAttributes(id));
    g.forEachOutEdge(id, (_e, attrs, _s, target) => {
      if (seen.has(target)) edges.push(attrs);
    });
  }
  return { nodes, edges };
}
