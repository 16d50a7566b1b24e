import { describe, expect, it } from 'vitest';
import { demoApi } from './support/helpers';

interface Pairs {
  chains: {
    nodes: {
      gapReport: {
        segments: {
          need: string;
          segment: { id: string; enterprises: { nodes: { id: string; local: boolean }[] } };
        }[];
      };
      members: { edges: { segment: { id: string }; node: { id: string; local: boolean } }[] };
    }[];
  };
}

const everything = `{
  chains(first: 100) {
    nodes {
      gapReport { segments { need segment { id enterprises(first: 100) { nodes { id local } } } } }
      members(first: 100) { edges { segment { id } node { id local } } }
    }
  }
}`;

/** The (outside firm, segment) pairs of segments that need something, as each list gives them. */
function outsidePairs(data: Pairs) {
  const bySegment = new Set<string>();
  const byMembers = new Set<string>();
  for (const chain of data.chains.nodes) {
    const needy = new Set(chain.gapReport.segments.filter((s) => s.need !== 'OK').map((s) => s.segment.id));
    for (const s of chain.gapReport.segments)
      if (needy.has(s.segment.id))
        for (const e of s.segment.enterprises.nodes) if (!e.local) bySegment.add(`${e.id} ${s.segment.id}`);
    for (const m of chain.members.edges)
      if (!m.node.local && needy.has(m.segment.id)) byMembers.add(`${m.node.id} ${m.segment.id}`);
  }
  return { bySegment, byMembers };
}

describe('what a viewer is not shown: the outside firms of segments that need something', () => {
  it('lists them to an analyst, and to a viewer not in a segment, a chain or a firm', async () => {
    const { query } = await demoApi();
    const analyst = await query<Pairs>(everything, {}, 'analyst');
    const viewer = await query<Pairs>(everything, {}, 'viewer');
    expect(analyst.errors).toBeUndefined();
    expect(viewer.errors).toBeUndefined();
    const seen = outsidePairs(analyst.data as Pairs);
    expect(seen.bySegment.size).toBeGreaterThan(20);
    const hidden = outsidePairs(viewer.data as Pairs);
    expect(hidden.bySegment.size).toBe(0);
    expect(hidden.byMembers.size).toBe(0);
    // nor through the firms themselves: none of them names such a segment to a viewer
    const firms = [...new Set([...seen.bySegment].map((pair) => pair.split(' ')[0]))];
    const segments = await query<{ nodes: { id: string; segments: { id: string }[] }[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Enterprise { segments { id } } } }',
      { ids: firms.slice(0, 100) },
      'viewer',
    );
    expect(segments.errors).toBeUndefined();
    expect(segments.data?.nodes).toHaveLength(Math.min(firms.length, 100));
    const named = new Set(segments.data?.nodes.flatMap((n) => n.segments.map((s) => `${n.id} ${s.id}`)));
    expect([...seen.bySegment].filter((pair) => named.has(pair))).toEqual([]);
    // the candidates' pairs, which an analyst reads, are therefore not rebuilt from what a viewer reads
    // while the local firms, and the outside firms of segments that need nothing, are the same for both
    const localOf = (d: Pairs) =>
      d.chains.nodes.flatMap((c) =>
        c.members.edges.filter((m) => m.node.local).map((m) => `${m.node.id} ${m.segment.id}`),
      );
    expect(localOf(viewer.data as Pairs)).toEqual(localOf(analyst.data as Pairs));
  });

  it('still tells a viewer how many there are', async () => {
    const { query } = await demoApi();
    const r = await query<{ chain: { gapReport: { segments: { need: string; outsideCount: number }[] } } }>(
      '{ chain(id: "logistics") { gapReport { segments { need outsideCount } } } }',
    );
    expect(r.data?.chain.gapReport.segments.some((s) => s.need !== 'OK' && s.outsideCount > 0)).toBe(true);
  });
});
