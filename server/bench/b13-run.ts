import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Size } from '@chain-atlas/seeds/scale';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import type { GraphStore } from '../src/store/port';
import { dataset } from './datasets';
import { agree, check, relationKey } from './scenario';

/**
 * B13 for `pnpm bench -- --only B13`: b13-persistence.ts in a process of its own (it measures
 * heaps and opens in a fresh one), then a check of what it left in `scratch`: the store restarted
 * after the edits holds the same data as the one imported at once, and the store it opened holds
 * the set's rows. Full: its defaults (10,000 edits on the demo data, M, 3 rounds); quick: 200
 * edits, S, 1 round, no SQLite.
 */
export async function b13(scratch: string, { quick = false } = {}) {
  const size: Size = quick ? 'S' : 'M';
  const edits = quick ? '200' : '10000';
  const script = fileURLToPath(new URL('./b13-persistence.ts', import.meta.url));
  const args = ['--edits', edits, '--base', 'demo', '--sizes', size, '--rounds', quick ? '1' : '3'];
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=16384', '--import', 'tsx', script, ...args, '--scratch', scratch],
    { stdio: 'inherit' },
  );
  check('B13', run.status === 0, `b13-persistence.ts ${args.join(' ')} exited ${run.status ?? run.signal}`);
  const results = JSON.parse(readFileSync(join(scratch, 'results.json'), 'utf8')) as {
    edits?: { same: boolean; n: number };
    opens?: { label: string; rows: number }[];
  };
  check(
    'B13',
    results.edits?.same === true,
    'the store restarted after the edits and the one imported at once differ in size',
  );

  // the same data both ways, every enterprise with its relationships and segments
  const demo = await readDataset([DEMO_DATA_DIR]);
  const ids = demo.enterprises.map((e) => e.id);
  const [afterEdits, atOnce] = [
    await contentsOf(join(scratch, 'edits'), ids),
    await contentsOf(join(scratch, 'at-once'), ids),
  ];
  agree('B13', `after ${edits} edits, the restarted store's data and the same imported at once`, afterEdits, atOnce);

  // the store opened holds the set's rows: its enterprises, relationships and memberships
  const rows = await readDataset([dataset(size)]);
  const opened = await EmbeddedStore.open(join(scratch, `open-${size}`), { compaction: false });
  try {
    const rowIds = rows.enterprises.map((e) => e.id);
    const found = await opened.getEnterprises(rowIds);
    const missing = rowIds.filter((_, i) => found[i] === undefined);
    check(
      'B13',
      missing.length === 0,
      `the store opened lacks ${missing.length} enterprises of ${size}, ${missing[0]} first`,
    );
    check(
      'B13',
      opened.size().enterprises === rowIds.length,
      `the store opened holds ${opened.size().enterprises} enterprises, ${size} ${rowIds.length}`,
    );
    const keys = async (kind: 'CONTROLS' | 'SUPPLIES') =>
      (await opened.relationsOf(rowIds, 'out', kind)).flat().map(relationKey).sort();
    const rowKeys = (xs: readonly { from: string; to: string; product?: string }[]) => xs.map(relationKey).sort();
    agree(
      'B13',
      `${size}'s CONTROLS in the store opened and in its rows`,
      await keys('CONTROLS'),
      rowKeys(rows.controls),
    );
    agree(
      'B13',
      `${size}'s SUPPLIES in the store opened and in its rows`,
      await keys('SUPPLIES'),
      rowKeys(rows.supplies),
    );
    const memberships = (await opened.segmentsOf(rowIds)).flatMap((segments, i) =>
      segments.map((s) => `${rowIds[i]}@${s.id}`),
    );
    agree(
      'B13',
      `${size}'s memberships in the store opened and in its rows`,
      memberships.sort(),
      rows.inSegment.map((m) => `${m.enterpriseId}@${m.segmentId}`).sort(),
    );
  } finally {
    await opened.close();
  }
  return results;
}

/** Everything a store holds about these enterprises, through the port, in a stable order. */
async function contentsOf(dir: string, ids: readonly string[]) {
  const store: GraphStore = await EmbeddedStore.open(dir, { compaction: false });
  try {
    return {
      enterprises: await store.getEnterprises(ids),
      controls: await store.relationsOf(ids, 'out', 'CONTROLS'),
      supplies: await store.relationsOf(ids, 'out', 'SUPPLIES'),
      segments: await store.segmentsOf(ids),
      chains: await store.chains(),
    };
  } finally {
    await store.close();
  }
}
