#!/usr/bin/env node
/**
 * The two commands a newcomer with only Node.js and npm runs (see README.md):
 *   npm run demo       install, build, start the demo on PORT (default 4000)
 *   (node scripts/workspace.mjs serve: only the last step, the demo's server once it is built)
 *   npm run test:all   install, make sure Chromium is there, lint, typecheck, run every test and
 *                      every benchmark once on S (pnpm bench -- --quick), then the store contract
 *                      suite and the Neo4j benchmarks on a real Neo4j when a JDK and Maven are here
 * It uses pnpm from PATH when that is pnpm 10, or else pnpm 10 through npx (no global install).
 * Plain Node on purpose: nothing is installed when it starts.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canRunNeo4j, startNeo4j } from './neo4j.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager; // pnpm@10.x.y
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (version.startsWith('10.')) return ['pnpm'];
  } catch {
    // not on PATH: fall through to npx
  }
  return ['npx', '--yes', PNPM];
}

function run(cmd, args, env = {}) {
  console.log(`\n▶ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) fail(`${cmd} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${[cmd, ...args].join(' ')} failed (exit ${result.status ?? result.signal}).`);
}

function pnpm(...args) {
  const [cmd, ...pre] = pnpmCommand();
  run(cmd, [...pre, ...args]);
}

/**
 * Chromium from Debian's packages, and a CJK font so that screenshots show Chinese. Chromium is
 * required: as root it is installed, otherwise the exact command is printed. The font is only
 * tried: without it the tests still pass.
 */
function ensureChromium() {
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  const install = (packages) => `apt-get update && apt-get install -y --no-install-recommends ${packages}`;
  if (!existsSync(CHROMIUM)) {
    if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH is ${CHROMIUM}, and there is no Chromium there.`);
    if (!canInstall)
      fail(
        `The browser test needs Chromium at ${CHROMIUM}. Install it with:\n  sudo sh -c '${install('chromium fonts-noto-cjk')}'`,
      );
    run('sh', ['-c', install('chromium fonts-noto-cjk')], { DEBIAN_FRONTEND: 'noninteractive' });
    if (!existsSync(CHROMIUM)) fail(`Chromium is still missing at ${CHROMIUM} after: ${install('chromium')}`);
    return;
  }
  const hasCjkFont = spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .']).status === 0;
  if (hasCjkFont) return;
  const hint = `Screenshots will show boxes for Chinese text; to fix: ${install('fonts-noto-cjk')}`;
  if (!canInstall) {
    console.warn(`\n! ${hint}`);
    return;
  }
  const result = spawnSync('sh', ['-c', install('fonts-noto-cjk')], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) console.warn(`\n! Could not install a CJK font. ${hint}`);
}

/** Prints vitest's totals as one plain line, for CI logs: "tests: N passed, N failed, N skipped". */
function printTotals(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}

/**
 * The built server, as a child of this process with an IPC channel: its request lines stay quiet
 * (CHAIN_LOG_LEVEL warn unless set), it says where it is ready in a plain line, a signal to this
 * process stops it, and if this process ends any other way the server sees its channel close and
 * stops too: nothing is left holding the port.
 */
function serve() {
  const args = [join(root, 'server', 'run.mjs'), 'server'];
  console.log(`\n▶ node ${args.join(' ')}`);
  const server = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, CHAIN_LOG_LEVEL: process.env.CHAIN_LOG_LEVEL?.trim() || 'warn' },
  });
  server.on('message', (message) => {
    if (!message?.ready) return;
    console.log(`\nChain Atlas is ready at ${message.ready.web} (GraphQL: ${message.ready.graphql}). Ctrl-C stops it.`);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** A port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The benchmarks' quick run (each scenario once on S, its answers checked, no timing targets). */
function quickBench(...args) {
  const [cmd, ...pre] = pnpmCommand();
  return [cmd, [...pre, 'bench', '--', '--quick', ...args]];
}

/**
 * The Neo4j tier: the Neo4j benchmarks' quick run (B2, B6N, B7N; first, on the fresh database),
 * the store contract suite, the demo data filled into an empty database, the differential test
 * (the same answers from both stores) and the browser suite, against a real
 * Neo4j 5.26 started here (scripts/neo4j.mjs) on a free port and a fresh folder, and stopped
 * after; a fresh database's first import takes its time, hence the longer timeout. It
 * runs whenever a JDK 17 or 21 and Maven are here, and says so plainly when it cannot; under CI
 * (CI set) it must run.
 */
async function neo4jTier() {
  if (!canRunNeo4j()) {
    const why = 'the Neo4j tier needs a JDK 17 or 21 and Maven (see README, "Run on Neo4j")';
    if (process.env.CI) fail(`${why}, and CI must run it.`);
    console.warn(
      `\n! SKIPPED ${why}: the tests above ran on the embedded store only, and the Neo4j benchmarks (B2, B6N, B7N) did not run.`,
    );
    return;
  }
  const data = mkdtempSync(join(tmpdir(), 'chain-atlas-neo4j-'));
  console.log('\n▶ Neo4j tier: starting Neo4j 5.26 (pnpm run neo4j)');
  let neo4j;
  try {
    neo4j = await startNeo4j({ port: await freePort(), data });
  } catch (e) {
    fail(`Neo4j could not start for the Neo4j tier: ${e.message}`);
  }
  console.log(`  ${neo4j.uri}`);
  const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'unused' };
  const [cmd, ...pre] = pnpmCommand();
  const suites = [
    // one database: one file at a time
    [
      '--project',
      'server',
      '--testTimeout=120000',
      '--no-file-parallelism',
      'test/store-contract.test.ts',
      'test/neo4j-seed.test.ts',
      'test/differential.test.ts',
      'test/neo4j-plans.test.ts',
    ],
    // the web app on Neo4j: each test file's server on the database, emptied and seeded afresh
    // (one file at a time: vitest.config.ts says so for the browser project when NEO4J_URI is set)
    ['--project', 'browser'],
  ];
  let status = 0;
  const [benchCmd, benchArgs] = quickBench('--only', 'B2,B6N,B7N');
  console.log(`\n▶ NEO4J_URI=${neo4j.uri} ${[benchCmd, ...benchArgs].join(' ')}`);
  status ||= spawnSync(benchCmd, benchArgs, { cwd: root, stdio: 'inherit', env }).status ?? 1;
  for (const suite of suites) {
    const args = [...pre, 'exec', 'vitest', 'run', ...suite];
    console.log(`\n▶ NEO4J_URI=${neo4j.uri} ${[cmd, ...args].join(' ')}`);
    const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
    status ||= result.status ?? 1;
  }
  await neo4j.stop();
  rmSync(data, { recursive: true, force: true });
  if (status !== 0) fail(`the Neo4j tier failed (exit ${status}).`);
  console.log('\n✓ Neo4j tier passed');
}

const command = process.argv[2];
if (command === 'demo') {
  pnpm('install', '--frozen-lockfile');
  pnpm('build');
  // an analyst's, an editor's and an admin's token on the first run (printed once), so that the
  // candidates, the curation and the audit log can be tried: the anonymous visitor is a viewer
  pnpm('run', 'token', 'demo');
  serve();
} else if (command === 'serve') {
  serve();
} else if (command === 'test') {
  pnpm('install', '--frozen-lockfile');
  ensureChromium();
  pnpm('build');
  pnpm('lint');
  pnpm('typecheck');
  const report = join(root, '.tsbuild', 'vitest-report.json');
  rmSync(report, { force: true });
  const [cmd, ...pre] = pnpmCommand();
  const args = [...pre, 'test', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  console.log(`\n▶ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
  });
  printTotals(report);
  if (result.status !== 0) fail(`tests failed (exit ${result.status ?? result.signal}).`);
  // the Neo4j scenarios run in the Neo4j tier, where a Neo4j runs
  run(...quickBench('--except', 'B2,B6N,B7N'), { CHROMIUM_PATH: CHROMIUM });
  await neo4jTier();
} else if (command === 'test-neo4j') {
  // the browser suite runs the built app
  pnpm('build');
  await neo4jTier();
} else {
  fail('usage: node scripts/workspace.mjs demo|serve|test|test-neo4j');
}
