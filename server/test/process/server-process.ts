import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, tempDir } from '../support/cli';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote so far (JSON log lines). */
  output: () => string;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the server as `pnpm start` does (server/src/bin/server.ts) on a port of its choosing, with
 * its audit log and tokens in a fresh folder unless `env` says otherwise; resolves once it logs
 * that it is ready, with the URL it gives there.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const dir = tempDir();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/bin/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      CHAIN_AUDIT_FILE: join(dir, 'audit.jsonl'),
      CHAIN_TOKENS_FILE: join(dir, 'tokens.json'),
      CHAIN_LOG_LEVEL: 'info',
      VITEST: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.split('\n').find((line) => line.includes('Chain Atlas is ready'));
      if (ready) {
        clearTimeout(timer);
        resolve((JSON.parse(ready) as { web: string }).web.replace('localhost', '127.0.0.1').replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { url, child, output: () => output, exited };
}
