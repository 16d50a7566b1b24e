import { MultiDirectedGraph } from 'graphology';
import type { Dataset } from '../src/domain/model';

/**
 * The benchmarks' plain graphology graph of a data set's rows (B11, B13): enterprises as nodes,
 * CONTROLS and SUPPLIES as edges, memberships and anchors as edges to segment and chain nodes,
 * each holding its row; nothing derived. Adds the rows to `g` (a new graph when none is given).
 */
export function graphologyOf(data: Dataset, g: MultiDirectedGraph = new MultiDirectedGraph()): MultiDirectedGraph {
  for (const e of data.enterprises) g.addNode(e.id, e);
  for (const s of data.segments) g.addNode(`segment:${s.id}`, s);
  for (const c of data.chains) g.addNode(`chain:${c.id}`, c);
  for (const r of data.controls) g.addEdge(r.from, r.to, r);
  for (const r of data.supplies) g.addEdge(r.from, r.to, r);
  for (const r of data.inSegment) g.addEdge(r.enterpriseId, `segment:${r.segmentId}`, r);
  for (const r of data.anchors) g.addEdge(r.enterpriseId, `chain:${r.chainId}`, r);
  return g;
}
