/**
 * Run in a child process with --expose-gc: builds one structure from a data set and prints its
 * heap size as JSON. `store`: the embedded store's graph; `graphology`: a plain graphology graph
 * holding the same nodes, relationships and memberships, as parsed.
 */
import { MultiDirectedGraph } from 'graphology';
import { readDataset } from '../src/import/importer';
import { MemoryStore } from '../src/store/memory/memory-store';

const [what, dir] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !dir || (what !== 'store' && what !== 'graphology')) {
  console.error('usage: node --expose-gc --import tsx memory-probe.ts store|graphology <dataset dir>');
  process.exit(2);
}
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const before = heap();
let data: Awaited<ReturnType<typeof readDataset>> | undefined = await readDataset([dir]);
const relationships = data.controls.length + data.supplies.length + data.inSegment.length + data.anchors.length;
let kept: unknown;
if (what === 'store') {
  kept = new MemoryStore(data);
} else {
  const g = new MultiDirectedGraph();
  for (const e of data.enterprises) g.addNode(e.id, e);
  for (const s of data.segments) g.addNode(`segment:${s.id}`, s);
  for (const c of data.chains) g.addNode(`chain:${c.id}`, c);
  for (const r of data.controls) g.addEdge(r.from, r.to, r);
  for (const r of data.supplies) g.addEdge(r.from, r.to, r);
  for (const r of data.inSegment) g.addEdge(r.enterpriseId, `segment:${r.segmentId}`, r);
  for (const r of data.anchors) g.addEdge(r.enterpriseId, `chain:${r.chainId}`, r);
  kept = g;
}
data = undefined;
const bytes = heap() - before;
console.log(JSON.stringify({ what, bytes, relationships, kept: kept !== undefined }));
