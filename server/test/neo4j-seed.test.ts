import { describe, expect, it } from 'vitest';
import { openNeo4jStore } from '../src/bin/open-store';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { neo4jConfigFromEnv } from '../src/store/neo4j/config';
import { emptyTestDatabase } from './support/neo4j-test-db';

/**
 * On Neo4j (NEO4J_URI set; the test command's Neo4j tier): a database holding no Chain Atlas data
 * is filled with the demo data when the server opens it, as the embedded store's new data
 * directory is, and only then. Wipes the database, as the contract suite does.
 */
const config = neo4jConfigFromEnv();
describe.runIf(config)('opening an empty Neo4j database', () => {
  it('fills it with the demo data once, and leaves it as it is on the next start', async () => {
    if (!config) return;
    // emptied; its test-run mark is no enterprise or chain: to the store it is empty
    await (await emptyTestDatabase(config)).close();
    const demo = await readDataset([DEMO_DATA_DIR]);
    try {
      const first = await openNeo4jStore();
      expect(first).toBeDefined();
      expect((await first?.chains())?.map((c) => c.id).sort()).toEqual(demo.chains.map((c) => c.id).sort());
      const counted = (await first?.search({ order: 'NAME', offset: 0, limit: 1 }))?.total;
      expect(counted).toBe(demo.enterprises.length);
      await first?.close();
      // a second start finds data: nothing is imported again (an edit made in between stays)
      const second = await openNeo4jStore();
      expect((await second?.search({ order: 'NAME', offset: 0, limit: 1 }))?.total).toBe(counted);
      await second?.close();
    } finally {
      await (await emptyTestDatabase(config)).close();
    }
  }, 180_000);
});
