import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Size } from '@chain-atlas/seeds/scale';
import { analysisBomb, explorerBomb, mutationBomb } from '../test/support/hostile-queries';
import { dataset } from './datasets';
import { check } from './scenario';
import { ms, percentile, printTable } from './stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * B14: a server (default limits, analysis workers) over a scale set, attacked as issue 19 found.
 * 1. The three small requests that each froze it — refused in under 100 ms each (target), while a
 *    second client is served.
 * 2. Floods from two other processes — one asking every chain's default gap report (kept), one new
 *    analysis in every request (four parameter sets over every chain) — while an explorer asks a
 *    neighbourhood and a chain ten times a second: its p99 under 1 s (target), against the same
 *    explorer alone.
 * Every hostile request must be refused as TOO_COMPLEX, every one of the explorer's answered (200),
 * and the floods refused (429) at least once.
 */
export async function b14(size: Size, { floodSeconds = 20 } = {}) {
  dataset(size); // generated before the server reads it
  const profile = process.env.B14_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.B14_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/bench/b14-server.ts', size], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const { baseUrl, enterprise } = await firstLine<{ baseUrl: string; enterprise: string; chains: number }>(server);
    const graphql = `${baseUrl}/graphql`;
    const post = async (query: string, token?: string) => {
      const started = performance.now();
      const response = await fetch(graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      return { ms: performance.now() - started, status: response.status, code: body.errors?.[0]?.extensions?.code };
    };
    // warm: the default reports of every chain, as the overview asks them
    await post('{ chains(first: 100) { nodes { gapReport { minCover } } } }', 'bench-warm');

    // 1. the three reproductions, five times each, with a second client meanwhile
    let serving = true;
    const other: number[] = [];
    const second = (async () => {
      while (serving) {
        other.push((await post('{ chain(id: "logistics") { name segments { name covered } } }', 'bench-explorer')).ms);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const refusals: (string | number)[][] = [];
    for (const [what, query] of [
      ['mutation, fragments doubling 24 times', mutationBomb(24)],
      ['explorer query, fragments doubling 14 times', explorerBomb(14, enterprise)],
      ['10 parameter sets × chains(first: 44)', analysisBomb(10)],
    ] as const) {
      const times: number[] = [];
      const codes = new Set<string | undefined>();
      for (let i = 0; i < 5; i++) {
        const r = await post(query);
        times.push(r.ms);
        codes.add(r.code);
      }
      times.sort((a, b) => a - b);
      refusals.push([what, [...codes].join(','), ms(percentile(times, 50)), ms(times.at(-1) ?? 0)]);
    }
    serving = false;
    await second;
    other.sort((a, b) => a - b);
    console.log(`\nB14 (${size}): hostile requests, refused (target < 100 ms each)`);
    printTable(['request', 'answer', 'p50 ms', 'max ms'], refusals);
    console.log(`  a second client meanwhile: ${other.length} requests, max ${ms(other.at(-1) ?? 0)} ms`);

    // 2. an explorer alone, then under two floods
    const explorerQuery = `{ neighbourhood(id: "${enterprise}", depth: 1, limit: 200) { nodes { enterprise { name } } edges { kind } } chain(id: "logistics") { name segments { name covered } } }`;
    const explore = async (seconds: number) => {
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until) {
        const r = await post(explorerQuery, 'bench-explorer');
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      latencies.sort((a, b) => a - b);
      return { latencies, statuses };
    };
    const alone = await explore(Math.min(5, floodSeconds / 2));
    const flood = (address: string, mode: string) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/test/process/flood.ts', graphql, String(floodSeconds), address, '64', mode],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
      });
      return new Promise<Record<string, number>>((resolve) =>
        child.once('exit', () => resolve(JSON.parse(out || '{}'))),
      );
    };
    const floods = Promise.all([flood('127.0.0.2', 'same'), flood('127.0.0.3', 'varied')]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const flooded = await explore(floodSeconds - 2);
    const [same, varied] = await floods;
    const row = (what: string, r: { latencies: number[]; statuses: Map<number, number> }) => [
      what,
      r.latencies.length,
      [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' '),
      ms(percentile(r.latencies, 50)),
      ms(percentile(r.latencies, 95)),
      ms(percentile(r.latencies, 99)),
    ];
    console.log(`\nB14 (${size}): an explorer (10 requests a second) under floods (target p99 < 1 s)`);
    printTable(
      ['explorer', 'requests', 'statuses', 'p50 ms', 'p95 ms', 'p99 ms'],
      [row('alone', alone), row('under both floods', flooded)],
    );
    console.log(`  flood of kept reports (127.0.0.2): ${JSON.stringify(same)}`);
    console.log(`  flood of new analysis (127.0.0.3): ${JSON.stringify(varied)}`);
    for (const [what, code] of refusals)
      check('B14', code === 'TOO_COMPLEX', `${what} was answered ${code}, not refused`);
    for (const [when, r] of [
      ['alone', alone],
      ['under the floods', flooded],
    ] as const)
      check(
        'B14',
        [...r.statuses.keys()].every((s) => s === 200),
        `the explorer ${when} got ${[...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}, not 200 only`,
      );
    check('B14', (same['429'] ?? 0) + (varied['429'] ?? 0) > 0, 'the floods were never refused (429)');
    const p99 = percentile(flooded.latencies, 99);
    console.log(`  p99 under flood / alone: ${(p99 / percentile(alone.latencies, 99)).toFixed(1)}×`);
    return {
      refusals: Object.fromEntries(refusals.map((r) => [r[0], { code: r[1], p50: r[2], max: r[3] }])),
      explorer: {
        alone: { p50: percentile(alone.latencies, 50), p99: percentile(alone.latencies, 99) },
        flooded: { p50: percentile(flooded.latencies, 50), p99, statuses: Object.fromEntries(flooded.statuses) },
      },
      floods: { same, varied },
    };
  } finally {
    server.kill('SIGTERM');
  }
}

/** The first line a child prints on stdout, as JSON. */
function firstLine<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
    child.once('exit', (code) => reject(new Error(`the B14 server exited with ${code}`)));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await b14((process.argv[2] ?? 'M') as Size);
