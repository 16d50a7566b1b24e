import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Size } from '@chain-atlas/seeds/scale';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { dataset, importInTwoSteps, splitNodesAndRelationships } from './datasets';
import { printTable } from './stats';

/**
 * B6: import throughput into the embedded store, as `pnpm run import` does it (read, check,
 * write the segment durably, apply): first the enterprises into an empty store, then every
 * relationship into the store holding them. Rows per second of the whole step, best of 3.
 */

export async function b6(size: Size, scratch: string) {
  const dirs = splitNodesAndRelationships(dataset(size), scratch, 'b6');
  const runs: Awaited<ReturnType<typeof importInTwoSteps>>[] = [];
  for (let run = 0; run < 3; run++) {
    const dataDir = join(scratch, `b6-store-${run}`);
    rmSync(dataDir, { recursive: true, force: true });
    runs.push(await importInTwoSteps(await EmbeddedStore.open(dataDir), dirs));
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
