import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatManifest, persistedOperations } from '../scripts/persisted-operations';
import { requestBody } from '../src/api';
import { NeighbourhoodQuery, SearchEnterprisesQuery } from '../src/queries/enterprise';

describe('persisted operations (trusted documents)', () => {
  it('src/persisted-operations.json holds every operation of queries.ts, as it is now (run `pnpm persist` in web/)', async () => {
    const file = new URL('../src/persisted-operations.json', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(formatManifest(await persistedOperations()));
  });

  it("sends the app's operations by hash only", () => {
    for (const document of [SearchEnterprisesQuery, NeighbourhoodQuery]) {
      const body = JSON.parse(requestBody(document, { id: 'x' }));
      expect(body.query).toBeUndefined();
      expect(body.extensions.persistedQuery).toEqual({
        version: 1,
        sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(body.variables).toEqual({ id: 'x' });
    }
  });
});

describe('a server that does not know a hash', () => {
  it('gets the operation’s text instead, once', async () => {
    const { request } = await import('../src/api');
    const bodies: { query?: string; extensions?: unknown }[] = [];
    const answers = [
      {
        errors: [
          {
            message: 'No operation of the web app has that hash',
            extensions: { code: 'BAD_INPUT', reason: 'PERSISTED_QUERY_NOT_FOUND' },
          },
        ],
      },
      { data: { searchEnterprises: { totalCount: 0, nodes: [] } } },
    ];
    const original = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: { body: string }) => {
      bodies.push(JSON.parse(init.body));
      return new Response(JSON.stringify(answers[bodies.length - 1]), { status: bodies.length === 1 ? 400 : 200 });
    }) as typeof fetch;
    try {
      const data = await request(SearchEnterprisesQuery, { query: '长江', first: 5 });
      expect(data.searchEnterprises.totalCount).toBe(0);
    } finally {
      globalThis.fetch = original;
    }
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.query).toBeUndefined();
    expect(bodies[1]?.query).toMatch(/^query SearchEnterprises/);
  });
});
