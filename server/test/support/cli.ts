import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { creditCodeCheckChar } from '../../src/domain/credit-code';
import { readDataset } from '../../src/import/importer';
import { DEMO_DATA_DIR } from '../../src/paths';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the importer CLI as `pnpm run import` does. `killAfterMs` sends SIGKILL then; `preload`
 * names a module (a path) loaded first, to change what the process does (a test's fault).
 */
export function runImport(
  args: string[],
  options: { env?: Record<string, string>; killAfterMs?: number; preload?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const preload = options.preload ? ['--import', pathToFileURL(options.preload).href] : [];
    const child = spawn(process.execPath, ['--import', 'tsx', ...preload, 'server/src/bin/import.ts', ...args], {
      cwd: ROOT,
      // the audit log of a test run is its own, not the workspace's data/audit.jsonl
      env: { ...process.env, CHAIN_AUDIT_FILE: join(tempDir(), 'audit.jsonl'), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer =
      options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export const tempDir = (prefix = 'chain-atlas-test-') => mkdtempSync(join(tmpdir(), prefix));

let demoStoreDir: string | undefined;

/** A data directory holding the demo data set (made once per test file, copied per use). */
export async function demoStoreCopy(): Promise<string> {
  if (!demoStoreDir) {
    demoStoreDir = tempDir('chain-atlas-demo-store-');
    const store = await EmbeddedStore.open(demoStoreDir);
    await store.commit(await readDataset([DEMO_DATA_DIR]), 'demo');
  }
  const copy = tempDir();
  cpSync(demoStoreDir, copy, { recursive: true });
  return copy;
}

/** A valid credit code from a number, registered in the seed district. */
export function code(n: number): string {
  const first17 = `91420103${String(n).padStart(8, '0')}0`;
  return first17 + creditCodeCheckChar(first17);
}
