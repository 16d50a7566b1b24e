#!/usr/bin/env node
/**
 * The two commands a newcomer with only Node.js and npm runs (see README.md):
 *   npm run demo       install, build, start the demo on PORT (default 4000)
 *   (node scripts/workspace.mjs serve: only the last step, the demo's server once it is built)
 *   npm run test:all   install, make sure Chromium is there, lint, typecheck, run every test
 * It uses pnpm from PATH when that is pnpm 10, or else pnpm 10 through npx (no global install).
 * Plain Node on purpose: nothing is installed when it starts.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
} else {
  fail('usage: node scripts/workspace.mjs demo|serve|test');
}
