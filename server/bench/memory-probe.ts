/**
 * Run in a child process with --expose-gc: builds one structure from a data set and prints its
 * heap size as JSON. `store`: the embedded store's graph; `graphology`: a plain graphology graph
 * holding the same nodes, relationships and memberships, as parsed.
 */
import { readDataset } from '../src/import/importer';
import { MemoryStore } from '../src/store/memory/memory-store';
import { graphologyOf } from './graphology-baseline';

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
  const g = graphologyOf(data);
  kept = g;
}
data = undefined;
const bytes = heap() - before;
console.log(JSON.stringify({ what, bytes, relationships, kept: kept !== undefined }));
