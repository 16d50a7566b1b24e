import { describe, expect, it } from 'vitest';
import { decodeId } from '../src/graphql/global-id';
import { demoApi, idOf } from './support/helpers';

const { query, yoga } = await demoApi();

describe('GraphQL API', () => {
  it('answers the README query: the 11 chains with their segments', async () => {
    const { data, errors } = await query<{
      chains: { totalCount: number; nodes: { name: string; segments: { name: string; tier: string }[] }[] };
    }>('{ chains { totalCount nodes { name segments { name tier covered } } } }');
    expect(errors).toBeUndefined();
    expect(data?.chains.totalCount).toBe(11);
    expect(data?.chains.nodes).toHaveLength(11);
    expect(data?.chains.nodes[0]?.segments[0]).toEqual({
      name: expect.any(String),
      tier: 'UPSTREAM',
      covered: expect.any(Boolean),
    });
  });

  it('finds enterprises by Chinese short name and full name', async () => {
    const { data } = await query<{ searchEnterprises: { nodes: { shortName: string; name: string; role: string }[] } }>(
      '{ searchEnterprises(query: "长江商贸") { nodes { shortName name role } } }',
    );
    expect(data?.searchEnterprises.nodes[0]).toEqual({
      shortName: '长江商贸',
      name: '湖北长江商贸物流集团有限公司',
      role: 'ROOT',
    });
    const byName = await query<{ searchEnterprises: { nodes: { shortName: string }[] } }>(
      '{ searchEnterprises(query: "物流集团") { nodes { shortName } } }',
    );
    expect(byName.data?.searchEnterprises.nodes.map((e) => e.shortName)).toContain('长江商贸');
  });

  it('gives every node a global id that node(id:) fetches again, and takes keys where an id is asked for', async () => {
    const id = await idOf(query, '长江商贸');
    expect(decodeId(id)).toEqual({ typename: 'Enterprise', id: expect.stringMatching(/^91/) });
    const { data, errors } = await query<{
      node: { __typename: string; key: string; name: string };
      byKey: { id: string };
      chain: { id: string };
      nodes: ({ __typename: string } | null)[];
    }>(
      `query($id: ID!, $key: ID!) {
        node(id: $id) { __typename ... on Enterprise { key name } }
        byKey: enterprise(id: $key) { id }
        chain(id: "logistics") { id }
        nodes(ids: [$id, "Q2hhaW46bG9naXN0aWNz"]) { __typename }
      }`,
      { id, key: decodeId(id).id },
    );
    expect(errors).toBeUndefined();
    expect(data?.node).toEqual({
      __typename: 'Enterprise',
      key: decodeId(id).id,
      name: '湖北长江商贸物流集团有限公司',
    });
    expect(data?.byKey.id).toBe(id);
    expect(data?.nodes.map((n) => n?.__typename)).toEqual(['Enterprise', 'Chain']);
    const chainNode = await query<{ node: { name: string } }>(
      `{ node(id: "${data?.chain.id}") { ... on Chain { name } } }`,
    );
    expect(chainNode.data?.node.name).toBe('商贸物流');
  });

  it('returns an enterprise neighbourhood with nodes, edges and distances', async () => {
    const id = await idOf(query, '长江商贸');
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
    ['a path from an unknown id', '{ path(from: "nope", to: "nope2") { found } }', 'NOT_FOUND'],
    ['a chain id where an enterprise is asked for', '{ enterprise(id: "Q2hhaW46bG9naXN0aWNz") { id } }', 'BAD_INPUT'],
    ['a node id that is not one', '{ node(id: "???") { id } }', 'BAD_INPUT'],
    ['depth 10', '{ neighbourhood(id: "x", depth: 10) { truncated } }', 'BAD_INPUT'],
    ['depth 0', '{ neighbourhood(id: "x", depth: 0) { truncated } }', 'BAD_INPUT'],
    ['a negative limit', '{ neighbourhood(id: "x", limit: -5) { truncated } }', 'BAD_INPUT'],
    ['a path of 7 hops', '{ path(from: "a", to: "b", maxHops: 7) { found } }', 'BAD_INPUT'],
    ['a page over the maximum', '{ chains(first: 101) { totalCount } }', 'BAD_INPUT'],
    ['a negative page', '{ searchEnterprises(query: "长江", first: -1) { totalCount } }', 'BAD_INPUT'],
    ['a cursor the API never gave', '{ chains(after: "bm9wZQ") { totalCount } }', 'BAD_INPUT'],
    [
      'a cursor that is not a number',
      `{ chains(after: "${Buffer.from('OffsetConnection:abc').toString('base64')}") { totalCount } }`,
      'BAD_INPUT',
    ],
    ['no relationship kinds', '{ neighbourhood(id: "x", kinds: []) { truncated } }', 'BAD_INPUT'],
    ['an over-long id', `{ enterprise(id: "${'x'.repeat(201)}") { id } }`, 'BAD_INPUT'],
    ['an over-long search', `{ searchEnterprises(query: "${'长'.repeat(101)}") { totalCount } }`, 'BAD_INPUT'],
    [
      'subsidiaries 11 levels down',
      '{ searchEnterprises(query: "长江商贸", first: 1) { nodes { subsidiaries(depth: 11) { totalCount } } } }',
      'BAD_INPUT',
    ],
  ])('refuses %s with a coded error', async (_what, source, code) => {
    const { errors } = await query(source);
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(errors?.[0]?.message).not.toMatch(/Unexpected error/);
  });

  it('pages connections forward and back, with no cursors on an empty page', async () => {
    type Page = {
      chains: {
        totalCount: number;
        nodes: { key: string }[];
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
      };
    };
    const page = (args: string) =>
      query<Page>(
        `{ chains(${args}) { totalCount nodes { key } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      );
    const all = (await page('first: 100')).data?.chains.nodes.map((n) => n.key) ?? [];
    const first = (await page('first: 4')).data?.chains;
    expect(first?.nodes.map((n) => n.key)).toEqual(all.slice(0, 4));
    const second = (await page(`first: 4, after: "${first?.pageInfo.endCursor}"`)).data?.chains;
    expect(second?.nodes.map((n) => n.key)).toEqual(all.slice(4, 8));
    expect(second?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const last = (await page('last: 3')).data?.chains;
    expect(last?.nodes.map((n) => n.key)).toEqual(all.slice(-3));
    const back = (await page(`last: 2, before: "${second?.pageInfo.startCursor}"`)).data?.chains;
    expect(back?.nodes.map((n) => n.key)).toEqual(all.slice(2, 4));
    const none = (await page('first: 0')).data?.chains;
    expect(none).toMatchObject({ totalCount: 11, nodes: [], pageInfo: { startCursor: null, endCursor: null } });
    const lastFound = await query<{ searchEnterprises: { totalCount: number; nodes: { key: string }[] } }>(
      '{ searchEnterprises(query: "长江", last: 2) { totalCount nodes { key } } }',
    );
    const every = await query<{ searchEnterprises: { nodes: { key: string }[] } }>(
      '{ searchEnterprises(query: "长江", first: 100) { nodes { key } } }',
    );
    expect(lastFound.data?.searchEnterprises.nodes).toEqual(every.data?.searchEnterprises.nodes.slice(-2));
  });

  it('serves GraphiQL from this server, with nothing from a CDN', async () => {
    const page = await (await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('<title>Chain Atlas 链图 — GraphQL</title>');
    expect(page).not.toMatch(/<(script|link)[^>]+(src|href)="?https?:/);
  });

  it('reports a malformed query as a GraphQL validation error, not a crash', async () => {
    const { errors } = await query('{ chains { nope } }');
    expect(errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });
});
