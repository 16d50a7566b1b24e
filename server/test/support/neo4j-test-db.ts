import { connect, type Neo4jConfig } from '../../src/store/neo4j/config';
import { Neo4jGateway } from '../../src/store/neo4j/gateway';

/**
 * The test run's Neo4j database (NEO4J_URI & co.), emptied and marked as a test run's: refused when
 * it holds nodes that no test run put there (cypher/test/count-nodes, mark, wipe). The tests on
 * Neo4j share it, one file at a time.
 */
export async function emptyTestDatabase(config: Neo4jConfig): Promise<Neo4jGateway> {
  const gateway = new Neo4jGateway(await connect(config), config.database);
  const [{ nodes, marked } = { nodes: 0, marked: false }] = await gateway.read((tx) =>
    tx.run<{ nodes: number; marked: boolean }>('test/count-nodes'),
  );
  if (nodes > 0 && !marked) {
    await gateway.close();
    throw new Error(
      `The Neo4j database at ${config.uri} holds ${nodes} nodes that no test run put there; give the tests an empty one.`,
    );
  }
  await gateway.write((tx) => tx.run('test/wipe'));
  await gateway.write((tx) => tx.run('test/mark', { startedAt: new Date().toISOString() }));
  return gateway;
}
