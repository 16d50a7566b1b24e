import { Random } from '@chain-atlas/seeds/random';
import type { Size } from '@chain-atlas/seeds/scale';
import neo4j, { type Driver } from 'neo4j-driver';
import { readDataset } from '../src/import/importer';
import { connect, neo4jConfigFromEnv } from '../src/store/neo4j/config';
import { cypher } from '../src/store/neo4j/cypher-files';
import { Neo4jGateway } from '../src/store/neo4j/gateway';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store';
import { dataset, importInTwoSteps, splitNodesAndRelationships } from './datasets';
import { ms, printTable, timeEachAsync } from './stats';

/**
 * The Neo4j scenarios, run when NEO4J_URI is set, on a database of their own (refused if it holds
 * data no test or benchmark run put there; wiped first):
 * - B6N: import throughput through the UNWIND batches, enterprises then relationships;
 * - B2: neighbourhood 1/2/3 hops through Neo4jStore against a raw `session.run` of the same
 *   Cypher, in the same run (target ratio ≤ 1.05).
 */
export async function neo4jScenarios(size: Size, scratch: string, only: Set<string>) {
  const config = neo4jConfigFromEnv();
  if (!config) {
    console.log('\nB2, B6N: skipped (NEO4J_URI is not set)');
    return { skipped: 'NEO4J_URI is not set' };
  }
  const driver = (await connect(config)) as unknown as Driver;
  const gateway = new Neo4jGateway(driver as never, config.database);
  const store = new Neo4jStore(gateway);
  const [state] = await gateway.read((tx) => tx.run<{ nodes: number; marked: boolean }>('test', 'count-nodes'));
  if ((state?.nodes ?? 0) > 0 && !state?.marked) {
    throw new Error(
      `The Neo4j database at ${config.uri} holds data no benchmark put there; give the benchmarks an empty one.`,
    );
  }
  await gateway.write((tx) => tx.run('test', 'wipe'));
  await gateway.write((tx) => tx.run('test', 'mark', { startedAt: new Date().toISOString() }));
  await store.ensureSchema();
  const results: Record<string, unknown> = {};

  // B6N: import
  const source = dataset(size);
  const imported = await importInTwoSteps(store, splitNodesAndRelationships(source, scratch, 'neo4j'));
  results.B6N = imported;
  if (only.has('B6N')) {
    console.log(`\nB6N import into Neo4j, ${size} (UNWIND batches of 5,000 in one transaction)`);
    printTable(
      ['step', 'rows', 'rows/s'],
      [
        ['enterprises', imported.enterprises, Math.round(imported.enterprisesPerSecond)],
        ['relationships', imported.relationships, Math.round(imported.relationshipsPerSecond)],
      ],
    );
  }

  // B2: neighbourhood through the store vs the same Cypher through session.run
  if (only.has('B2')) {
    const data = await readDataset([source]);
    const starts = new Random(1).sample(
      data.enterprises.map((e) => e.id),
      100,
    );
    const rows = [];
    const b2: Record<string, unknown> = {};
    for (const depth of [1, 2, 3]) {
      const options = { depth, kinds: ['CONTROLS', 'SUPPLIES'] as const, limit: 200 };
      const ours = await timeEachAsync(starts, (id) =>
        store.neighbourhood(id, { ...options, kinds: [...options.kinds] }),
      );
      const raw = await timeEachAsync(starts, (id) => rawNeighbourhood(driver, config.database, id, depth, 200));
      b2[`depth${depth}`] = { store: ours, raw, ratio: ours.p50 / raw.p50 };
      rows.push([depth, ms(ours.p50), ms(ours.p95), ms(raw.p50), ms(raw.p95), (ours.p50 / raw.p50).toFixed(2)]);
    }
    console.log(`\nB2 neighbourhood on Neo4j, ${size} (limit 200, 100 start nodes), ms`);
    printTable(['depth', 'store p50', 'store p95', 'session.run p50', 'session.run p95', 'ratio p50'], rows);
    results.B2 = b2;
  }
  await gateway.write((tx) => tx.run('test', 'wipe'));
  await store.close();
  return results;
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
    await session.run(cypher('queries', 'get-enterprises'), { ids: [id] });
    const seen = new Map([[id, 0]]);
    let frontier = [id];
    for (let hop = 1; hop <= depth && frontier.length > 0 && seen.size < limit; hop++) {
      const room = limit - seen.size;
      const r = await session.run(cypher('queries', 'neighbourhood-hop'), {
        frontier,
        seen: [...seen.keys()],
        kinds,
        room: neo4j.int(room + 1),
      });
      frontier = r.records.map((x) => x.get('id') as string).slice(0, room);
      for (const n of frontier) seen.set(n, hop);
    }
    const ids = [...seen.keys()];
    await session.run(cypher('queries', 'get-enterprises'), { ids });
    await session.run(cypher('queries', 'neighbourhood-edges'), { ids, kinds });
  } finally {
    await session.close();
  }
}
