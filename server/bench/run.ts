/**
 * pnpm bench [-- --sizes S,M] [--memory M,L] [--only B1,B4,B6,B7,B9,B11,LIMIT,B2,B6N,B7N,B12,B13,B14]
 * pnpm bench -- --quick [--only …] [--except …]
 *
 * B12 (candidate quality: hidden memberships found again) runs only when asked for (--only B12), on the
 * listed-company data when ../shared/datasets/chainkg/raw is beside the repository, else on a generated set.
 *
 * B13 (the embedded store's persistence, b13-persistence.ts in a process of its own) and B14
 * (hostile requests and floods against a server process) run only when asked for (--only B13,B14).
 *
 * B9 drives the built web app (`pnpm build`) in Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 *
 * B2, B6N and B7N run on Neo4j when NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD), and say they
 * skipped otherwise. They share one import of the set into Neo4j and one into an embedded store,
 * and compare the two side by side: B6N the imports, B2 neighbourhoods, B7N gap reports. On a local
 * Neo4j (`node scripts/neo4j.mjs --port 7711 --data DIR`), with M:
 *   NEO4J_URI=bolt://127.0.0.1:7711 NEO4J_USER=neo4j NEO4J_PASSWORD=x \
 *     node --max-old-space-size=16384 --import tsx server/bench/run.ts --only B2,B6N,B7N --sizes M
 *
 * Runs the benchmark scenarios, prints their tables and writes the figures as JSON to
 * data/bench/ (latest.json and a dated copy). Scale data sets are generated on first use.
 *
 * --quick runs every scenario (or those of --only) once on S, with as few repetitions as give an
 * answer, in a scratch folder of its own, and writes no figures: it checks that each runs and that
 * its two sides agree (each scenario throws, naming itself, when they do not), not how fast. It
 * ends with a line per scenario and exits 1 when one failed, or was skipped under CI (CI set).
 * `npm run test:all` runs it (the Neo4j scenarios in its Neo4j tier).
 */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Size } from '@chain-atlas/seeds/scale';
import { DATASETS_DIR } from '../src/paths';
import { b1 } from './b1-neighbourhood';
import { b4 } from './b4-api';
import { b6 } from './b6-import';
import { b7b8 } from './b7-b8-analysis';
import { b9 } from './b9-web';
import { b11 } from './b11-memory';
import { b12 } from './b12-quality';
import { b13 } from './b13-run';
import { b14 } from './b14-hostile';
import { mapLimit } from './map-limit';
import { neo4jScenarios } from './neo4j';
import { check, type Outcome, printOutcomes, type Scenario, Skipped } from './scenario';

const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const { values } = parseArgs({
  args,
  options: {
    sizes: { type: 'string' },
    memory: { type: 'string' },
    only: { type: 'string' },
    except: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = values.quick as boolean;
if (quick && (values.sizes || values.memory)) {
  console.error('--quick runs on S: leave out --sizes and --memory.');
  process.exit(2);
}
const sizes = (quick ? 'S' : (values.sizes ?? 'M')).split(',') as Size[];
const memorySizes = (quick ? 'S' : (values.memory ?? 'M,L')).split(',') as Size[];
const benchDir = join(DATASETS_DIR, '..', 'bench');
// a quick run keeps out of a real run's way: its own scratch folder, and no figures written
const scratch = quick ? mkdtempSync(join(tmpdir(), 'chain-atlas-bench-')) : join(benchDir, 'scratch');
mkdirSync(scratch, { recursive: true });

/**
 * Every scenario, in the order run. `perSize` ones run once per set of --sizes (S in a quick
 * run); `byDefault` ones run when --only is not given (a quick run runs them all). Figures are
 * kept under `key` (with `-SIZE` for those run per size).
 */
const SCENARIOS: Scenario[] = [
  { id: 'B1', perSize: true, byDefault: true, run: (size) => b1(size, { quick }) },
  { id: 'B4', perSize: true, byDefault: true, run: (size) => b4(size, { quick }) },
  { id: 'B9', perSize: true, byDefault: true, run: (size) => b9(size, { quick }) },
  { id: 'B6', perSize: true, byDefault: true, run: (size) => b6(size, scratch, { quick }) },
  { id: 'B7', aliases: ['B8'], key: 'B7-B8', perSize: true, byDefault: true, run: (size) => b7b8(size, { quick }) },
  { id: 'B14', perSize: true, byDefault: false, run: (size) => b14(size, quick ? { floodSeconds: 6 } : {}) },
  // one import into Neo4j and one into an embedded store, shared by the three (those asked for run)
  {
    id: 'B2',
    aliases: ['B6N', 'B7N'],
    key: 'neo4j',
    perSize: true,
    byDefault: true,
    run: (size, only) => neo4jScenarios(size, scratch, only, { quick }),
  },
  {
    id: 'B11',
    perSize: false,
    byDefault: true,
    run: () => {
      const figures = b11(memorySizes);
      for (const size of memorySizes) {
        const f = figures[size];
        check(
          'B11',
          f !== undefined && f.store > 0 && f.graphology > 0,
          `no heap measured on ${size} for both structures`,
        );
      }
      return figures;
    },
  },
  { id: 'LIMIT', key: 'mapLimit', perSize: false, byDefault: true, run: () => mapLimit(scratch) },
  { id: 'B12', perSize: false, byDefault: false, run: () => b12(scratch, { quick }) },
  { id: 'B13', perSize: false, byDefault: false, run: () => b13(join(scratch, 'b13'), { quick }) },
];
const known = new Set(SCENARIOS.flatMap((s) => [s.id, ...(s.aliases ?? [])]));
const asked = values.only?.toUpperCase().split(',').filter(Boolean);
const unknown = [...(asked ?? []), ...(values.except?.toUpperCase().split(',').filter(Boolean) ?? [])].filter(
  (id) => !known.has(id),
);
if (unknown.length > 0) {
  console.error(`No scenario ${unknown.join(', ')}: the scenarios are ${[...known].join(', ')}.`);
  process.exit(2);
}
const except = new Set(values.except?.toUpperCase().split(',').filter(Boolean));
const only = new Set(
  (asked ?? SCENARIOS.filter((s) => quick || s.byDefault).flatMap((s) => [s.id, ...(s.aliases ?? [])])).filter(
    (id) => !except.has(id),
  ),
);
const chosen = SCENARIOS.filter((s) => only.has(s.id) || s.aliases?.some((a) => only.has(a)));

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.log(
  `Chain Atlas benchmarks${quick ? ', quick: each scenario once on S, its answers checked, no figures kept' : ''} — ` +
    `${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}`,
);
const results: Record<string, unknown> = { machine, startedAt: new Date().toISOString() };
const outcomes: Outcome[] = [];

/** Runs one scenario; a full run stops at the first failure, a quick run notes it and goes on. */
async function attempt(s: Scenario, size: Size) {
  const names = [s.id, ...(s.aliases ?? [])].filter((id) => only.has(id));
  const label = `${names.join('/')}${s.perSize ? ` (${size})` : ''}`;
  const key = `${s.key ?? s.id}${s.perSize ? `-${size}` : ''}`;
  const started = performance.now();
  try {
    results[key] = await s.run(size, only);
    outcomes.push({ label, seconds: (performance.now() - started) / 1e3 });
  } catch (error) {
    const seconds = (performance.now() - started) / 1e3;
    if (error instanceof Skipped) {
      console.log(`\n${label}: skipped (${error.message})`);
      results[key] = { skipped: error.message };
      outcomes.push({ label, seconds, skipped: error.message });
      return;
    }
    if (!quick) throw error;
    console.error(`\n✗ ${label} failed:`, error);
    outcomes.push({ label, seconds, failed: error instanceof Error ? error.message : String(error) });
  }
}

for (const size of sizes) for (const s of chosen.filter((x) => x.perSize)) await attempt(s, size);
for (const s of chosen.filter((x) => !x.perSize)) await attempt(s, 'S');

rmSync(scratch, { recursive: true, force: true });
if (quick) {
  const failed = printOutcomes(outcomes, { skipFails: Boolean(process.env.CI) });
  process.exit(failed ? 1 : 0);
}
// latest.json keeps the last figures of every scenario: a run of some scenarios updates only theirs
const latestFile = join(benchDir, 'latest.json');
const previous = existsSync(latestFile)
  ? (JSON.parse(readFileSync(latestFile, 'utf8')) as Record<string, unknown>)
  : {};
writeFileSync(latestFile, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(benchDir, `results-${(results.startedAt as string).replace(/[:.]/g, '-')}.json`), json);
console.log(`\nFigures written to ${join(benchDir, 'latest.json')}`);
