import { neo4jConfigFromEnv } from '../../src/store/neo4j/config';
import { emptyTestDatabase } from './neo4j-test-db';

/**
 * Empties the test run's Neo4j database (NEO4J_URI & co.) from the command line, with the same
 * guard as the server's tests: the browser suite's run on Neo4j calls it before each test server,
 * so that every test file starts, as on the embedded store, from a database the server fills with
 * the demo data. `node --import tsx server/test/support/empty-neo4j.ts`
 */
const config = neo4jConfigFromEnv();
if (!config) {
  console.error('empty-neo4j: NEO4J_URI is not set; nothing to empty.');
  process.exit(2);
}
await (await emptyTestDatabase(config)).close();
