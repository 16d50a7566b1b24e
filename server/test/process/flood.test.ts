import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { demoStoreCopy, ROOT } from '../support/cli';
import { startServerProcess } from './server-process';

/**
 * The server keeps serving while other processes flood it — one with the same gap reports (from
 * 127.0.0.2), one with new analysis in every request (127.0.0.3): the floods are cut down to their
 * share by 429s (and UNAVAILABLE when the analysis workers are full), and an explorer's requests
 * from 127.0.0.1 meanwhile are all answered, promptly.
 */
describe('under a flood from another process on loopback', () => {
  const stops: (() => void)[] = [];
  afterAll(() => {
    for (const stop of stops) stop();
  });

  it('answers normal requests while refusing most of the flood with 429', async () => {
    const server = await startServerProcess({ CHAIN_DATA_DIR: await demoStoreCopy(), CHAIN_RATE_PER_ADDRESS: '50' });
    stops.push(() => server.child.kill('SIGKILL'));
    const seconds = 8;
    const flood = (address: string, mode: string) => {
      const flooder = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'server/test/process/flood.ts',
          `${server.url}/graphql`,
          String(seconds),
          address,
          '64',
          mode,
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      stops.push(() => flooder.kill('SIGKILL'));
      let out = '';
      flooder.stdout.on('data', (d) => {
        out += d;
      });
      return new Promise<string>((resolve) => flooder.once('exit', () => resolve(out)));
    };
    const floods = Promise.all([flood('127.0.0.2', 'same'), flood('127.0.0.3', 'varied')]);

    // give the flood a second to build up, then explore at a person's pace: a request every 100 ms
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const latencies: number[] = [];
    const statuses: number[] = [];
    // ten requests, however long they take: on a machine loaded by other work a window of time
    // held too few of them to tell anything
    while (statuses.length < 10) {
      const started = performance.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ chain(id: "logistics") { name segments { name covered } } }' }),
      });
      await response.json();
      statuses.push(response.status);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [same, varied] = await floods;
    const flooded = `same ${same.trim()}, varied ${varied.trim()}`;
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
    console.log(`flood: ${flooded}; explorer: ${statuses.length} requests, p99 ${Math.round(p99)} ms`);
    // the floods were real, and mostly refused
    for (const out of [same, varied]) {
      const counts = JSON.parse(out) as Record<string, number>;
      expect(counts['429'] ?? 0, flooded).toBeGreaterThan(5 * (counts['200'] ?? 0));
      expect(counts['500'] ?? 0).toBe(0);
    }
    // the explorer was served: every request, none frozen for the flood's length (issue 19 saw 75 s).
    // Its latency is a figure of docs/benchmarks.md, B14, measured alone (p99 about 200 ms): here
    // other test files, and whatever else the machine runs, share the two cores (up to 6.7 s seen
    // with a load average of 11)
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(p99, `p99 ${Math.round(p99)} ms, flood ${flooded}`).toBeLessThan(seconds * 1000);
  }, 90_000);
});
