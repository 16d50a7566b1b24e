import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema/index';
import { readPersistedOperations } from '../src/graphql/use-persisted';
import { PERSISTED_OPERATIONS_FILE } from '../src/paths';
import { demoApi, TOKENS } from './support/helpers';

const operations = readPersistedOperations(PERSISTED_OPERATIONS_FILE);
const [searchHash] = [...operations].find(([, text]) => text.startsWith('query SearchEnterprises')) ?? [];

async function post(yoga: Awaited<ReturnType<typeof demoApi>>['yoga'], body: object, token?: string) {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

const byHash = (hash = searchHash) => ({
  variables: { query: '长江商贸', first: 1 },
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});
const ownQuery = { query: '{ chains { totalCount } }' };

describe('persisted operations and trusted documents', () => {
  it("the web app's operations are all valid against the schema", () => {
    expect(operations.size).toBeGreaterThanOrEqual(2);
    for (const [hash, text] of operations) expect(validate(schema, parse(text)), hash).toEqual([]);
  });

  it('off (the default): any query runs, and the app’s operations run by hash', async () => {
    const { yoga } = await demoApi();
    expect((await post(yoga, ownQuery)).body.data).toEqual({ chains: { totalCount: 11 } });
    const r = await post(yoga, byHash());
    expect(r.body.errors).toBeUndefined();
    expect(JSON.stringify(r.body.data)).toContain('湖北长江商贸物流集团有限公司');
  });

  it('on: only the app’s operations, unless the caller has an analyst token or better', async () => {
    const { yoga } = await demoApi({ trustedDocuments: true });
    expect(JSON.stringify((await post(yoga, byHash())).body.data)).toContain('长江商贸');
    const refused = await post(yoga, ownQuery);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/analyst token/),
    });
    expect((await post(yoga, ownQuery, TOKENS.viewer)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await post(yoga, ownQuery, TOKENS.analyst)).body.data).toEqual({ chains: { totalCount: 11 } });
    expect((await post(yoga, ownQuery, TOKENS.admin)).body.data).toEqual({ chains: { totalCount: 11 } });
    const unknown = await post(yoga, byHash('0'.repeat(64)));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    const badToken = await post(yoga, byHash(), 'not-a-token');
    expect(badToken.status).toBe(401);
    expect(badToken.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // GraphiQL itself still opens: analysts add their token in its Headers tab
    const page = await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
  });
});
