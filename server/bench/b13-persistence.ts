/**
 * B13: the embedded store's persistence, side by side in one run.
 *
 * 1. Restart after N single edits made through the curator (as the server makes them: each a
 *    commit of its own) against a restart of the same data imported at once.
 * 2. Opening a big data set against a plain read of the same rows (the data set's JSON Lines
 *    files, read a line at a time and parsed, nothing built; and the same of the store's own files).
 * 3. With --sqlite DIR (a folder where better-sqlite3 is installed): the same rows kept in SQLite
 *    (one table, a row's key and its JSON, WAL, synchronous=FULL): writing them at once, reading
 *    them all back, and N single-row commits, against the data directory doing the same.
 *
 * node --max-old-space-size=16384 --import tsx server/bench/b13-persistence.ts
 *   [--edits 10000] [--base demo|S] [--sizes M[,L]] [--open DIR] [--sqlite DIR] [--skip-edits] [--rounds 3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Size } from '@chain-atlas/seeds/scale';
import type { Caller } from '../src/auth/roles';
import { Curator } from '../src/curation/curator';
import type { Dataset, Supplies } from '../src/domain/model';
import { importFiles, readDataset } from '../src/import/importer';
import { jsonlFile, KINDS, toJsonLines } from '../src/interchange/format';
import { readLineBatches } from '../src/interchange/sources/lines';
import { DEMO_DATA_DIR } from '../src/paths';
import { DataDir } from '../src/store/embedded/data-dir';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { keyOf } from '../src/store/embedded/fold';
import { emptyDataset } from '../src/store/port';
import { plainRead, type STEPS, type Step } from './b13-steps';
import { dataset } from './datasets';
import { printTable } from './stats';

const { values } = parseArgs({
  options: {
    edits: { type: 'string', default: '10000' },
    base: { type: 'string', default: 'demo' },
    sizes: { type: 'string', default: 'M' },
    open: { type: 'string' },
    sqlite: { type: 'string' },
    'skip-edits': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    scratch: { type: 'string', default: join(process.cwd(), 'data', 'bench', 'b13') },
  },
});
const scratch = values.scratch as string;
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const caller: Caller = { name: 'bench', role: 'editor', authenticated: true };
const ms = (t: number) => performance.now() - t;
/** CPU time (user and system, every thread) since `c`, ms: steadier than the clock on a shared host. */
const cpuMs = (c: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1e3;
};
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(x >= 10 ? 1 : 2));
type SqliteDb = {
  pragma(s: string): unknown;
  exec(s: string): void;
  prepare(s: string): { run(...a: unknown[]): void; raw(b: boolean): { iterate(): Iterable<unknown[]> } };
  transaction(fn: () => void): () => void;
  close(): void;
};
const Sqlite = values.sqlite
  ? (createRequire(join(values.sqlite, 'noop.js'))('better-sqlite3') as new (
      file: string,
    ) => SqliteDb)
  : undefined;
const results: Record<string, unknown> = {};

/** Rows of a dataset by kind, in the store's kind order, for the SQLite side. */
function* rowsOf(data: Dataset): Iterable<[string, string, object]> {
  for (const kind of KINDS) for (const row of data[kind] as object[]) yield [kind, keyOf(kind, row), row];
}

async function timeOpen(dir: string): Promise<{ ms: number; cpu: number; store: EmbeddedStore }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const store = await EmbeddedStore.open(dir, { compaction: false });
  return { ms: ms(t), cpu: cpuMs(c), store };
}

async function medianOpen(dir: string, times = 3): Promise<{ ms: number; size: ReturnType<EmbeddedStore['size']> }> {
  const all: number[] = [];
  let size = { enterprises: 0, relationships: 0 };
  for (let i = 0; i < times; i++) {
    const { ms: t, store } = await timeOpen(dir);
    all.push(t);
    size = store.size();
  }
  all.sort((a, b) => a - b);
  return { ms: all[Math.floor(all.length / 2)] as number, size };
}

const segmentCount = (dir: string) => new DataDir(dir).readManifest()?.segments.length ?? 0;

// ---------------------------------------------------------------- 1. restart after N edits
if (!values['skip-edits']) {
  const n = Number(values.edits);
  const baseDir = values.base === 'demo' ? DEMO_DATA_DIR : dataset(values.base as Size);
  const base = await readDataset([baseDir]);
  const ids = base.enterprises.map((e) => e.id);
  const editsDir = join(scratch, 'edits');
  let store = await EmbeddedStore.open(editsDir);
  await importFiles(store, { paths: [baseDir] });
  const curator = new Curator(store);
  const revenue = new Map<string, number>();
  const added: Supplies[] = [];
  const removed = new Set<string>();
  const perEdit: number[] = [];
  const started = performance.now();
  let supply = 0;
  let taken = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const id = ids[(i * 7919) % ids.length] as string;
    if (i % 4 < 2) {
      await curator.updateEnterprise(caller, id, { revenue: 1000 + i });
      revenue.set(id, 1000 + i);
    } else if (i % 4 === 2) {
      const to = ids[(i * 104729 + 1) % ids.length] as string;
      if (to === id) continue;
      const row = { from: id, to, product: `bench product ${i}`, source: 'bench', confidence: 1 };
      await curator.addRelationship(caller, { kind: 'SUPPLIES', ...row });
      added.push(row);
    } else {
      // take out a relationship of the base, a different one each time; once none is left, the
      // oldest one added here
      const s = supply < base.supplies.length ? (base.supplies[supply++] as Supplies) : (added[taken++] as Supplies);
      await curator.removeRelationship(caller, { kind: 'SUPPLIES', from: s.from, to: s.to, product: s.product });
      removed.add(keyOf('supplies', s));
    }
    perEdit.push(ms(t));
    // each edit is a request of its own: the event loop turns between them, as in the server
    await new Promise((resolve) => setImmediate(resolve));
  }
  const editSeconds = ms(started) / 1e3;
  const segmentsBeforeClose = segmentCount(editsDir);
  await store.settled(); // a compaction under way ends (close() would stop it)
  await store.close();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const first = mean(perEdit.slice(0, 500));
  const last = mean(perEdit.slice(-500));

  // the same data, imported at once
  const final = emptyDataset();
  Object.assign(final, base);
  final.enterprises = base.enterprises.map((e) =>
    revenue.has(e.id) ? { ...e, revenue: revenue.get(e.id) as number } : e,
  );
  final.supplies = [...base.supplies, ...added].filter((s) => !removed.has(keyOf('supplies', s)));
  const finalFiles = join(scratch, 'final-files');
  mkdirSync(finalFiles, { recursive: true });
  for (const [file, text] of toJsonLines(final)) if (text) writeFileSync(join(finalFiles, file), text);
  const onceDir = join(scratch, 'at-once');
  store = await EmbeddedStore.open(onceDir);
  await importFiles(store, { paths: [finalFiles] });
  await store.close();

  // 5 warm-up opens of each, then 15 of the two in turn, so that neither gains from the other's warm-up
  const rounds: { a: Awaited<ReturnType<typeof medianOpen>>; b: Awaited<ReturnType<typeof medianOpen>> }[] = [];
  for (let i = 0; i < 20; i++) rounds.push({ a: await medianOpen(editsDir, 1), b: await medianOpen(onceDir, 1) });
  rounds.splice(0, 5);
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  const afterEdits = { ms: median(rounds.map((r) => r.a.ms)), size: (rounds[0] as (typeof rounds)[0]).a.size };
  const atOnce = { ms: median(rounds.map((r) => r.b.ms)), size: (rounds[0] as (typeof rounds)[0]).b.size };
  const same =
    afterEdits.size.enterprises === atOnce.size.enterprises &&
    afterEdits.size.relationships === atOnce.size.relationships;
  console.log(
    `\nB13.1 restart after ${n.toLocaleString('en')} single edits through the curator (${values.base} base: ` +
      `${ids.length.toLocaleString('en')} enterprises), vs the same data imported at once; median of 15 opens each, in turn, after 5 to warm up, ms`,
  );
  printTable(
    ['store', 'segments', 'restart ms', 'ratio', 'target'],
    [
      ['after the edits', segmentCount(editsDir), fmt(afterEdits.ms), (afterEdits.ms / atOnce.ms).toFixed(2), '≤ 2'],
      ['imported at once', segmentCount(onceDir), fmt(atOnce.ms), '1', ''],
    ],
  );
  console.log(
    `  edits: ${editSeconds.toFixed(1)} s in all; mean ms an edit, first 500: ${fmt(first)}, last 500: ${fmt(last)}; ` +
      `segments when the last edit returned: ${segmentsBeforeClose}; same size both ways: ${same} ` +
      `(${afterEdits.size.enterprises} enterprises, ${afterEdits.size.relationships} relationships)`,
  );
  results.edits = {
    n,
    base: values.base,
    editSeconds,
    firstMs: first,
    lastMs: last,
    restartAfterEditsMs: afterEdits.ms,
    restartAtOnceMs: atOnce.ms,
    segments: segmentCount(editsDir),
    same,
  };
}

// ---------------------------------------------------------------- 2. open vs a plain read
const STEP_SCRIPT = fileURLToPath(new URL('./b13-steps.ts', import.meta.url));

/** One of B13.2's steps (b13-steps.ts) in a fresh process: nothing left by the one before it. */
function step(name: keyof typeof STEPS, dir: string): Step {
  const run = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', STEP_SCRIPT, name, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`B13 step ${name} ${dir} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Step;
}

async function openVsRead(label: string, dir: string, files?: string) {
  const reads: { ms: number; cpu: number }[] = [];
  const storeReads: { ms: number; cpu: number }[] = [];
  const graphs: { ms: number; cpu: number }[] = [];
  const opened: { ms: number; cpu: number }[] = [];
  let rows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const stored = step('read', dir);
    storeReads.push(stored);
    const read = files ? step('read-files', files) : stored;
    rows = read.rows;
    reads.push(read);
    graphs.push(step('graph', dir));
    opened.push(step('open', dir));
  }
  const best = (xs: { ms: number; cpu: number }[], k: 'ms' | 'cpu') => Math.min(...xs.map((x) => x[k]));
  const [readMs, graphMs, openMs] = [reads, graphs, opened].map((xs) => best(xs, 'ms')) as [number, number, number];
  const [readCpu, graphCpu, openCpu] = [reads, graphs, opened].map((xs) => best(xs, 'cpu')) as [number, number, number];
  return {
    label,
    rows,
    storeReadMs: best(storeReads, 'ms'),
    storeReadCpu: best(storeReads, 'cpu'),
    readMs,
    graphMs,
    openMs,
    ratio: openMs / readMs,
    readCpu,
    graphCpu,
    openCpu,
    cpuRatio: openCpu / readCpu,
    segments: segmentCount(dir),
  };
}

/** Rounds of B13.2 (each a plain read, a plain graph and an open); the best of them is kept. */
const ROUNDS = Number(values.rounds);

/**
 * A generated data set's rows as they are, without the importer's checks (at L the importer
 * runs out of stack on its warnings: `warnings.push(...roundWarnings)` in readChecked).
 */
async function rawRows(dir: string): Promise<Dataset> {
  const data = emptyDataset();
  for (const kind of KINDS) {
    const file = join(dir, jsonlFile(kind));
    if (!existsSync(file)) continue;
    const rows = data[kind] as unknown[];
    for await (const { lines } of readLineBatches(file))
      for (const line of lines) if (line) rows.push(JSON.parse(line));
  }
  return data;
}

const opens: Awaited<ReturnType<typeof openVsRead>>[] = [];
const imports: { size: string; rows: number; seconds: number }[] = [];
for (const size of (values.sizes as string).split(',').filter(Boolean)) {
  const dir = join(scratch, `open-${size}`);
  let rows: Dataset | undefined = await rawRows(dataset(size as Size));
  const count = KINDS.reduce((a, k) => a + (rows as Dataset)[k].length, 0);
  let store: EmbeddedStore | undefined = await EmbeddedStore.open(dir, { compaction: false });
  const t = performance.now();
  await store.commit(rows, `rows of ${size}`);
  imports.push({ size, rows: count, seconds: ms(t) / 1e3 });
  rows = undefined;
  store = undefined;
  opens.push(await openVsRead(size, dir, dataset(size as Size)));
}
if (values.open) opens.push(await openVsRead(values.open, values.open));
if (opens.length > 0) {
  console.log(
    `\nB13.2 opening the store vs a plain read of the same rows (the set's JSON Lines files, parsed), and vs reading them into a plain graphology graph; best of ${ROUNDS}, ms of the clock and of CPU time`,
  );
  printTable(
    [
      'set',
      'segments',
      'rows',
      'plain read',
      'read + plain graph',
      'open',
      'open ÷ read',
      'target',
      'open ÷ read + graph',
      'CPU: read',
      'graph',
      'open',
      'open ÷ read',
    ],
    opens.map((o) => [
      o.label,
      o.segments,
      o.rows,
      fmt(o.readMs),
      fmt(o.graphMs),
      fmt(o.openMs),
      o.ratio.toFixed(2),
      '≤ 2',
      (o.openMs / o.graphMs).toFixed(2),
      fmt(o.readCpu),
      fmt(o.graphCpu),
      fmt(o.openCpu),
      o.cpuRatio.toFixed(2),
    ]),
  );
  console.log(
    "  plain read: the set's rows in the interchange form (its JSON Lines files, ends by id); of the store's own files:",
  );
  for (const o of opens)
    console.log(
      `  ${o.label}: plain read of the store's files ${fmt(o.storeReadMs)} ms, ${fmt(o.storeReadCpu)} ms of CPU; ` +
        `open ÷ that ${(o.openMs / o.storeReadMs).toFixed(2)}, CPU ${(o.openCpu / o.storeReadCpu).toFixed(2)}`,
    );
  for (const i of imports)
    console.log(
      `  ${i.size} committed into an empty data directory (plan, segment written and synced, applied; no import checks): ` +
        `${i.rows.toLocaleString('en')} rows in ${i.seconds.toFixed(1)} s, ` +
        `${Math.round(i.rows / i.seconds).toLocaleString('en')} rows/s`,
    );
  results.opens = opens;
  results.imports = imports;
}

// ---------------------------------------------------------------- 3. SQLite, side by side
if (Sqlite) {
  const source = opens[0];
  const rows: Dataset = source ? await rawRows(dataset(source.label as Size)) : emptyDataset();
  const all = [...rowsOf(rows)];
  const db = new Sqlite(join(scratch, 'rows.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE rows (kind TEXT NOT NULL, key TEXT NOT NULL, row TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID',
  );
  const upsert = db.prepare(
    'INSERT INTO rows (kind, key, row) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET row = excluded.row',
  );
  let t = performance.now();
  db.transaction(() => {
    for (const [kind, key, row] of all) upsert.run(kind, key, JSON.stringify(row));
  })();
  const sqliteWrite = ms(t);
  // the data directory writing the same rows as one segment (JSON Lines, fsync)
  const segDir = join(scratch, 'segment-write');
  t = performance.now();
  await new DataDir(segDir).append(rows, 'bench');
  const segmentWrite = ms(t);
  t = performance.now();
  let n = 0;
  for (const [row] of db.prepare('SELECT row FROM rows').raw(true).iterate()) n += JSON.parse(row as string) ? 1 : 0;
  const sqliteRead = ms(t);
  const segRead = await plainRead(segDir);
  // single-row commits, as a curator's edits
  const edits = Math.min(Number(values.edits), 2000);
  const one = (rows.enterprises[0] ?? { id: 'x', name: 'x' }) as object;
  t = performance.now();
  for (let i = 0; i < edits; i++) {
    db.transaction(() => upsert.run('enterprises', `edit-${i}`, JSON.stringify({ ...one, id: `edit-${i}` })))();
  }
  const sqliteEdit = ms(t) / edits;
  const editDir = new DataDir(join(scratch, 'segment-edits'));
  t = performance.now();
  for (let i = 0; i < edits; i++) {
    const data = emptyDataset();
    data.enterprises.push({ ...(one as Dataset['enterprises'][number]), id: `edit-${i}` });
    const release = editDir.lock();
    try {
      await editDir.append(data, 'bench');
    } finally {
      release();
    }
    // the store compacts once 16 segments follow the first; here in line, so its cost is counted
    if (i % 16 === 15 && typeof editDir.prepareCompaction === 'function') {
      const prepared = await editDir.prepareCompaction();
      if (prepared) {
        const unlock = editDir.lock();
        const installed = editDir.installCompaction(prepared);
        unlock();
        if (installed) editDir.dropSegments(installed.dropped);
      }
    }
  }
  const segmentEdit = ms(t) / edits;
  db.close();
  console.log(
    `\nB13.3 persistence alone, SQLite (better-sqlite3, WAL, synchronous=FULL) vs the data directory; ${source?.label ?? '-'}`,
  );
  printTable(
    ['step', 'SQLite', 'data directory', 'SQLite ÷ data directory'],
    [
      [
        `write ${all.length.toLocaleString('en')} rows at once, ms`,
        fmt(sqliteWrite),
        fmt(segmentWrite),
        (sqliteWrite / segmentWrite).toFixed(2),
      ],
      [`read them all back and parse, ms`, fmt(sqliteRead), fmt(segRead.ms), (sqliteRead / segRead.ms).toFixed(2)],
      [
        `one-row commit (mean of ${edits}; data directory: compacted every 16 when it can), ms`,
        fmt(sqliteEdit),
        fmt(segmentEdit),
        (sqliteEdit / segmentEdit).toFixed(2),
      ],
    ],
  );
  console.log(
    `  rows read back: SQLite ${n.toLocaleString('en')}, data directory ${segRead.rows.toLocaleString('en')}`,
  );
  results.sqlite = {
    rows: all.length,
    sqliteWrite,
    segmentWrite,
    sqliteRead,
    segmentRead: segRead.ms,
    sqliteEdit,
    segmentEdit,
  };
}

writeFileSync(join(scratch, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
