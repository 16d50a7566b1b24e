import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Size } from '@chain-atlas/seeds/scale';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { dataset, importInTwoSteps, splitNodesAndRelationships } from './datasets';
import { check } from './scenario';
import { printTable } from './stats';

/**
 * B6: import throughput into the embedded store, as `pnpm run import` does it (read, check,
 * write the segment durably, apply): first the enterprises into an empty store, then every
 * relationship into the store holding them. Rows per second of the whole step, best of 3 (quick:
 * one run). Every run must take in every row of the set's files.
 */

export async function b6(size: Size, scratch: string, { quick = false } = {}) {
  const source = dataset(size);
  const dirs = splitNodesAndRelationships(source, scratch, 'b6');
  const expected = {
    enterprises: lines(join(source, 'enterprises.jsonl')),
    relationships: ['controls', 'supplies', 'in_segment', 'anchors']
      .map((kind) => lines(join(source, `${kind}.jsonl`)))
      .reduce((a, b) => a + b, 0),
  };
  const runs: Awaited<ReturnType<typeof importInTwoSteps>>[] = [];
  for (let run = 0; run < (quick ? 1 : 3); run++) {
    const dataDir = join(scratch, `b6-store-${run}`);
    rmSync(dataDir, { recursive: true, force: true });
    runs.push(await importInTwoSteps(await EmbeddedStore.open(dataDir), dirs));
    rmSync(dataDir, { recursive: true, force: true });
    const got = runs[run] as (typeof runs)[number];
    const said = `run ${run + 1} took in ${got.enterprises} enterprises and ${got.relationships} relationships`;
    check(
      'B6',
      got.enterprises === expected.enterprises && got.relationships === expected.relationships,
      `${said}; the set's files hold ${expected.enterprises} and ${expected.relationships}`,
    );
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

/** The rows of a JSON Lines file: its lines that are not blank. */
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length;
