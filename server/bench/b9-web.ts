import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Size } from '@chain-atlas/seeds/scale';
import { createApp } from '../src/app';
import { readDataset } from '../src/import/importer';
import { WEB_DIST_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import type { Neighbourhood } from '../src/store/port';
import { dataset } from './datasets';
import { busiest, limitFor } from './hub';
import { ms, printTable } from './stats';

/**
 * B9: the explorer in Chromium on a view of about 2,000 elements around the busiest enterprise
 * of a data set: navigation to first complete paint with each layout and with Cytoscape's default
 * fcose (the ratio reported); and expanding an enterprise that adds about 500 elements, the
 * longest main-thread task. The browser side is web/bench/b9-explorer.ts; this side serves the
 * built web app and the API over the data set, and picks the view and the enterprise to expand.
 */
const TARGET = 2_000;
const EXPAND_TARGET = 500;
const KINDS = ['CONTROLS', 'SUPPLIES'] as const;

/** What web/bench/b9-explorer.ts measures (its own types stay in the web package). */
type Painted = { ms: number; dataMs: number; nodes: number; edges: number };
type MeasureExplorer = (input: {
  baseUrl: string;
  centre: string;
  limit: number;
  expand: { centre: string; limit: number; id: string };
  runs: number;
}) => Promise<{
  paint: Record<string, Painted>;
  expand: {
    ms: number;
    longestTask: number;
    longTasks: number;
    maxFrameGap: number;
    nodesBefore: number;
    nodes: number;
    edges: number;
  };
}>;

/**
 * The expansion B9 times: a small view (one hop around a neighbour of `hub` that has few links of
 * its own) in which `hub` is expanded; the limit that makes the expansion add closest to `target`
 * elements.
 */
async function expandCandidate(store: MemoryStore, hub: string, target: number) {
  const centre = store.graph.neighbors(hub).find((n) => store.graph.degree(n) <= 3) ?? hub;
  let best = { centre, id: hub, added: 0, limit: 0 };
  for (let limit = 100; limit <= 1000; limit += 25) {
    const view = (await store.neighbourhood(centre, { depth: 1, kinds: KINDS, limit })) as Neighbourhood;
    const inView = new Set(view.nodes.map((e) => e.id));
    const n = await store.neighbourhood(hub, { depth: 1, kinds: KINDS, limit });
    const added =
      (n?.nodes ?? []).filter((x) => !inView.has(x.id)).length +
      (n?.edges ?? []).filter((r) => !(inView.has(r.from) && inView.has(r.to))).length;
    if (Math.abs(added - target) < Math.abs(best.added - target)) best = { centre, id: hub, added, limit };
  }
  return best;
}

export async function b9(size: Size) {
  if (!existsSync(`${WEB_DIST_DIR}index.html`)) throw new Error('B9 needs the built web app: run `pnpm build` first.');
  const store = new MemoryStore(await readDataset([dataset(size)]));
  // the view is loaded again and again from one address: no request limits here (they are tested apart)
  const { server } = createApp({ store, webDir: WEB_DIST_DIR, limits: { perAddress: 0, inFlight: 0, msPerSecond: 0 } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const centre = await busiest(store);
    const limit = await limitFor(store, centre, TARGET);
    const view = (await store.neighbourhood(centre, { depth: 3, kinds: KINDS, limit })) as Neighbourhood;
    const expand = await expandCandidate(store, centre, EXPAND_TARGET);
    // the browser side is a module of the web package, loaded by path at run time
    const browserSide = '../../web/bench/b9-explorer.ts';
    const { measureExplorer } = (await import(browserSide)) as { measureExplorer: MeasureExplorer };
    const result = await measureExplorer({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      centre,
      limit,
      expand: { centre: expand.centre, limit: expand.limit, id: expand.id },
      runs: 5,
    });
    const fcose = result.paint.fcose?.ms ?? Number.NaN;
    console.log(
      `\nB9 explorer in Chromium, ${size}: a view of ${view.nodes.length + view.edges.length} elements (limit ${limit}), ms`,
    );
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
      `  expanding the busiest enterprise from a small view (limit ${expand.limit}; adds ~${expand.added} elements: ${x.nodesBefore} → ${x.nodes} nodes): done in ${ms(x.ms)} ms, longest task ${ms(x.longestTask)} ms (${x.longTasks} over 50 ms), longest frame gap ${ms(x.maxFrameGap)} ms`,
    );
    return { elements: view.nodes.length + view.edges.length, limit, ...result, expandTarget: expand };
  } finally {
    server.close();
  }
}
