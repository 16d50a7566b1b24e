import { controlledBy, findRoots, type Holding } from '../../analysis/systems';
import type { EnterpriseSystem } from '../port';
import type { EnterpriseGraph } from './memory-store';

/**
 * Every root's system (系) and every enterprise's role, from CONTROLS and SUPPLIES. Sets the
 * `role` of every node's record in place and returns the systems by root id.
 */
export function deriveSystems(graph: EnterpriseGraph): Map<string, EnterpriseSystem> {
  // an ownership of unknown share is not counted as control (docs/analysis.md, Equity)
  const holdingsOf = (id: string): Holding[] =>
    graph
      .mapOutEdges(id, (_e, r) => r)
      .flatMap((r) => (r.kind === 'CONTROLS' && r.share !== undefined ? [r as Holding] : []));
  const all: Holding[] = [];
  graph.forEachEdge((_e, r) => {
    if (r.kind === 'CONTROLS' && r.share !== undefined) all.push(r as Holding);
  });
  graph.forEachNode((_id, e) => {
    e.role = 'OTHER';
  });
  const systems = new Map<string, EnterpriseSystem>();
  const affiliatesOf = new Map<string, string[]>();
  for (const rootId of findRoots(all)) {
    const controlled = controlledBy(rootId, holdingsOf);
    const memberIds = new Set(controlled.map((c) => c.id));
    const affiliates = new Set<string>();
    for (const id of memberIds) {
      graph.forEachEdge(id, (_edge, r, source, target) => {
        if (r.kind !== 'SUPPLIES') return;
        const other = source === id ? target : source;
        if (!memberIds.has(other)) affiliates.add(other);
      });
    }
    for (const c of controlled) graph.getNodeAttributes(c.id).role = c.level === 0 ? 'ROOT' : 'DIRECT';
    affiliatesOf.set(rootId, [...affiliates].sort());
    systems.set(rootId, {
      rootId,
      members: controlled.map((c) => ({
        enterprise: graph.getNodeAttributes(c.id),
        effectiveShare: c.effectiveShare,
        level: c.level,
      })),
      affiliateIds: affiliatesOf.get(rootId) ?? [],
    });
  }
  // An affiliate of one system may be a member of another: members keep their role.
  for (const ids of affiliatesOf.values()) {
    for (const id of ids) {
      const e = graph.getNodeAttributes(id);
      if (e.role === 'OTHER') e.role = 'AFFILIATE';
    }
  }
  return systems;
}
