import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Size } from '@chain-atlas/seeds/scale';
import { dataset } from './datasets';
import { printTable } from './stats';

/**
 * B11: heap bytes per relationship of the embedded store's graph against a plain graphology
 * graph holding the same nodes and relationships, each built in a fresh process and measured
 * after a full garbage collection.
 */
const PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

interface Probe {
  bytes: number;
  relationships: number;
}

function probe(what: 'store' | 'graphology', dir: string): Probe {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', PROBE, what, dir],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`memory probe ${what} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Probe;
}

export function b11(sizes: readonly Size[]) {
  const results: Record<string, { store: number; graphology: number; ratio: number; relationships: number }> = {};
  const rows = [];
  for (const size of sizes) {
    const dir = dataset(size);
    const ours = probe('store', dir);
    const theirs = probe('graphology', dir);
    const store = ours.bytes / ours.relationships;
    const graphology = theirs.bytes / theirs.relationships;
    results[size] = { store, graphology, ratio: store / graphology, relationships: ours.relationships };
    rows.push([
      size,
      ours.relationships.toLocaleString('en'),
      `${(ours.bytes / 2 ** 20).toFixed(0)} MiB`,
      Math.round(store),
      `${(theirs.bytes / 2 ** 20).toFixed(0)} MiB`,
      Math.round(graphology),
      (store / graphology).toFixed(2),
    ]);
  }
  console.log('\nB11 heap per relationship (controls, supplies, segment memberships, anchors)');
  printTable(
    ['set', 'relationships', 'store heap', 'store B/rel', 'graphology heap', 'graphology B/rel', 'ratio'],
    rows,
  );
  return results;
}
