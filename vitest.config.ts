import { defineConfig } from 'vitest/config';

/** One config, one project per part of the workspace; `pnpm test` runs them all. */
export default defineConfig({
  test: {
    projects: [
      {
        // graphql 16 has a CommonJS entry (what Node, and so Pothos and Yoga, load) and an ESM one
        // (what Vite would pick): both at once break its instanceof checks. Use Node's.
        resolve: { alias: { graphql: 'graphql/index.js' } },
        test: {
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      { test: { name: 'seeds', root: './seeds', include: ['test/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'web', root: './web', include: ['test/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'browser',
          root: './web',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // what the page shows waits on the server: a real database plans each new query once,
          // which can take longer than expect.poll's default second (the Neo4j tier's run)
          expect: { poll: { timeout: 5_000 } },
          // on Neo4j (NEO4J_URI set) every test server shares one database: one file at a time
          fileParallelism: !process.env.NEO4J_URI?.trim(),
        },
      },
    ],
  },
});
