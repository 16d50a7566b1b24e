import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Size } from '@chain-atlas/seeds/scale';
import { importFiles } from '../src/import/importer';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { dataset } from './datasets';
import { printTable } from './stats';

/**
 * B6: import throughput into the embedded store, as `pnpm run import` does it (read, check,
 * write the segment durably, apply): first the enterprises into an empty store, then every
 * relationship into the store holding them. Rows per second of the whole step, best of 3.
 */
const NODE_FILES = [
  'enterprises.jsonl',
  'chains.jsonl',
  'segments.jsonl',
  'feeds.jsonl',
  'leaders.jsonl',
  'leads.jsonl',
];

export async function b6(size: Size, scratch: string) {
  const source = dataset(size);
  const nodesDir = join(scratch, 'b6-nodes');
  const relsDir = join(scratch, 'b6-relationships');
  for (const dir of [nodesDir, relsDir]) mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(source)) {
    copyFileSync(join(source, file), join(NODE_FILES.includes(file) ? nodesDir : relsDir, file));
  }
  const runs: {
    enterprisesPerSecond: number;
    relationshipsPerSecond: number;
    enterprises: number;
    relationships: number;
  }[] = [];
  for (let run = 0; run < 3; run++) {
    const dataDir = join(scratch, `b6-store-${run}`);
    rmSync(dataDir, { recursive: true, force: true });
    const store = await EmbeddedStore.open(dataDir);
    let t = performance.now();
    const nodes = await importFiles(store, { paths: [nodesDir] });
    const nodeSeconds = (performance.now() - t) / 1e3;
    t = performance.now();
    const rels = await importFiles(store, { paths: [relsDir] });
    const relSeconds = (performance.now() - t) / 1e3;
    const enterprises = nodes.counts.enterprises.added;
    const relationships =
      rels.counts.controls.added + rels.counts.supplies.added + rels.counts.inSegment.added + rels.counts.anchors.added;
    runs.push({
      enterprises,
      relationships,
      enterprisesPerSecond: enterprises / nodeSeconds,
      relationshipsPerSecond: relationships / relSeconds,
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
  const best = {
    ...runs[0],
    enterprisesPerSecond: Math.max(...runs.map((r) => r.enterprisesPerSecond)),
    relationshipsPerSecond: Math.max(...runs.map((r) => r.relationshipsPerSecond)),
  };
  console.log(
    `\nB6 import into the embedded store, ${size} (JSON Lines, checked, written durably), best of ${runs.length}`,
  );
  printTable(
    ['step', 'rows', 'rows/s', 'target'],
    [
      ['enterprises', best.enterprises ?? 0, Math.round(best.enterprisesPerSecond).toLocaleString('en'), '≥ 60,000'],
      [
        'relationships',
        best.relationships ?? 0,
        Math.round(best.relationshipsPerSecond).toLocaleString('en'),
        '≥ 50,000',
      ],
    ],
  );
  return { runs, best };
}
