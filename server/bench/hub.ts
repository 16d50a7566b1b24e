import type { MemoryStore } from '../src/store/memory/memory-store';
import type { GraphStore } from '../src/store/port';

/** The enterprise with the most relationships: its 3-hop neighbourhood reaches far. */
export async function busiest(store: MemoryStore): Promise<string> {
  let best = '';
  let degree = -1;
  store.graph.forEachNode((id) => {
    const d = store.graph.degree(id);
    if (d > degree) [best, degree] = [id, d];
  });
  return best;
}

/** The neighbourhood limit whose nodes and relationships come closest to `target` elements. */
export async function limitFor(store: GraphStore, id: string, target: number): Promise<number> {
  let [lo, hi] = [1, 5000];
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const n = await store.neighbourhood(id, { depth: 3, kinds: ['CONTROLS', 'SUPPLIES'], limit: mid });
    if ((n?.nodes.length ?? 0) + (n?.edges.length ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
