import { describe, expect, it } from 'vitest';
import { demoApi, type GraphQLResult } from './support/helpers';

const { query } = await demoApi();

/** The demo data set, as the API shows it, has the seed district's shape (issue 2). */
describe('demo data through the API', () => {
  it('has 11 chains, each with 4–8 segments, a leader, an anchor and at least one uncovered segment', async () => {
    const { data, errors } = await query<{
      chains: {
        nodes: {
          name: string;
          leaders: { name: string }[];
          anchors: { id: string }[];
          segments: { id: string; tier: string; covered: boolean; feedsInto: { id: string }[] }[];
        }[];
      };
    }>(`{ chains { nodes { name leaders { name } anchors { id }
          segments { id tier covered feedsInto { id } } } } }`);
    expect(errors).toBeUndefined();
    const chains = data?.chains.nodes ?? [];
    expect(chains).toHaveLength(11);
    expect(chains.map((c) => c.name)).toEqual(
      expect.arrayContaining(['商贸物流', '金融保险', '生态经济', '养老服务', '人工智能', '新能源汽车']),
    );
    for (const chain of chains) {
      expect(chain.segments.length, chain.name).toBeGreaterThanOrEqual(4);
      expect(chain.segments.length, chain.name).toBeLessThanOrEqual(8);
      expect(new Set(chain.segments.map((s) => s.tier)), chain.name).toEqual(
        new Set(['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM']),
      );
      expect(chain.leaders.length, chain.name).toBeGreaterThanOrEqual(1);
      expect(chain.anchors.length, chain.name).toBeGreaterThanOrEqual(1);
      expect(
        chain.segments.some((s) => !s.covered),
        chain.name,
      ).toBe(true);
    }
    // an interior hole: an uncovered segment with a covered segment upstream and one downstream
    const withHole = chains.filter((chain) => {
      const next = new Map(chain.segments.map((s) => [s.id, s.feedsInto.map((f) => f.id)]));
      const covered = new Set(chain.segments.filter((s) => s.covered).map((s) => s.id));
      const reaches = (from: string, seen = new Set<string>()): Set<string> => {
        for (const to of next.get(from) ?? []) if (!seen.has(to)) reaches(to, seen.add(to));
        return seen;
      };
      return chain.segments.some(
        (gap) =>
          !gap.covered &&
          [...reaches(gap.id)].some((d) => covered.has(d)) &&
          [...covered].some((u) => reaches(u).has(gap.id)),
      );
    });
    expect(withHole.length).toBeGreaterThanOrEqual(3);
  });

  it('has 7 systems with 90–110 direct enterprises and at least 500 supply-chain affiliates', async () => {
    const { data, errors } = await query<{
      systems: {
        nodes: {
          root: { role: string };
          directCount: number;
          members: { nodes: { enterprise: { role: string } }[] };
        }[];
      };
    }>('{ systems { nodes { root { role } directCount members(first: 100) { nodes { enterprise { role } } } } } }');
    expect(errors).toBeUndefined();
    const systems = data?.systems.nodes ?? [];
    expect(systems).toHaveLength(7);
    const direct = systems.reduce((n, s) => n + s.directCount, 0);
    expect(direct).toBeGreaterThanOrEqual(90);
    expect(direct).toBeLessThanOrEqual(110);
    for (const s of systems) {
      expect(s.root.role).toBe('ROOT');
      expect(s.members.nodes.slice(1).every((m) => m.enterprise.role === 'DIRECT')).toBe(true);
    }
    // every page of every system's affiliates
    const all = new Map<string, { id: string; role: string; local: boolean }>();
    for (let after: string | null = null, more = true; more; ) {
      const page: GraphQLResult<{
        systems: {
          nodes: {
            affiliates: {
              nodes: { id: string; role: string; local: boolean }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          }[];
        };
      }> = await query(
        'query($after: String) { systems { nodes { affiliates(first: 100, after: $after) { nodes { id role local } pageInfo { hasNextPage endCursor } } } } }',
        { after },
      );
      const lists = page.data?.systems.nodes.map((s) => s.affiliates) ?? [];
      for (const a of lists.flatMap((l) => l.nodes)) all.set(a.id, a);
      // a cursor is a position, the same in every system's list: page on while any list has more
      more = lists.some((l) => l.pageInfo.hasNextPage);
      after = lists.find((l) => l.pageInfo.hasNextPage)?.pageInfo.endCursor ?? null;
    }
    expect(all.size).toBeGreaterThanOrEqual(500);
    expect([...all.values()].every((a) => a.role === 'AFFILIATE')).toBe(true);
    const local = [...all.values()].filter((a) => a.local).length;
    expect(local).toBeGreaterThan(0);
    expect(local).toBeLessThan(all.size); // both local and outside the district
  });
});

describe('the systems, largest first', () => {
  it('lists them by size with orderBy: SIZE, by root id without it, and pages the same order', async () => {
    type Answer = {
      systems: {
        totalCount: number;
        nodes: { directCount: number; affiliateCount: number; root: { id: string } }[];
        pageInfo: { endCursor: string | null };
      };
    };
    const ask = (args: string) =>
      query<Answer>(
        `{ systems(${args}) { totalCount nodes { directCount affiliateCount root { id } } pageInfo { endCursor } } }`,
      );
    const byId = await ask('first: 100');
    const bySize = await ask('first: 100, orderBy: SIZE');
    expect(byId.errors).toBeUndefined();
    expect(bySize.errors).toBeUndefined();
    const ids = byId.data?.systems.nodes.map((s) => s.root.id) ?? [];
    expect(ids.length).toBe(byId.data?.systems.totalCount);
    const sized = bySize.data?.systems.nodes ?? [];
    expect(sized.map((s) => s.root.id).sort()).toEqual([...ids].sort());
    // ties stay in the default order
    const rank = new Map(ids.map((id, i) => [id, i]));
    for (const [a, b] of sized.slice(1).map((s, i) => [sized[i], s] as const)) {
      if (!a) continue;
      const order = b.directCount - a.directCount || b.affiliateCount - a.affiliateCount;
      expect(order, `${a.root.id} before ${b.root.id}`).toBeLessThanOrEqual(0);
      if (order === 0) expect(rank.get(a.root.id)).toBeLessThan(rank.get(b.root.id) ?? -1);
    }
    const first = await ask('first: 2, orderBy: SIZE');
    const rest = await ask(`first: 100, orderBy: SIZE, after: "${first.data?.systems.pageInfo.endCursor}"`);
    expect([...(first.data?.systems.nodes ?? []), ...(rest.data?.systems.nodes ?? [])]).toEqual(sized);
    expect(sized[0]?.directCount).toBe(Math.max(...sized.map((s) => s.directCount)));
  });
});
