/**
 * pnpm load [-- --seconds 60 --explorers 50]
 *
 * The load test: the server started as `pnpm start` starts it (its own process, a fresh data
 * directory with the demo data, its rate limits as configured by default), and `explorers`
 * concurrent explorers (autocannon connections on loopback, each with an analyst's token of its
 * own) asking, one after another, for an anchor's neighbourhood (two hops), a chain's gap report
 * with its best candidates, and a firm's one-hop neighbourhood, for `seconds`. An answer with a
 * non-2xx status or a GraphQL error counts as an error. Prints requests a second, p50 / p90 / p99
 * latency and the errors, and writes them to data/bench/load.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { hashToken } from '../src/auth/tokens';
import { DATASETS_DIR, DEMO_DATA_DIR } from '../src/paths';
import { startServerProcess } from '../test/process/server-process';
import { tempDir } from '../test/support/cli';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: { seconds: { type: 'string' }, explorers: { type: 'string' } },
});
const seconds = Number(values.seconds ?? 60);
const explorers = Number(values.explorers ?? 50);

// the demo's anchors and chains: what explorers look at
const anchors = readFileSync(join(DEMO_DATA_DIR, 'anchors.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { enterpriseId: string; chainId: string });
const tokens = Array.from({ length: explorers }, (_, i) => `load-explorer-${i}-${'x'.repeat(16)}`);

const server = await startServerProcess({
  CHAIN_DATA_DIR: tempDir('chain-atlas-load-'),
  CHAIN_TOKENS: tokens.map((t, i) => `explorer-${i}:analyst:${hashToken(t)}`).join(','),
  CHAIN_LOG_LEVEL: 'warn',
});

const NEIGHBOURHOOD = `query($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, kinds: [CONTROLS, SUPPLIES], limit: $limit) {
    truncated
    nodes { distance enterprise { id key name shortName local role } }
    edges { id kind fromId toId share product }
  }
}`;
const GAPS = `query($chain: ID!) {
  chain(id: $chain) {
    name
    gapReport {
      fill { segment { name } candidates(first: 5) { totalCount nodes { score enterprise { name } } } }
      extend { segment { name } direction candidates(first: 5) { nodes { score } } }
      strengthen { segment { name } reasons }
    }
  }
}`;

const errors = { http: 0, graphql: 0, examples: [] as string[] };
const onResponse = (status: number, body: string) => {
  if (status < 200 || status > 299) errors.http++;
  else if (body.includes('"errors"')) errors.graphql++;
  else return;
  if (errors.examples.length < 3) errors.examples.push(`${status} ${body.slice(0, 200)}`);
};
const post = (query: string, variables: object) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
  onResponse,
});

console.log(`Load: ${explorers} explorers for ${seconds} s against ${server.url} (${cpus().length} cores)`);
let next = 0;
const result = await autocannon({
  url: server.url,
  connections: explorers,
  duration: seconds,
  // each explorer its own token, and its own firms and chain to look at
  setupClient: (client) => {
    const i = next++;
    const anchor = anchors[i % anchors.length] as { enterpriseId: string; chainId: string };
    const other = anchors[(i + 3) % anchors.length] as { enterpriseId: string };
    const authorization = `Bearer ${tokens[i % tokens.length]}`;
    client.setRequests(
      [
        post(NEIGHBOURHOOD, { id: anchor.enterpriseId, depth: 2, limit: 200 }),
        post(GAPS, { chain: anchor.chainId }),
        post(NEIGHBOURHOOD, { id: other.enterpriseId, depth: 1, limit: 100 }),
      ].map((r) => ({ ...r, headers: { ...r.headers, authorization } })),
    );
  },
});
server.child.kill('SIGTERM');
await server.exited;

const figures = {
  explorers,
  seconds,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  errors: {
    non2xx: result.non2xx,
    http: errors.http,
    graphql: errors.graphql,
    connection: result.errors,
    timeouts: result.timeouts,
  },
  examples: errors.examples,
};
console.log(
  `  ${figures.requests} requests, ${figures.requestsPerSecond} a second; latency p50 ${figures.latencyMs.p50} ms, p90 ${figures.latencyMs.p90} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms`,
);
console.log(
  `  errors: ${figures.errors.non2xx} non-2xx, ${figures.errors.graphql} GraphQL, ${figures.errors.connection} connection, ${figures.errors.timeouts} timeouts`,
);
for (const example of figures.examples) console.log(`    e.g. ${example}`);
const benchDir = join(DATASETS_DIR, '..', 'bench');
mkdirSync(benchDir, { recursive: true });
writeFileSync(
  join(benchDir, 'load.json'),
  `${JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2)}\n`,
);
const failed = figures.errors.non2xx + figures.errors.graphql + figures.errors.connection + figures.errors.timeouts;
process.exit(failed === 0 ? 0 : 1);
