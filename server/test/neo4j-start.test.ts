import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT } from './support/cli';

it('NEO4J_URI=bolt://127.0.0.1:1 pnpm start fails fast with a clear message naming the URI', async () => {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/bin/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  // a structured log line, at level fatal
  const line = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { level: number; msg: string };
  expect(line.level).toBe(60);
  expect(line.msg).toMatch(
    /^Chain Atlas could not start: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/,
  );
  expect(output).not.toMatch(/\n\s+at /); // no stack trace
  expect(performance.now() - started).toBeLessThan(15_000);
});
