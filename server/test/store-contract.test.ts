import { describe, expect, it } from 'vitest';
import { crossCheck } from '../src/curation/check';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { MemoryStore } from '../src/store/memory/memory-store';
import { neo4jConfigFromEnv } from '../src/store/neo4j/config';
import type { Neo4jGateway } from '../src/store/neo4j/gateway';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store';
import { emptyDataset } from '../src/store/port';
import { tempDir } from './support/cli';
import { describeLeadContract } from './support/lead-contract';
import { emptyTestDatabase } from './support/neo4j-test-db';
import { describeStoreContract } from './support/store-contract';

describeStoreContract('embedded store', () => EmbeddedStore.open(tempDir()));
describeLeadContract('memory store', async () => new MemoryStore().leads);
describeLeadContract('embedded store', async () => (await EmbeddedStore.open(tempDir())).leads);

/**
 * On Neo4j when NEO4J_URI is set. The run needs a database of its own (NEO4J_DATABASE, or the
 * default one): it refuses a database that holds data it did not put there, marks it, and
 * deletes everything in it when done.
 */
const config = neo4jConfigFromEnv();
if (config) {
  let store: Neo4jStore | undefined;
  describeStoreContract(`Neo4j at ${config.uri}`, async () => {
    const gateway = await emptyTestDatabase(config);
    store = new Neo4jStore(gateway);
    await store.ensureSchema();
    return store;
  });
  describe(`Neo4j at ${config.uri}: concurrent writers`, () => {
    it('lets one write transaction at a time check and write: two 60% holdings, the second refused', async () => {
      const db = (store as Neo4jStore).db;
      // each transaction, its work done, waits for the other's (or 1.5 s) before it commits: without a
      // write lock both would check an empty company and both commit
      let arrived = 0;
      let release: () => void = () => {};
      const both = new Promise<void>((resolve) => {
        release = resolve;
      });
      const gateway = Object.create(db) as Neo4jGateway;
      gateway.write = (work) =>
        db.write(async (tx) => {
          const result = await work(tx);
          if (++arrived === 2) release();
          await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 1500))]);
          return result;
        });
      const racing = new Neo4jStore(gateway);
      const rows = (holder: string) => ({
        ...emptyDataset(),
        enterprises: [
          { id: 'wc-lock-company', name: '锁测试有限公司', shortName: '锁测试', local: true, tags: [] },
          { id: holder, name: `${holder}有限公司`, shortName: holder, local: true, tags: [] },
        ],
        controls: [{ from: holder, to: 'wc-lock-company', share: 0.6, source: 'test', confidence: 1 }],
      });
      const results = await Promise.allSettled(
        ['wc-lock-a', 'wc-lock-b'].map((h) => racing.commit(rows(h), 'test', crossCheck(rows(h)))),
      );
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(String(refused.reason.message)).toMatch(/would sum to 120%/);
      const holders = (await racing.relationsOf(['wc-lock-company'], 'in', 'CONTROLS'))[0] ?? [];
      expect(holders).toHaveLength(1);
    });
  });
  describeLeadContract(`Neo4j at ${config.uri}`, async () => {
    // the store the graph's contract opened, or one of its own when run alone (-t)
    if (!store) {
      store = new Neo4jStore(await emptyTestDatabase(config));
      await store.ensureSchema();
    }
    return store.leads;
  });
  describe('Neo4j clean-up', () => {
    it('deletes what the contract tests wrote', async () => {
      await store?.db.write((tx) => tx.run('test/wipe'));
      await store?.close();
    });
  });
} else {
  describe('GraphStore contract: Neo4j', () => {
    it.skip('skipped: NEO4J_URI is not set (see README, "Run on Neo4j")', () => {});
  });
}
