import { describe, expect, it } from 'vitest';
import { demoApi } from './helpers';

const { query } = await demoApi();

describe('GraphQL API', () => {
  it('answers the README query: the 11 chains with their segments', async () => {
    const { data, errors } = await query<{ chains: { name: string; segments: { name: string; tier: string }[] }[] }>(
      '{ chains { name segments { name tier } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.chains).toHaveLength(11);
    expect(data?.chains[0]?.segments[0]).toEqual({ name: expect.any(String), tier: 'UPSTREAM' });
  });

  it('finds enterprises by Chinese short name and full name', async () => {
    const { data } = await query<{ searchEnterprises: { shortName: string; name: string; role: string }[] }>(
      '{ searchEnterprises(query: "长江商贸") { shortName name role } }',
    );
    expect(data?.searchEnterprises[0]).toEqual({
      shortName: '长江商贸',
      name: '湖北长江商贸物流集团有限公司',
      role: 'ROOT',
    });
    const byName = await query<{ searchEnterprises: { shortName: string }[] }>(
      '{ searchEnterprises(query: "物流集团") { shortName } }',
    );
    expect(byName.data?.searchEnterprises.map((e) => e.shortName)).toContain('长江商贸');
  });

  it('returns an enterprise neighbourhood with nodes, edges and distances', async () => {
    const root = await query<{ searchEnterprises: { id: string }[] }>(
      '{ searchEnterprises(query: "长江商贸", limit: 1) { id } }',
    );
    const id = root.data?.searchEnterprises[0]?.id;
    const { data, errors } = await query<{
      neighbourhood: {
        centre: { id: string };
        nodes: { distance: number; enterprise: { id: string } }[];
        edges: { kind: string; fromId: string; toId: string; share: number | null }[];
        truncated: boolean;
      };
    }>(
      `query($id: ID!) { neighbourhood(id: $id, depth: 2, kinds: [CONTROLS], limit: 500) {
        centre { id } nodes { distance enterprise { id } } edges { kind fromId toId share } truncated } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    const n = data?.neighbourhood;
    expect(n?.centre.id).toBe(id);
    expect(n?.nodes[0]).toEqual({ distance: 0, enterprise: { id } });
    expect(n?.nodes.every((x) => x.distance <= 2)).toBe(true);
    expect(n?.edges.length).toBeGreaterThan(0);
    expect(n?.edges.every((e) => e.kind === 'CONTROLS' && e.share !== null)).toBe(true);
    const ids = new Set(n?.nodes.map((x) => x.enterprise.id));
    expect(n?.edges.every((e) => ids.has(e.fromId) && ids.has(e.toId))).toBe(true);
  });

  it.each([
    ['an unknown enterprise id', '{ enterprise(id: "nope") { id } }', 'NOT_FOUND'],
    ['an unknown chain id', '{ chain(id: "nope") { id } }', 'NOT_FOUND'],
    ['a neighbourhood of an unknown id', '{ neighbourhood(id: "nope") { truncated } }', 'NOT_FOUND'],
    ['depth 10', '{ neighbourhood(id: "x", depth: 10) { truncated } }', 'BAD_INPUT'],
    ['depth 0', '{ neighbourhood(id: "x", depth: 0) { truncated } }', 'BAD_INPUT'],
    ['a negative limit', '{ neighbourhood(id: "x", limit: -5) { truncated } }', 'BAD_INPUT'],
    ['a negative search limit', '{ searchEnterprises(query: "长江", limit: -1) { id } }', 'BAD_INPUT'],
    ['no relationship kinds', '{ neighbourhood(id: "x", kinds: []) { truncated } }', 'BAD_INPUT'],
    ['an over-long id', `{ enterprise(id: "${'x'.repeat(201)}") { id } }`, 'BAD_INPUT'],
    [
      'a query 20 levels deep',
      `{ chains { ${'segments { chain { '.repeat(10)}name${' } }'.repeat(10)} } }`,
      'TOO_COMPLEX',
    ],
    [
      '1,000 aliases',
      `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: chains { name }`).join(' ')} }`,
      'TOO_COMPLEX',
    ],
    ['an over-long search', `{ searchEnterprises(query: "${'长'.repeat(101)}") { id } }`, 'BAD_INPUT'],
  ])('refuses %s with a coded error', async (_what, source, code) => {
    const { errors } = await query(source);
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(errors?.[0]?.message).not.toMatch(/Unexpected error/);
  });

  it('serves GraphiQL from this server, with nothing from a CDN', async () => {
    const { yoga } = await demoApi();
    const page = await (await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('<title>Chain Atlas 链图 — GraphQL</title>');
    expect(page).not.toMatch(/<(script|link)[^>]+(src|href)="?https?:/);
  });

  it('reports a malformed query as a GraphQL validation error, not a crash', async () => {
    const { errors } = await query('{ chains { nope } }');
    expect(errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });
});
