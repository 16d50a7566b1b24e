/**
 * pnpm bench [-- --sizes S,M] [--memory M,L] [--only B1,B4,B6,B7,B9,B11,LIMIT,B2,B6N,B7N,B12,B14]
 *
 * B12 (candidate quality: hidden memberships found again) runs only when asked for (--only B12), on the
 * listed-company data when ../shared/datasets/chainkg/raw is beside the repository, else on a generated set.
 *
 * B14 (hostile requests and floods against a server process) runs only when asked for (--only B14).
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
 */

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
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
import { b14 } from './b14-hostile';
import { mapLimit } from './map-limit';
import { neo4jScenarios } from './neo4j';

const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const { values } = parseArgs({
  args,
  options: { sizes: { type: 'string' }, memory: { type: 'string' }, only: { type: 'string' } },
});
const sizes = (values.sizes ?? 'M').split(',') as Size[];
const memorySizes = (values.memory ?? 'M,L').split(',') as Size[];
const only = new Set((values.only ?? 'B1,B4,B6,B7,B9,B11,LIMIT,B2,B6N,B7N').toUpperCase().split(','));
const benchDir = join(DATASETS_DIR, '..', 'bench');
const scratch = join(benchDir, 'scratch');
mkdirSync(scratch, { recursive: true });

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.log(
  `Chain Atlas benchmarks — ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}`,
);
const results: Record<string, unknown> = { machine, startedAt: new Date().toISOString() };

for (const size of sizes) {
  if (only.has('B1')) results[`B1-${size}`] = await b1(size);
  if (only.has('B4')) results[`B4-${size}`] = await b4(size);
  if (only.has('B9')) results[`B9-${size}`] = await b9(size);
  if (only.has('B6')) results[`B6-${size}`] = await b6(size, scratch);
  if (only.has('B7') || only.has('B8')) results[`B7-B8-${size}`] = await b7b8(size);
  if (only.has('B14')) results[`B14-${size}`] = await b14(size);
  if (only.has('B2') || only.has('B6N') || only.has('B7N'))
    results[`neo4j-${size}`] = await neo4jScenarios(size, scratch, only);
}
if (only.has('B11')) results.B11 = b11(memorySizes);
if (only.has('LIMIT')) results.mapLimit = await mapLimit(scratch);
if (only.has('B12')) results.B12 = await b12(scratch);

rmSync(scratch, { recursive: true, force: true });
// latest.json keeps the last figures of every scenario: a run of some scenarios updates only theirs
const latestFile = join(benchDir, 'latest.json');
const previous = existsSync(latestFile)
  ? (JSON.parse(readFileSync(latestFile, 'utf8')) as Record<string, unknown>)
  : {};
writeFileSync(latestFile, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(benchDir, `results-${(results.startedAt as string).replace(/[:.]/g, '-')}.json`), json);
console.log(`\nFigures written to ${join(benchDir, 'latest.json')}`);
