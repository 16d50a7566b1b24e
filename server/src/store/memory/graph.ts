import { MultiDirectedGraph } from 'graphology';
import type { Chain, Dataset, Enterprise, Leader, Segment } from '../../domain/model';
import type { Relation } from '../port';

/**
 * The embedded property graph: one graphology graph holding every node (enterprises,
 * chains, segments, leaders) and every relationship, keyed as the domain keys them.
 */
export type NodeAttributes =
  | { label: 'Enterprise'; data: Enterprise }
  | { label: 'Chain'; data: Chain }
  | { label: 'Segment'; data: Segment }
  | { label: 'Leader'; data: Leader };

export type EdgeAttributes =
  | { type: 'CONTROLS' | 'SUPPLIES'; relation: Relation }
  | { type: 'IN_SEGMENT' | 'ANCHORS' | 'OF_CHAIN' | 'FEEDS' | 'LEADS'; relation?: undefined };

export type PropertyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

const nodeKey = {
  Enterprise: (id: string) => id,
  Chain: (id: string) => `chain:${id}`,
  Segment: (id: string) => `segment:${id}`,
  Leader: (id: string) => `leader:${id}`,
} as const;

export { nodeKey };

export function relationId(kind: 'CONTROLS' | 'SUPPLIES', from: string, to: string, product?: string): string {
  return kind === 'CONTROLS' ? `CONTROLS:${from}>${to}` : `SUPPLIES:${from}>${to}:${product ?? ''}`;
}

/** Builds the graph of a whole, already validated data set. */
export function buildGraph(data: Dataset): PropertyGraph {
  const g: PropertyGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const e of data.enterprises) g.mergeNode(nodeKey.Enterprise(e.id), { label: 'Enterprise', data: e });
  for (const c of data.chains) g.mergeNode(nodeKey.Chain(c.id), { label: 'Chain', data: c });
  for (const l of data.leaders) g.mergeNode(nodeKey.Leader(l.id), { label: 'Leader', data: l });
  for (const s of data.segments) {
    g.mergeNode(nodeKey.Segment(s.id), { label: 'Segment', data: s });
    g.mergeEdgeWithKey(`OF_CHAIN:${s.id}`, nodeKey.Segment(s.id), nodeKey.Chain(s.chainId), { type: 'OF_CHAIN' });
  }
  for (const f of data.feeds) {
    g.mergeEdgeWithKey(`FEEDS:${f.from}>${f.to}`, nodeKey.Segment(f.from), nodeKey.Segment(f.to), { type: 'FEEDS' });
  }
  for (const l of data.leads) {
    g.mergeEdgeWithKey(`LEADS:${l.leaderId}>${l.chainId}`, nodeKey.Leader(l.leaderId), nodeKey.Chain(l.chainId), {
      type: 'LEADS',
    });
  }
  for (const a of data.anchors) {
    g.mergeEdgeWithKey(`ANCHORS:${a.enterpriseId}>${a.chainId}`, a.enterpriseId, nodeKey.Chain(a.chainId), {
      type: 'ANCHORS',
    });
  }
  for (const m of data.inSegment) {
    g.mergeEdgeWithKey(`IN_SEGMENT:${m.enterpriseId}>${m.segmentId}`, m.enterpriseId, nodeKey.Segment(m.segmentId), {
      type: 'IN_SEGMENT',
    });
  }
  for (const c of data.controls) {
    const id = relationId('CONTROLS', c.from, c.to);
    g.mergeEdgeWithKey(id, c.from, c.to, { type: 'CONTROLS', relation: { id, kind: 'CONTROLS', ...c } });
  }
  for (const s of data.supplies) {
    const id = relationId('SUPPLIES', s.from, s.to, s.product);
    g.mergeEdgeWithKey(id, s.from, s.to, { type: 'SUPPLIES', relation: { id, kind: 'SUPPLIES', ...s } });
  }
  return g;
}
