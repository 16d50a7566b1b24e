import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoStoreCopy, ROOT, tempDir } from '../support/cli';

/**
 * `npm run demo`'s last step (`node scripts/workspace.mjs serve`): the built server as a child of
 * the launcher. It says where it is ready in a plain line, keeps request lines quiet, and stops
 * with the launcher however the launcher ends, so that no server is left holding the port.
 */
describe('the demo launcher', () => {
  const started: ChildProcess[] = [];
  beforeAll(() => {
    // the built server (pnpm build makes it before the tests; a run of this file alone builds it)
    if (!existsSync(join(ROOT, 'server', 'dist', 'server.js')))
      execFileSync(process.execPath, ['server/build.mjs'], { cwd: ROOT });
  });
  afterEach(() => {
    for (const child of started.splice(0)) child.kill('SIGKILL');
  });

  async function launch(): Promise<{ launcher: ChildProcess; url: string; output: () => string }> {
    const dir = tempDir();
    const launcher = spawn(process.execPath, ['scripts/workspace.mjs', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        CHAIN_DATA_DIR: await demoStoreCopy(),
        CHAIN_AUDIT_FILE: join(dir, 'audit.jsonl'),
        CHAIN_TOKENS_FILE: join(dir, 'tokens.json'),
        CHAIN_LOG_LEVEL: '',
        VITEST: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(launcher);
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line in 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /^Chain Atlas is ready at (http:\/\/\S+\/) \(GraphQL: \S+\)\. Ctrl-C stops it\.$/m.exec(output);
        if (ready?.[1]) {
          clearTimeout(timer);
          resolve(ready[1].replace('localhost', '127.0.0.1'));
        }
      };
      launcher.stdout?.on('data', onData);
      launcher.stderr?.on('data', onData);
      launcher.once('exit', (code) => reject(new Error(`the launcher exited with ${code}:\n${output}`)));
    });
    return { launcher, url, output: () => output };
  }

  const answers = (url: string) =>
    fetch(`${url}healthz`).then(
      (r) => r.ok,
      () => false,
    );

  async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`still not so after 20 s: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('says where it is ready in a plain line and keeps request lines out of the way', async () => {
    const { url, output } = await launch();
    const response = await fetch(`${url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ chains(first: 1) { nodes { name } } }' }),
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output()).not.toContain('request completed');
  });

  it('stops the server when the launcher is killed outright, leaving the port free', async () => {
    const { launcher, url } = await launch();
    expect(await answers(url)).toBe(true);
    launcher.kill('SIGKILL');
    await until(async () => !(await answers(url)), `${url} stopped answering`);
  });

  it('stops the server on SIGTERM and leaves with its exit code', async () => {
    const { launcher, url } = await launch();
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await answers(url)).toBe(false);
  });
});
