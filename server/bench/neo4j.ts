import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Random } from '@chain-atlas/seeds/random';
import type { Size } from '@chain-atlas/seeds/scale';
import neo4j, { type Driver } from 'neo4j-driver';
import { gapReport } from '../src/analysis/gap-report';
import type { ChainSubgraph } from '../src/domain/records';
import { readDataset } from '../src/import/importer';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { connect, neo4jConfigFromEnv } from '../src/store/neo4j/config';
import { cypher } from '../src/store/neo4j/cypher-files';
import { Neo4jGateway } from '../src/store/neo4j/gateway';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store';
import { dataset, importInTwoSteps, splitNodesAndRelationships } from './datasets';
import { agree, relationKey, Skipped } from './scenario';
import { ms, percentile, printTable, type Timing } from './stats';

/**
 * The Neo4j scenarios, run when NEO4J_URI is set, on a database of their own (refused if it holds
 * data no test or benchmark run put there; wiped first), each beside the embedded store holding the
 * same set, in the same run:
 * - B6N: import throughput into Neo4j through the UNWIND batches (one transaction a step),
 *   enterprises then relationships, beside the same two steps into an embedded store (B6's work,
 *   one run instead of best of 3);
 * - B2: neighbourhood 1/2/3 hops (limit 200, the same 100 start nodes) through Neo4jStore, through
 *   a raw `session.run` of the same Cypher (the store's overhead, target ≤ 1.05) and on the
 *   embedded store;
 * - B7N: every chain's gap report with the chain subgraph read from Neo4j, cold (a store that has
 *   not read it: the graph's version, then the subgraph) and warm (kept: only the version is read),
 *   beside the same on the embedded store (cold: built anew; warm: kept).
 * The timed calls take turns, store by store, round by round (timeSideBySide), so a change in the
 * machine's speed falls on both sides. Both stores must take in the same rows (B6N), reach the same
 * enterprises and relationships (B2) and give the same gap reports (B7N). Quick: 20 start nodes, 3
 * chains, one timed round.
 */
export async function neo4jScenarios(size: Size, scratch: string, only: ReadonlySet<string>, { quick = false } = {}) {
  const config = neo4jConfigFromEnv();
  if (!config)
    throw new Skipped('NEO4J_URI is not set: they run on Neo4j (`npm run test:all` runs them in its Neo4j tier)');
  const driver = (await connect(config)) as unknown as Driver;
  const gateway = new Neo4jGateway(driver as never, config.database);
  const store = new Neo4jStore(gateway);
  const [state] = await gateway.read((tx) => tx.run<{ nodes: number; marked: boolean }>('test/count-nodes'));
  if ((state?.nodes ?? 0) > 0 && !state?.marked) {
    throw new Error(
      `The Neo4j database at ${config.uri} holds data no benchmark put there; give the benchmarks an empty one.`,
    );
  }
  await wipe(driver, config.database);
  await gateway.write((tx) => tx.run('test/mark', { startedAt: new Date().toISOString() }));
  await store.ensureSchema();
  const results: Record<string, unknown> = { loadBefore: loadavg() };

  // B6N: import into Neo4j, then the same into the embedded store (which B2 and B7N compare with)
  const source = dataset(size);
  const dirs = splitNodesAndRelationships(source, scratch, 'neo4j');
  const imported = await importInTwoSteps(store, dirs);
  const embeddedDir = join(scratch, 'neo4j-embedded');
  rmSync(embeddedDir, { recursive: true, force: true });
  const embedded = await EmbeddedStore.open(embeddedDir);
  const embeddedImport = await importInTwoSteps(embedded, dirs);
  results.B6N = { neo4j: imported, embedded: embeddedImport };
  const took = (i: typeof imported) => ({ enterprises: i.enterprises, relationships: i.relationships });
  agree('B6N', 'the rows Neo4j and the embedded store took in', took(imported), took(embeddedImport));
  if (only.has('B6N')) {
    console.log(`\nB6N import into Neo4j beside the embedded store, ${size} (one run each, in that order), rows/s`);
    const rate = (v: number) => Math.round(v).toLocaleString('en');
    printTable(
      ['step', 'rows', 'Neo4j', 'embedded', 'embedded ÷ Neo4j'],
      [
        [
          'enterprises',
          imported.enterprises,
          rate(imported.enterprisesPerSecond),
          rate(embeddedImport.enterprisesPerSecond),
          (embeddedImport.enterprisesPerSecond / imported.enterprisesPerSecond).toFixed(1),
        ],
        [
          'relationships',
          imported.relationships,
          rate(imported.relationshipsPerSecond),
          rate(embeddedImport.relationshipsPerSecond),
          (embeddedImport.relationshipsPerSecond / imported.relationshipsPerSecond).toFixed(1),
        ],
      ],
    );
  }

  if (only.has('B2')) results.B2 = await b2(size, source, store, embedded, driver, config.database, quick);
  if (only.has('B7N')) results.B7N = await b7n(size, gateway, store, embedded, quick);

  results.loadAfter = loadavg();
  console.log(
    `  load average before ${fmtLoad(results.loadBefore as number[])}, after ${fmtLoad(results.loadAfter as number[])}`,
  );
  await embedded.close();
  rmSync(embeddedDir, { recursive: true, force: true });
  await wipe(driver, config.database);
  await store.close();
  return results;
}

const fmtLoad = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');

/**
 * Empties the benchmarks' database (only ever one marked as theirs) in transactions of 5,000 nodes:
 * cypher/test/wipe.cypher's one transaction, sized for a test database, would hold all of M.
 */
async function wipe(driver: Driver, database: string | undefined) {
  const session = driver.session(database ? { database } : {});
  try {
    for (;;) {
      const r = await session.run('MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted');
      if (Number(r.records[0]?.get('deleted') ?? 0) === 0) break;
    }
  } finally {
    await session.close();
  }
}

/** B2: neighbourhoods through Neo4jStore, through session.run, and on the embedded store. */
async function b2(
  size: Size,
  source: string,
  store: Neo4jStore,
  embedded: EmbeddedStore,
  driver: Driver,
  database: string | undefined,
  quick: boolean,
) {
  const data = await readDataset([source]);
  const starts = new Random(1).sample(
    data.enterprises.map((e) => e.id),
    quick ? 20 : 100,
  );
  const rows = [];
  const b2: Record<string, unknown> = {};
  for (const depth of [1, 2, 3]) {
    const options = () => ({ depth, kinds: ['CONTROLS', 'SUPPLIES'] as ('CONTROLS' | 'SUPPLIES')[], limit: 200 });
    for (const id of starts) {
      const [a, b] = [await store.neighbourhood(id, options()), await embedded.neighbourhood(id, options())];
      const answer = (n: typeof a) => ({
        nodes: n?.nodes.map((e) => e.id).sort(),
        edges: n?.edges.map((r) => `${r.kind}:${relationKey(r)}`).sort(),
        truncated: n?.truncated,
      });
      agree(
        'B2',
        `the neighbourhoods of ${id} at depth ${depth} on Neo4j and on the embedded store`,
        answer(a),
        answer(b),
      );
    }
    const nodes = { neo4j: 0, embedded: 0 };
    const t = await timeSideBySide(
      starts,
      {
        neo4j: async (id) => {
          nodes.neo4j += (await store.neighbourhood(id, options()))?.nodes.length ?? 0;
        },
        raw: (id) => rawNeighbourhood(driver, database, id, depth, 200),
        embedded: async (id) => {
          nodes.embedded += (await embedded.neighbourhood(id, options()))?.nodes.length ?? 0;
        },
      },
      quick ? 1 : 3,
    );
    const calls = (quick ? 2 : 4) * starts.length; // the warm-up and the rounds
    const meanNodes = { neo4j: nodes.neo4j / calls, embedded: nodes.embedded / calls };
    const overNeo = t.neo4j.p50 / t.embedded.p50;
    const overhead = t.neo4j.p50 / t.raw.p50;
    b2[`depth${depth}`] = { ...t, meanNodes, neo4jOverEmbedded: overNeo, storeOverRaw: overhead };
    rows.push([
      depth,
      Math.round(meanNodes.neo4j),
      ms(t.neo4j.p50),
      ms(t.neo4j.p95),
      ms(t.raw.p50),
      ms(t.embedded.p50),
      ms(t.embedded.p95),
      overNeo.toFixed(0),
      overhead.toFixed(2),
    ]);
    if (Math.round(meanNodes.neo4j) !== Math.round(meanNodes.embedded))
      console.log(`  depth ${depth}: mean nodes differ (Neo4j ${meanNodes.neo4j}, embedded ${meanNodes.embedded})`);
  }
  console.log(
    `\nB2 neighbourhood, Neo4j beside the embedded store, ${size} (limit 200, ${starts.length} start nodes), ms`,
  );
  printTable(
    [
      'depth',
      'mean nodes',
      'Neo4j p50',
      'Neo4j p95',
      'session.run p50',
      'embedded p50',
      'embedded p95',
      'Neo4j ÷ embedded',
      'store ÷ session.run',
    ],
    rows,
  );
  return b2;
}

/**
 * B7N: every chain's gap report, the subgraph read from Neo4j or taken from the embedded store,
 * cold and warm. Cold on Neo4j is a store that has kept nothing (a server just started, or the first
 * request after a write); warm is the same store asked again (it reads the graph's version, one
 * round trip, and keeps the subgraph).
 */
async function b7n(size: Size, gateway: Neo4jGateway, store: Neo4jStore, embedded: EmbeddedStore, quick: boolean) {
  // at most 11 chains (the district's; M and L copy them), spread over the set: a cold read of a
  // chain subgraph of M from Neo4j takes seconds on this machine
  const all = (await embedded.chains()).map((c) => c.id);
  const step = Math.ceil(all.length / (quick ? 3 : 11));
  const chainIds = all.filter((_, i) => i % step === 0);
  const report = async (s: { chainSubgraph(id: string): Promise<ChainSubgraph | undefined> }, id: string) =>
    gapReport((await s.chainSubgraph(id)) as ChainSubgraph);
  // the same answers from both stores
  const sizes: number[] = [];
  for (const id of chainIds) {
    const [a, b] = await Promise.all([store.chainSubgraph(id), embedded.chainSubgraph(id)]);
    sizes.push(b?.enterprises.length ?? 0);
    agree(
      'B7N',
      `chain ${id}'s gap reports from Neo4j and from the embedded store`,
      gapReport(a as ChainSubgraph),
      gapReport(b as ChainSubgraph),
    );
  }
  const t = await timeSideBySide(
    chainIds,
    {
      neo4jSubgraphCold: (id) => new Neo4jStore(gateway).chainSubgraph(id),
      neo4jCold: (id) => report(new Neo4jStore(gateway), id),
      neo4jWarm: (id) => report(store, id),
      embeddedSubgraphCold: (id) => {
        embedded.forgetChainSubgraphs();
        return embedded.chainSubgraph(id);
      },
      embeddedCold: (id) => {
        embedded.forgetChainSubgraphs();
        return report(embedded, id);
      },
      embeddedWarm: (id) => report(embedded, id),
    },
    quick ? 1 : 3,
  );
  console.log(
    `\nB7N gap report per chain, subgraph from Neo4j beside the embedded store, ${size} (${chainIds.length} of ${all.length} chains, ${Math.min(...sizes)}–${Math.max(...sizes)} enterprises in a chain subgraph; the reports the same on both), ms`,
  );
  const row = (step: string, n: Timing, e: Timing) => [
    step,
    ms(n.p50),
    ms(n.p95),
    ms(e.p50),
    ms(e.p95),
    (n.p50 / e.p50).toFixed(1),
  ];
  printTable(
    ['step', 'Neo4j p50', 'Neo4j p95', 'embedded p50', 'embedded p95', 'Neo4j ÷ embedded'],
    [
      row('chain subgraph read (cold)', t.neo4jSubgraphCold, t.embeddedSubgraphCold),
      row('gap report, subgraph read first (cold)', t.neo4jCold, t.embeddedCold),
      row('gap report, subgraph kept (warm)', t.neo4jWarm, t.embeddedWarm),
    ],
  );
  return { ...t, chains: chainIds, ofChains: all.length, chainSizes: sizes, reportsDiffering: 0 };
}

/**
 * Each function over every input once to warm up, then `rounds` rounds in which the functions take
 * turns (all inputs through the first, then the second, …; every other round the other way
 * round): p50 and p95 a call, ms.
 */
async function timeSideBySide<K extends string, T>(
  inputs: readonly T[],
  fns: Record<K, (input: T) => Promise<unknown>>,
  rounds = 3,
): Promise<Record<K, Timing>> {
  const names = Object.keys(fns) as K[];
  const times = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (const k of names) for (const input of inputs) await fns[k](input);
  for (let r = 0; r < rounds; r++) {
    // every other round in reverse, so no function always runs after the same one (its garbage)
    for (const k of r % 2 === 0 ? names : [...names].reverse()) {
      for (const input of inputs) {
        const t = performance.now();
        await fns[k](input);
        times[k].push(performance.now() - t);
      }
    }
  }
  return Object.fromEntries(
    names.map((k) => {
      const sorted = times[k].sort((a, b) => a - b);
      return [k, { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length }];
    }),
  ) as Record<K, Timing>;
}

/** The store's neighbourhood walk, query for query, straight through session.run. */
async function rawNeighbourhood(
  driver: Driver,
  database: string | undefined,
  id: string,
  depth: number,
  limit: number,
) {
  const session = driver.session({ ...(database ? { database } : {}), defaultAccessMode: neo4j.session.READ });
  try {
    const kinds = ['CONTROLS', 'SUPPLIES'];
    await session.run(cypher('queries/get-enterprises'), { ids: [id] });
    const seen = new Map([[id, 0]]);
    let frontier = [id];
    for (let hop = 1; hop <= depth && frontier.length > 0 && seen.size < limit; hop++) {
      const room = limit - seen.size;
      const r = await session.run(cypher('queries/neighbourhood-hop'), {
        frontier,
        seen: [...seen.keys()],
        kinds,
        room: neo4j.int(room + 1),
      });
      frontier = r.records.map((x) => x.get('id') as string).slice(0, room);
      for (const n of frontier) seen.set(n, hop);
    }
    const ids = [...seen.keys()];
    await session.run(cypher('queries/get-enterprises'), { ids });
    await session.run(cypher('queries/neighbourhood-edges'), { ids, kinds });
  } finally {
    await session.close();
  }
}
