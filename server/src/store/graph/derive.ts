import { controlledBy, findRoots, type Holding } from '../../domain/systems';
import type { EnterpriseRecord, EnterpriseSystem, Relation, SystemMember } from '../port';
import type { EnterpriseGraph } from './enterprise-graph';

/**
 * The version of the rules deriveSystems follows (here and in domain/systems.ts): systems kept
 * with a segment (DataDir) were derived by the rules of their version, and are used only when it
 * is this one. Change it with the rules (the threshold, what counts as control or an affiliate).
 */
export const DERIVATION = 1;

/**
 * The systems kept with a segment (see DataDir): each root, member ([place, effective share,
 * level]) and affiliate by its place among the segment's `enterprises`, and the node at a place.
 */
export interface KeptSystems {
  systems: readonly { root: number; members: readonly [number, number, number][]; affiliates: readonly number[] }[];
  enterprises: number;
  node: (place: number) => { id: string; record: EnterpriseRecord };
}

/**
 * The systems deriveSystems gave for this graph, kept with the segment it was read from: sets
 * the roles as deriveSystems does and returns the systems by root id, deriving nothing. For a
 * graph just built, every role still OTHER (as MemoryGraph puts an enterprise).
 *
 * L keeps 24,000 systems naming 2.3 million affiliates, 880,000 of them different: each
 * different one is looked at once, and a system's affiliates' ids are listed when first asked
 * for (B13: each of those a trip to an enterprise far away in the heap).
 */
export function keptSystems({ systems: kept, enterprises, node }: KeptSystems): Map<string, EnterpriseSystem> {
  for (const s of kept)
    for (const [place, , level] of s.members) node(place).record.role = level === 0 ? 'ROOT' : 'DIRECT';
  // An affiliate of one system may be a member of another: members keep their role.
  const seen = new Uint8Array(enterprises);
  for (const s of kept)
    for (const place of s.affiliates) {
      if (seen[place] === 1) continue;
      seen[place] = 1;
      const record = node(place).record;
      if (record.role === 'OTHER') record.role = 'AFFILIATE';
    }
  const systems = new Map<string, EnterpriseSystem>();
  for (const s of kept) {
    const rootId = node(s.root).id;
    const members: SystemMember[] = s.members.map(([place, effectiveShare, level]) => ({
      enterprise: node(place).record,
      effectiveShare,
      level,
    }));
    let ids: string[] | undefined;
    const system = { rootId, members } as EnterpriseSystem;
    Object.defineProperty(system, 'affiliateIds', {
      enumerable: true,
      get: () => {
        ids ??= s.affiliates.map((place) => node(place).id);
        return ids;
      },
    });
    systems.set(rootId, system);
  }
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
