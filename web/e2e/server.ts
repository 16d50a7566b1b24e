import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_DIST = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const SERVER_BUNDLE = fileURLToPath(new URL('../../server/dist/server.js', import.meta.url));
const IMPORT_BUNDLE = fileURLToPath(new URL('../../server/dist/import.js', import.meta.url));
const EMPTY_NEO4J = fileURLToPath(new URL('../../server/test/support/empty-neo4j.ts', import.meta.url));

/**
 * The browser suite runs on the embedded store, or, with NEO4J_URI set (the Neo4j tier's run of
 * it, one file at a time), on that Neo4j database: emptied before each test server, which then
 * fills it with the demo data as it fills a new data directory. Otherwise no NEO4J_* setting of
 * the caller's shell reaches the test servers.
 */
const ON_NEO4J = Boolean(process.env.NEO4J_URI?.trim());

function childEnv(): NodeJS.ProcessEnv {
  if (ON_NEO4J) return { ...process.env };
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_')));
}

function run(args: string[], what: string): void {
  const done = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: childEnv() });
  if (done.status !== 0) throw new Error(`${what} failed:\n${done.stdout}${done.stderr}`);
}

/** A bearer token the test server knows: who holds it, with what role, and the token itself. */
export interface TestToken {
  name: string;
  role: 'viewer' | 'analyst' | 'editor' | 'admin';
  token: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** True once the server answers HTTP on `url`. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the server as `pnpm start` does, on a free port and a fresh directory (its data, its
 * tokens file and its audit log: nothing of the workspace's data/ is read or written), knowing
 * `tokens` (as CHAIN_TOKENS, by their SHA-256), with the default request limits (the app must work
 * under them), and waits until it answers. Its data is the demo data set, or, with `data`, what
 * the importer makes of those folders (made by the test into `root`, the server's own directory).
 */
export async function startServer(
  tokens: readonly TestToken[] = [],
  { data }: { data?: (root: string) => string[] } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  for (const built of [WEB_DIST, SERVER_BUNDLE])
    if (!existsSync(built)) throw new Error(`The app is not built (${built} is missing): run \`pnpm build\` first.`);
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'chain-atlas-e2e-'));
  const dataDir = join(root, 'store');
  mkdirSync(dataDir);
  if (ON_NEO4J) run(['--import', 'tsx', EMPTY_NEO4J], 'emptying the Neo4j database');
  // imported as `pnpm run import` does, with the built program: into the data directory, or Neo4j
  if (data)
    run([IMPORT_BUNDLE, ...data(root), ...(ON_NEO4J ? [] : ['--data-dir', dataDir])], 'importing the test data');
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], {
    cwd: ROOT,
    env: {
      ...childEnv(),
      PORT: String(port),
      CHAIN_DATA_DIR: dataDir,
      CHAIN_TOKENS_FILE: join(root, 'tokens.json'),
      CHAIN_AUDIT_FILE: join(root, 'audit.jsonl'),
      CHAIN_ANONYMOUS_ROLE: 'viewer',
      CHAIN_TOKENS: tokens
        .map((t) => `${t.name}:${t.role}:${createHash('sha256').update(t.token, 'utf8').digest('hex')}`)
        .join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // ready when it answers HTTP (what it logs, and at which level, is its own business)
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const onExit = (code: number | null) => reject(new Error(`server exited with ${code}:\n${output}`));
    child.once('exit', onExit);
    const poll = async () => {
      if (child.exitCode !== null) return;
      if (await answers(`${url}/`)) {
        child.off('exit', onExit);
        resolve();
      } else if (Date.now() - started > 60_000) {
        child.off('exit', onExit);
        reject(new Error(`server did not answer in 60 s:\n${output}`));
      } else setTimeout(() => void poll(), 200);
    };
    void poll();
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
