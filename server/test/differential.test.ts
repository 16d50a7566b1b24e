import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScale } from '@chain-atlas/seeds/scale';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/roles';
import { readCookbook } from '../src/graphql/cookbook';
import { importFiles } from '../src/import/importer';
import { COOKBOOK_FILE, DEMO_DATA_DIR, PERSISTED_OPERATIONS_FILE } from '../src/paths';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { neo4jConfigFromEnv } from '../src/store/neo4j/config';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store';
import { tempDir } from './support/cli';
import { differences, type Operation, webOperations } from './support/differential';
import { demoApi, type Query } from './support/helpers';
import { emptyTestDatabase } from './support/neo4j-test-db';

/**
 * Both stores, one API: every cookbook recipe and every operation the web app sends, on the demo
 * data and on the S scale set, answered over the embedded store and over Neo4j; the answers must
 * be the same JSON (lists compared in order only where the API promises one; see differential.ts).
 * Runs when NEO4J_URI is set (the test command's Neo4j tier), on a database the run may wipe.
 */
const config = neo4jConfigFromEnv();
const recipes = readCookbook(readFileSync(COOKBOOK_FILE, 'utf8'));
const persisted = Object.values(JSON.parse(readFileSync(PERSISTED_OPERATIONS_FILE, 'utf8')) as Record<string, string>);

if (config) {
  const sets: { name: string; paths: () => string[]; cookbook: boolean }[] = [
    { name: 'the demo data', paths: () => [DEMO_DATA_DIR], cookbook: true },
    {
      name: 'the S scale set',
      paths: () => {
        const dir = join(tempDir(), 'S');
        generateScale('S', dir);
        return [dir];
      },
      cookbook: false,
    },
  ];

  describe.each(sets)('the embedded store and Neo4j answer alike on $name', (set) => {
    let embedded: Query;
    let neo4j: Query;
    let neo4jStore: Neo4jStore;
    let operations: Operation[] = [];

    beforeAll(async () => {
      const paths = set.paths();
      const embeddedStore = await EmbeddedStore.open(tempDir());
      await importFiles(embeddedStore, { paths });
      const gateway = await emptyTestDatabase(config);
      neo4jStore = new Neo4jStore(gateway);
      await neo4jStore.ensureSchema();
      await importFiles(neo4jStore, { paths });
      // the answers are compared, not their speed (B2, B7N measure that): a request may take longer
      // than the server's 15 s on a busy host (S's first chain overview on Neo4j: 2.3-5.1 s on a
      // quiet one, 15 s with a benchmark running beside it)
      const timeoutMs = 120_000;
      embedded = (await demoApi({ store: embeddedStore, timeoutMs })).query;
      neo4j = (await demoApi({ store: neo4jStore, timeoutMs })).query;
      operations = [
        ...(set.cookbook
          ? recipes
              // the curation recipe writes: it gets a test of its own below
              .filter((r) => !/\(editor token\)/.test(r.title))
              .map((r) => ({
                name: `cookbook ${r.title}`,
                query: r.query,
                variables: JSON.parse(r.variables) as Record<string, unknown>,
                role: /\((analyst|admin) token\)/.exec(r.title)?.[1] as Role | undefined,
              }))
          : []),
        ...(await webOperations(persisted, embedded)),
      ];
    }, 600_000);

    // wiping the S set is one transaction of its own: more than the 10 s a hook gets by default
    afterAll(async () => {
      await neo4jStore?.db.write((tx) => tx.run('test/wipe'));
      await neo4jStore?.close();
    }, 120_000);

    it('gives every operation the same answer', async () => {
      expect(operations.length).toBeGreaterThan(set.cookbook ? 40 : 30);
      const found: string[] = [];
      const slow: [number, string][] = [];
      for (const op of operations) {
        const started = performance.now();
        const a = await embedded(op.query, op.variables, op.role);
        const between = performance.now();
        const b = await neo4j(op.query, op.variables, op.role);
        const took = [between - started, performance.now() - between];
        if (Math.max(...took) > 2000)
          slow.push([
            Math.max(...took),
            `${op.name} ${JSON.stringify(op.variables)}: ${took.map(Math.round).join(' / ')} ms`,
          ]);
        const diff = differences(a, b);
        if (diff.length > 0)
          found.push(`${op.name} ${JSON.stringify(op.variables)} as ${op.role ?? 'viewer'}:\n  ${diff.join('\n  ')}`);
      }
      // the slowest, embedded / Neo4j: a figure to watch, not a test
      for (const [, line] of slow.sort((x, y) => y[0] - x[0]).slice(0, 5)) console.log(`slow: ${line}`);
      expect(found, `${found.length} of ${operations.length} operations answered differently`).toEqual([]);
    }, 600_000);
  });
} else {
  describe('the embedded store and Neo4j answer alike', () => {
    it.skip('skipped: NEO4J_URI is not set (the test command sets it when it can start Neo4j)', () => {});
  });
}
