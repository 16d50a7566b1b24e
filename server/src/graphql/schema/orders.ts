import { compareIds } from '../../domain/compare';
import type { Segment } from '../../domain/model';
import type { ChainRecord, EnterprisePath, Neighbourhood } from '../../store/port';

/**
 * The orders the API promises for lists a store may give in any order (the embedded store in the
 * order rows were imported, Neo4j as it finds them): one answer whichever store is behind it, as
 * the differential test (server/test/differential.test.ts) checks. Every order ends on ids.
 */

/** A chain's leaders and anchors by id, its template by the segments' order. */
export function chainInOrder(chain: ChainRecord): ChainRecord {
  const order = new Map(chain.segments.map((s, i) => [s.id, i]));
  const at = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return {
    ...chain,
    segments: [...chain.segments].sort((a, b) => a.order - b.order || compareIds(a.id, b.id)),
    leaders: [...chain.leaders].sort((a, b) => compareIds(a.id, b.id)),
    anchorIds: [...chain.anchorIds].sort(compareIds),
    feeds: [...chain.feeds].sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to)),
  };
}

/** Chains by id. */
export const chainsInOrder = (chains: ChainRecord[]): ChainRecord[] =>
  chains.map(chainInOrder).sort((a, b) => compareIds(a.id, b.id));

/** An enterprise's segments by chain, then along the chain. */
export const segmentsInOrder = (segments: Segment[]): Segment[] =>
  [...segments].sort((a, b) => compareIds(a.chainId, b.chainId) || a.order - b.order || compareIds(a.id, b.id));

/** A neighbourhood's enterprises nearest first (the centre first), then by id; its links by kind, ends. */
export function neighbourhoodInOrder(n: Neighbourhood): Neighbourhood {
  const pairs = n.nodes.map((node, i) => ({ node, distance: n.distances[i] ?? 0 }));
  pairs.sort((a, b) => a.distance - b.distance || compareIds(a.node.id, b.node.id));
  return {
    ...n,
    nodes: pairs.map((p) => p.node),
    distances: pairs.map((p) => p.distance),
    edges: [...n.edges].sort(
      (a, b) =>
        compareIds(a.kind, b.kind) ||
        compareIds(a.from, b.from) ||
        compareIds(a.to, b.to) ||
        compareIds(a.kind === 'SUPPLIES' ? a.product : '', b.kind === 'SUPPLIES' ? b.product : ''),
    ),
  };
}

/** Paths of one length by the ids along them. */
export const pathsInOrder = (paths: EnterprisePath[]): EnterprisePath[] =>
  [...paths].sort(
    (a, b) => a.relations.length - b.relations.length || compareIds(a.nodeIds.join('\u0000'), b.nodeIds.join('\u0000')),
  );
