import { describe, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { connect, neo4jConfigFromEnv } from '../src/store/neo4j/config';
import { Neo4jGateway } from '../src/store/neo4j/gateway';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store';
import { tempDir } from './cli';
import { describeStoreContract } from './store-contract';

describeStoreContract('embedded store', () => EmbeddedStore.open(tempDir()));

/**
 * On Neo4j when NEO4J_URI is set. The run needs a database of its own (NEO4J_DATABASE, or the
 * default one): it refuses a database that holds data it did not put there, marks it, and
 * deletes everything in it when done.
 */
const config = neo4jConfigFromEnv();
if (config) {
  let store: Neo4jStore | undefined;
  describeStoreContract(`Neo4j at ${config.uri}`, async () => {
    const gateway = new Neo4jGateway(await connect(config), config.database);
    const [{ nodes, marked } = { nodes: 0, marked: false }] = await gateway.read((tx) =>
      tx.run<{ nodes: number; marked: boolean }>('test', 'count-nodes'),
    );
    if (nodes > 0 && !marked) {
      throw new Error(
        `The Neo4j database at ${config.uri} holds ${nodes} nodes that no test run put there; give the tests an empty one.`,
      );
    }
    await gateway.write((tx) => tx.run('test', 'wipe'));
    await gateway.write((tx) => tx.run('test', 'mark', { startedAt: new Date().toISOString() }));
    store = new Neo4jStore(gateway);
    await store.ensureSchema();
    return store;
  });
  describe('Neo4j clean-up', () => {
    it('deletes what the contract tests wrote', async () => {
      await store?.db.write((tx) => tx.run('test', 'wipe'));
      await store?.close();
    });
  });
} else {
  describe('GraphStore contract: Neo4j', () => {
    it.skip('skipped: NEO4J_URI is not set (see README, "Run on Neo4j")', () => {});
  });
}
