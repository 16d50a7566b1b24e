import { compareIds } from '../domain/compare';
import type { Supplies } from '../domain/model';
import type { Centrality } from './centrality';
import { type InputOf, inputOf } from './inputs';
import type { ChainIndexView } from './subgraph';

/**
 * Chokepoints (卡点) of a chain: local firms that are the only source of something a local chain
 * member needs. Directed: a firm is a chokepoint because of whom it supplies, never because of who
 * supplies it, so adding suppliers into a firm can never make it one.
 */

/** A local chain member that gets one of its inputs from one supplier alone, a local one. */
export interface SingleSource {
  customerId: string;
  input: string;
  supplierId: string;
}

export interface Chokepoints {
  /** The local firms that are the sole supplier of some input to a local chain member, by id. */
  supplierIds: string[];
  /** Every single-source dependency, by customer, input, then supplier. */
  singleSources: SingleSource[];
  /** The single-source dependencies whose link is also a bridge of the local supply flow. */
  bridges: SingleSource[];
}

/**
 * The single-source dependencies of the chain's local members: for every local member and every
 * input it buys (by `input`), the suppliers of that input, local or from outside the district;
 * where there is exactly one and it is local, that is a dependency. `input` is a function of a
 * link, or a map from link to input (links it lacks fall back to `inputOf`).
 */
export function singleSources(
  view: ChainIndexView,
  input: InputOf | ReadonlyMap<Supplies, string> = inputOf,
): SingleSource[] {
  const of: InputOf = typeof input === 'function' ? input : (s) => input.get(s) ?? inputOf(s);
  const out: SingleSource[] = [];
  for (const customerId of view.localMembers) {
    const suppliersOf = new Map<string, Set<string>>();
    for (const s of view.suppliesInto.get(customerId) ?? []) {
      if (s.from === customerId) continue;
      const key = of(s);
      const set = suppliersOf.get(key) ?? new Set<string>();
      set.add(s.from);
      suppliersOf.set(key, set);
    }
    for (const [key, suppliers] of suppliersOf) {
      const [only] = suppliers;
      if (suppliers.size === 1 && only !== undefined && view.isLocal(only)) {
        out.push({ customerId, input: key, supplierId: only });
      }
    }
  }
  return out.sort(
    (a, b) =>
      compareIds(a.customerId, b.customerId) || compareIds(a.input, b.input) || compareIds(a.supplierId, b.supplierId),
  );
}

/**
 * The chain's chokepoints: its single-source dependencies, the firms they name, and those of them
 * that run over a bridge of the local supply flow (`bridges`, from the centrality).
 */
export function findChokepoints(
  view: ChainIndexView,
  bridges: Centrality['bridges'],
  input: InputOf | ReadonlyMap<Supplies, string> = inputOf,
): Chokepoints {
  const dependencies = singleSources(view, input);
  const bridged = new Set(bridges.map((b) => JSON.stringify([b.from, b.to])));
  return {
    supplierIds: [...new Set(dependencies.map((d) => d.supplierId))].sort(compareIds),
    singleSources: dependencies,
    bridges: dependencies.filter((d) => bridged.has(JSON.stringify([d.supplierId, d.customerId]))),
  };
}

export interface LostSupply {
  memberId: string;
  segmentId: string;
}

/**
 * What removing an enterprise would do: the local members that buy a segment's supply only from
 * it, and so would lose every supplier of that segment.
 */
export function removalImpact(view: ChainIndexView, enterpriseId: string): LostSupply[] {
  const itsSegments = view.segmentsOf.get(enterpriseId) ?? [];
  const lost: LostSupply[] = [];
  const customers = new Set((view.suppliesFrom.get(enterpriseId) ?? []).map((s) => s.to));
  for (const memberId of [...customers].sort()) {
    if (!view.localMembers.has(memberId)) continue;
    const suppliers = new Set((view.suppliesInto.get(memberId) ?? []).map((s) => s.from));
    for (const segmentId of itsSegments) {
      const others = [...suppliers].filter(
        (s) => s !== enterpriseId && (view.segmentsOf.get(s) ?? []).includes(segmentId),
      );
      if (others.length === 0) lost.push({ memberId, segmentId });
    }
  }
  return lost;
}
