import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { neo4jConfigFromEnv } from '../src/store/neo4j/config';
import { cypher } from '../src/store/neo4j/cypher-files';
import { RELATIONSHIP_TYPES } from '../src/store/neo4j/schema-description';

/**
 * On Neo4j (NEO4J_URI set): the plans of queries whose speed must not hang on the planner's
 * statistics. EXPLAIN only: nothing is read or written, any database will do.
 */
const config = neo4jConfigFromEnv();

function operators(plan: Pick<ProfiledPlan, 'operatorType' | 'children'>): string[] {
  return [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
}

describe.runIf(config)('query plans on Neo4j', () => {
  it('looks a relationship up by both its ends for every kind (existing-relationships.cypher)', async () => {
    if (!config) return;
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    const session = driver.session(config.database ? { database: config.database } : {});
    try {
      const result = await session.run(`EXPLAIN ${cypher('queries/existing-relationships')}`, {
        kind: 'SUPPLIES',
        keys: [{ from: 'a', to: 'b', product: 'p' }],
      });
      const ops = operators(result.summary.plan as ProfiledPlan);
      // each branch: the two ends by their unique index, then Expand(Into) between them, which
      // walks the end with fewer relationships; never every relationship of one end, chosen by
      // statistics that may be stale (a segment's every member, for each key)
      // a branch for every kind an import writes: all but OF_CHAIN (a segment's chain) and BASED_ON (snapshots)
      const imported = RELATIONSHIP_TYPES.filter((t) => t !== 'OF_CHAIN' && t !== 'BASED_ON');
      expect(ops.filter((o) => o === 'Expand(Into)')).toHaveLength(imported.length);
      expect(ops.filter((o) => o === 'NodeUniqueIndexSeek')).toHaveLength(2 * imported.length);
      expect(ops.filter((o) => /Expand\(All\)|Scan|RelationshipIndexSeek/.test(o))).toEqual([]);
    } finally {
      await session.close();
      await driver.close();
    }
  });
});
