/**
 * B9's server, in a process of its own as the app runs (`pnpm start`): the built web app and the
 * API over a scale data set, without request limits (one view is loaded again and again from one
 * address; the limits are tested apart). Picks the view B9 draws and the enterprise it expands,
 * then prints one line of JSON on stdout ({ baseUrl, centre, limit, elements, expand }) and
 * serves until it is told to stop (SIGTERM) or its parent goes away.
 *
 *   node --import tsx server/bench/b9-server.ts M
 */
import type { AddressInfo } from 'node:net';
import type { Size } from '@chain-atlas/seeds/scale';
import { createApp } from '../src/http/app';
import { readDataset } from '../src/import/importer';
import { WEB_DIST_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import type { Neighbourhood } from '../src/store/port';
import { dataset } from './datasets';
import { busiest, limitFor } from './hub';

/** About this many elements in the view drawn, and added by the expansion. */
const TARGET = 2_000;
const EXPAND_TARGET = 500;
const KINDS = ['CONTROLS', 'SUPPLIES'] as const;

/**
 * The expansion B9 times: a small view (one hop around a neighbour of `hub` that has few links of
 * its own) in which `hub` is expanded; the limit that makes the expansion add closest to `target`
 * elements.
 */
async function expandCandidate(store: MemoryStore, hub: string, target: number) {
  const neighbours = [...store.graph.in(hub).map((r) => r.from), ...store.graph.out(hub).map((r) => r.to)];
  const centre = neighbours.find((n) => store.graph.degree(n) <= 3) ?? hub;
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

const size = process.argv[2] as Size;
const store = new MemoryStore(await readDataset([dataset(size)]));
const centre = await busiest(store);
const limit = await limitFor(store, centre, TARGET);
const view = (await store.neighbourhood(centre, { depth: 3, kinds: KINDS, limit })) as Neighbourhood;
const expand = await expandCandidate(store, centre, EXPAND_TARGET);
const { server } = createApp({ store, webDir: WEB_DIST_DIR, limits: { perAddress: 0, inFlight: 0, msPerSecond: 0 } });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.stdout.write(
  `${JSON.stringify({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    centre,
    limit,
    elements: view.nodes.length + view.edges.length,
    expand,
  })}\n`,
);
