import { controlledBy, findRoots, type Holding } from '../../domain/systems';
import type { EnterpriseRecord, EnterpriseSystem, Relation, SystemMember } from '../port';
import type { EnterpriseGraph } from './enterprise-graph';

/**
 * The version of the rules deriveSystems follows (here and in domain/systems.ts): systems kept
 * with a segment (DataDir) were derived by the rules of their version, and are used only when it
 * is this one. Change it with the rules (the threshold, what counts as control or an affiliate).
 */
export const DERIVATION = 1;

/** A system as kept with a segment, its enterprises found: its root, its members, its affiliates (sorted by id). */
export interface KeptSystem {
  root: EnterpriseRecord;
  members: SystemMember[];
  affiliates: EnterpriseRecord[];
}

/**
 * The systems deriveSystems gave for this graph, kept with the segment it was read from: sets
 * every node's role as deriveSystems does and returns the systems by root id, deriving nothing.
 */
export function keptSystems(graph: EnterpriseGraph, kept: readonly KeptSystem[]): Map<string, EnterpriseSystem> {
  graph.forEachNode((_id, e) => {
    e.role = 'OTHER';
  });
  const systems = new Map<string, EnterpriseSystem>();
  for (const s of kept) {
    for (const m of s.members) m.enterprise.role = m.level === 0 ? 'ROOT' : 'DIRECT';
    systems.set(s.root.id, { rootId: s.root.id, members: s.members, affiliateIds: s.affiliates.map((e) => e.id) });
  }
  // An affiliate of one system may be a member of another: members keep their role.
  for (const s of kept) for (const e of s.affiliates) if (e.role === 'OTHER') e.role = 'AFFILIATE';
  return systems;
}

// an ownership of unknown share is not counted as control (docs/analysis.md, Equity)
const isHolding = (r: Relation): r is Relation & Holding => r.kind === 'CONTROLS' && r.share !== undefined;

/**
 * Every root's system (系) and every enterprise's role, from CONTROLS and SUPPLIES. Sets the
 * `role` of every node's record in place and returns the systems by root id.
 */
export function deriveSystems(graph: EnterpriseGraph): Map<string, EnterpriseSystem> {
  const holdingsOf = (id: string): Holding[] => graph.out(id).filter(isHolding);
  const all: Holding[] = [];
  for (const r of graph.allControls()) if (isHolding(r)) all.push(r);
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
      for (const r of graph.in(id)) if (r.kind === 'SUPPLIES' && !memberIds.has(r.from)) affiliates.add(r.from);
      for (const r of graph.out(id)) if (r.kind === 'SUPPLIES' && !memberIds.has(r.to)) affiliates.add(r.to);
    }
    for (const c of controlled) graph.record(c.id).role = c.level === 0 ? 'ROOT' : 'DIRECT';
    affiliatesOf.set(rootId, [...affiliates].sort());
    systems.set(rootId, {
      rootId,
      members: controlled.map((c) => ({
        enterprise: graph.record(c.id),
        effectiveShare: c.effectiveShare,
        level: c.level,
      })),
      affiliateIds: affiliatesOf.get(rootId) ?? [],
    });
  }
  // An affiliate of one system may be a member of another: members keep their role.
  for (const ids of affiliatesOf.values()) {
    for (const id of ids) {
      const e = graph.record(id);
      if (e.role === 'OTHER') e.role = 'AFFILIATE';
    }
  }
  return systems;
}
