import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Size } from '@chain-atlas/seeds/scale';
import { WEB_DIST_DIR } from '../src/paths';
import { dataset } from './datasets';
import { check } from './scenario';
import { ms, printTable } from './stats';

/**
 * B9: the explorer in Chromium on a view of about 2,000 elements around the busiest enterprise
 * of a data set: navigation to first complete paint with each layout and with Cytoscape's default
 * fcose (the ratio reported); and expanding an enterprise that adds about 500 elements, the
 * longest main-thread task. The browser side is web/bench/b9-explorer.ts; the server, which
 * picks the view and the enterprise to expand, is b9-server.ts, in a process of its own: in this
 * one it shared an event loop and a heap (and its collections) with the benchmark's own work.
 */
const SERVER = fileURLToPath(new URL('./b9-server.ts', import.meta.url));

/** What b9-server.ts says once it listens. */
interface Served {
  baseUrl: string;
  centre: string;
  limit: number;
  elements: number;
  expand: { centre: string; id: string; added: number; limit: number };
}

/** Starts b9-server.ts on the data set; resolves with what it serves, and how to stop it. */
function serve(size: Size): Promise<Served & { stop: () => void }> {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', SERVER, size], {
    env: { ...process.env, CHAIN_LOG_LEVEL: 'warn' },
    // an IPC channel too: the server stops when this process goes away, however it goes
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const stop = () => child.kill('SIGTERM');
  const out = child.stdout;
  if (!out) throw new Error("B9's server has no output to read"); // piped above: never so
  return new Promise((resolve, reject) => {
    let said = '';
    const read = (chunk: Buffer) => {
      said += chunk.toString('utf8');
      const end = said.indexOf('\n');
      if (end < 0) return;
      out.off('data', read);
      child.off('exit', early);
      // anything it says later (warnings) goes where this process's output goes
      out.pipe(process.stdout);
      try {
        resolve({ ...(JSON.parse(said.slice(0, end)) as Served), stop });
      } catch (error) {
        stop();
        reject(
          new Error(`B9's server said something else than where it listens: ${said.slice(0, end)}`, { cause: error }),
        );
      }
    };
    const early = (code: number | null, signal: string | null) =>
      reject(new Error(`B9's server stopped before it listened (${code ?? signal}); its errors are above`));
    out.on('data', read);
    child.once('exit', early);
  });
}

/** What web/bench/b9-explorer.ts measures (its own types stay in the web package). */
type Painted = { ms: number; dataMs: number; nodes: number; edges: number };
type MeasureExplorer = (input: {
  baseUrl: string;
  centre: string;
  limit: number;
  expand: { centre: string; limit: number; id: string };
  runs: number;
  expandRuns: number;
  zoomRuns: number;
  warmUp?: boolean;
}) => Promise<{
  paint: Record<string, Painted>;
  /**
   * The expansion whose longest task is the median of the runs': what is printed of it (the web
   * side's `Expanded` has more, and the figures written keep it all).
   */
  expand: Record<'ms' | 'longestTask' | 'longTasks' | 'maxFrameGap' | 'nodesBefore' | 'nodes', number>;
  /** Each expansion's longest task, in the order run. */
  expandRuns: number[];
  /** Zooming the large view in with the wheel, from far to near: the run with the median longest task, and each run's. */
  zoom: Record<'from' | 'to' | 'steps' | 'ms' | 'longestTask' | 'longTasks' | 'maxFrameGap', number> | undefined;
  zoomRuns: number[];
}>;

/**
 * The share of the run during which some runnable task of this machine waited for a CPU (Linux's
 * pressure stall information, `cpu some`), or undefined where there is none. It counts B9's own
 * processes crowding the 2 cores (Chromium's threads, the server) as much as anything else, and
 * not the time the host takes the machine's CPUs away (that shows only as longer queues): a hint
 * of a crowded run, not a measure of the host.
 */
function cpuPressure(): () => number | undefined {
  const read = () => {
    try {
      const some = readFileSync('/proc/pressure/cpu', 'utf8').match(/^some .*total=(\d+)/m)?.[1];
      return some === undefined ? undefined : { stalledUs: Number(some), at: performance.now() };
    } catch {
      return undefined;
    }
  };
  const start = read();
  return () => {
    const end = read();
    return start && end ? (end.stalledUs - start.stalledUs) / 1000 / (end.at - start.at) : undefined;
  };
}

/**
 * Every layout must draw the view the server answered (as many nodes and edges), and the expansion
 * must add firms. Quick: one load of each layout and one expansion, none to warm the caches, and no
 * zooming.
 */
export async function b9(size: Size, { quick = false } = {}) {
  if (!existsSync(`${WEB_DIST_DIR}index.html`)) throw new Error('B9 needs the built web app: run `pnpm build` first.');
  dataset(size); // generated here if it must be: the server's output is for saying where it listens
  const served = await serve(size);
  try {
    const { baseUrl, centre, limit, elements, expand } = served;
    // the browser side is a module of the web package, loaded by path at run time
    const browserSide = '../../web/bench/b9-explorer.ts';
    const { measureExplorer } = (await import(browserSide)) as { measureExplorer: MeasureExplorer };
    const pressure = cpuPressure();
    const result = await measureExplorer({
      baseUrl,
      centre,
      limit,
      expand: { centre: expand.centre, limit: expand.limit, id: expand.id },
      runs: quick ? 1 : 5,
      expandRuns: quick ? 1 : 5,
      zoomRuns: quick ? 0 : 3,
      warmUp: !quick,
    });
    for (const [layout, p] of Object.entries(result.paint))
      check(
        'B9',
        p.nodes + p.edges === elements,
        `the ${layout} layout drew ${p.nodes} nodes and ${p.edges} edges; the server answered ${elements} elements`,
      );
    check(
      'B9',
      result.expand.nodes > result.expand.nodesBefore,
      `expanding ${expand.id} left ${result.expand.nodes} nodes, as many as before`,
    );
    const stalled = pressure();
    const fcose = result.paint.fcose?.ms ?? Number.NaN;
    console.log(`\nB9 explorer in Chromium, ${size}: a view of ${elements} elements (limit ${limit}), ms`);
    printTable(
      ['layout', 'nodes', 'edges', 'navigation → data in', 'navigation → painted', 'vs fcose'],
      Object.entries(result.paint).map(([layout, p]) => [
        layout,
        p.nodes,
        p.edges,
        ms(p.dataMs),
        ms(p.ms),
        (p.ms / fcose).toFixed(3),
      ]),
    );
    const x = result.expand;
    console.log(
      `  expanding the busiest enterprise from a small view (limit ${expand.limit}; adds ~${expand.added} elements: ${x.nodesBefore} → ${x.nodes} nodes), the median of ${result.expandRuns.length} runs by longest task: done in ${ms(x.ms)} ms, longest task ${ms(x.longestTask)} ms (${x.longTasks} over 50 ms), longest frame gap ${ms(x.maxFrameGap)} ms; each run's longest task: ${result.expandRuns.map((t) => ms(t)).join(', ')} ms`,
    );
    const z = result.zoom;
    if (z)
      console.log(
        `  zooming the view in with the wheel (${z.from.toFixed(2)} → ${z.to.toFixed(2)} in ${z.steps} steps, until every firm in view has its name), the median of ${result.zoomRuns.length} runs by longest task: done in ${ms(z.ms)} ms, longest task ${ms(z.longestTask)} ms (${z.longTasks} over 50 ms), longest frame gap ${ms(z.maxFrameGap)} ms; each run's longest task: ${result.zoomRuns.map((t) => ms(t)).join(', ')} ms`,
      );
    if (stalled !== undefined)
      console.log(
        `  some runnable task waited for a CPU ${(stalled * 100).toFixed(0)}% of the run (Linux PSI, cpu some, machine-wide)`,
      );
    return { elements, limit, ...result, expandTarget: expand, cpuStalled: stalled };
  } finally {
    served.stop();
  }
}
