import type { ChainSubgraph } from '../../src/domain/records';

/**
 * A chain subgraph whose analysis takes seconds: `graph` with `n` more outside firms in its first
 * segment, each supplying one of its local members.
 */
export function heavyChain(graph: ChainSubgraph, n = 60_000): ChainSubgraph {
  const segmentId = graph.chain.segments[0]?.id as string;
  const model = graph.enterprises.find((e) => !e.local) as ChainSubgraph['enterprises'][number];
  const locals = graph.enterprises.filter((e) => e.local).map((e) => e.id);
  const extra = Array.from({ length: n }, (_, i) => ({ ...model, id: `X${i}`, name: `外地企业${i}` }));
  return {
    ...graph,
    enterprises: [...graph.enterprises, ...extra],
    memberships: [...graph.memberships, ...extra.map((e) => ({ enterpriseId: e.id, segmentId }))],
    supplies: [
      ...graph.supplies,
      ...extra.map((e, i) => ({
        from: e.id,
        to: locals[i % locals.length] as string,
        product: `零件${i % 97}`,
        source: 'test',
        confidence: 1,
      })),
    ],
  };
}
