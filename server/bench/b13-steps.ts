/**
 * B13.2's steps, each run in a process of its own (b13-persistence.ts starts them): a plain read
 * of a data directory's rows or of a data set's files, the same rows in a plain graphology graph,
 * and opening the embedded store. A step in the same process as the one before it paid for that
 * one's garbage: a graphology graph of L left gigabytes for the open after it to sweep, and the
 * open took 39 s of CPU instead of 19 (2026-12-07).
 *
 * node --max-old-space-size=16384 --import tsx server/bench/b13-steps.ts read|read-files|graph|open <dir>
 * prints {"ms", "cpu", "rows"} as its last line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { jsonlFile, KINDS } from '../src/interchange/format';
import { readLineBatches } from '../src/interchange/sources/lines';
import { DataDir } from '../src/store/embedded/data-dir';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { graphologyOf } from './graphology-baseline';

export interface Step {
  ms: number;
  cpu: number;
  rows: number;
}

const ms = (t: number) => performance.now() - t;
/** CPU time (user and system, every thread) since `c`, ms: steadier than the clock on a shared host. */
const cpuMs = (c: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1e3;
};

/** The rows of a data directory's segments, read a line at a time and parsed, nothing built. */
export async function plainRead(dir: string): Promise<Step> {
  const manifest = new DataDir(dir).readManifest();
  const t = performance.now();
  const c = process.cpuUsage();
  let rows = 0;
  for (const s of manifest?.segments ?? []) {
    const folder = join(dir, 'segments', s.name);
    for (const file of readdirSync(folder)) {
      for await (const { lines } of readLineBatches(join(folder, file))) {
        for (const line of lines) if (line !== '') rows += JSON.parse(line) ? 1 : 0;
      }
    }
  }
  return { ms: ms(t), cpu: cpuMs(c), rows };
}

/**
 * The same rows read and put in a plain graphology graph (B11's baseline, graphologyOf), nothing
 * derived: what building any in-memory graph of them costs.
 */
async function plainGraph(dir: string): Promise<Step> {
  const t = performance.now();
  const c = process.cpuUsage();
  const g = new MultiDirectedGraph();
  const manifest = new DataDir(dir).readManifest();
  for (const s of manifest?.segments ?? []) {
    const { data } = await new DataDir(dir).readWhole(s.name);
    graphologyOf(data, g);
  }
  return { ms: ms(t), cpu: cpuMs(c), rows: g.order + g.size };
}

/**
 * The same rows in the interchange form (a data set's JSON Lines files, each relationship naming
 * its ends by id, as the store's segments did before they named them by place), read a line at
 * a time and parsed, nothing built: the baseline of the target.
 */
async function plainReadOf(files: string): Promise<Step> {
  const t = performance.now();
  const c = process.cpuUsage();
  let rows = 0;
  for (const kind of KINDS) {
    const file = join(files, jsonlFile(kind));
    if (!existsSync(file)) continue;
    for await (const { lines } of readLineBatches(file)) {
      for (const line of lines) if (line !== '') rows += JSON.parse(line) ? 1 : 0;
    }
  }
  return { ms: ms(t), cpu: cpuMs(c), rows };
}

/** Opening the embedded store on the directory (as the server does, without compaction). */
async function open(dir: string): Promise<Step> {
  const t = performance.now();
  const c = process.cpuUsage();
  const store = await EmbeddedStore.open(dir, { compaction: false });
  const step = { ms: ms(t), cpu: cpuMs(c), rows: store.size().enterprises + store.size().relationships };
  await store.close();
  return step;
}

export const STEPS = { read: plainRead, 'read-files': plainReadOf, graph: plainGraph, open } as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [step, dir] = process.argv.slice(2) as [keyof typeof STEPS, string];
  const run = STEPS[step];
  if (!run || !dir) {
    console.error(`usage: b13-steps.ts ${Object.keys(STEPS).join('|')} <dir>`);
    process.exit(2);
  }
  console.log(JSON.stringify(await run(dir)));
}
