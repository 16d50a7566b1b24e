/**
 * B14's server, in a process of its own as the app runs: the API over a scale data set with the
 * default request limits and the analysis workers, as `pnpm start` has them. Prints one line of
 * JSON on stdout ({ baseUrl, enterprise, chains }) and serves until SIGTERM or its parent goes away.
 * Its tokens are `bench-warm` and `bench-explorer` (the tokens are their own names). B14_DEBUG=1
 * prints the event loop's delay every 4 s.
 *
 *   node --import tsx server/bench/b14-server.ts M
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Size } from '@chain-atlas/seeds/scale';
import { AnalysisPool } from '../src/analysis-pool/pool';
import { hashToken, TokenBook } from '../src/auth/tokens';
import { createApp } from '../src/http/app';
import { readDataset } from '../src/import/importer';
import { MemoryStore } from '../src/store/memory/memory-store';
import { dataset } from './datasets';
import { busiest } from './hub';

const size = process.argv[2] as Size;
const store = new MemoryStore(await readDataset([dataset(size)]));
const enterprise = await busiest(store);
const chains = (await store.chains()).length;
const analysis = new AnalysisPool();
// the bench's own callers: one that warms the reports, and the explorer it times (each with a
// budget of its own); the hostile requests and the floods come without a token
const tokens = new TokenBook(
  ['bench-warm', 'bench-explorer'].map((name) => ({ name, role: 'analyst' as const, sha256: hashToken(name) })),
);
const { server, shutdown } = createApp({ store, api: { analysis, tokens } });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const stop = () => shutdown(1000).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.stdout.write(
  `${JSON.stringify({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, enterprise, chains })}\n`,
);

// B14_DEBUG=1: the event loop's delay, every 4 s, on standard error (where the time goes under a flood)
if (process.env.B14_DEBUG) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  setInterval(() => {
    process.stderr.write(
      `ELD p50 ${(h.percentile(50) / 1e6).toFixed(0)} p99 ${(h.percentile(99) / 1e6).toFixed(0)} max ${(h.max / 1e6).toFixed(0)} ms\n`,
    );
    h.reset();
  }, 4000).unref();
}
