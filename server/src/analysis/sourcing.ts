import type { Supplies } from '../domain/model';
import { attributeSupply } from './products';
import type { ChainIndexView } from './subgraph';

/**
 * Local sourcing (本地配套率): of the supply into local chain members, the share that comes
 * from local firms, by number of supply links and by annual value.
 */
export interface SourcingRate {
  links: number;
  localLinks: number;
  /** localLinks / links; null when there is no supply to measure. */
  byCount: number | null;
  value: number;
  localValue: number;
  /** localValue / value; null when no link carries a value. */
  byValue: number | null;
}

export function rateOf(view: ChainIndexView, supplies: readonly Supplies[]): SourcingRate {
  let links = 0;
  let localLinks = 0;
  let value = 0;
  let localValue = 0;
  for (const s of supplies) {
    links++;
    value += s.annualValue ?? 0;
    if (view.isLocal(s.from)) {
      localLinks++;
      localValue += s.annualValue ?? 0;
    }
  }
  return {
    links,
    localLinks,
    byCount: links === 0 ? null : localLinks / links,
    value,
    localValue,
    byValue: value === 0 ? null : localValue / value,
  };
}

/** Supply into the chain's local members. */
export function intoLocalMembers(view: ChainIndexView): Supplies[] {
  return [...view.localMembers].flatMap((id) => view.suppliesInto.get(id) ?? []);
}

/**
 * Supply into the chain's local members, by the segment each link counts in (products.ts,
 * attributeSupply): the segment whose products match its product, else the supplier's only
 * segment of the chain. A link that fits neither counts for the chain as a whole only.
 */
export function bySupplierSegment(view: ChainIndexView, into: readonly Supplies[]): Map<string, Supplies[]> {
  const out = new Map<string, Supplies[]>();
  for (const s of into) {
    const segmentId = attributeSupply(view, s);
    if (segmentId === undefined) continue;
    const list = out.get(segmentId);
    if (list) list.push(s);
    else out.set(segmentId, [s]);
  }
  return out;
}

export interface OutsideSupplier {
  enterpriseId: string;
  anchorsServed: number;
  membersServed: number;
  links: number;
  value: number;
}

/** Suppliers from outside the district that serve local members, most anchors and members served first. */
export function outsideSuppliers(
  view: ChainIndexView,
  into: readonly Supplies[] = intoLocalMembers(view),
): OutsideSupplier[] {
  const by = new Map<string, { anchors: Set<string>; members: Set<string>; links: number; value: number }>();
  for (const s of into) {
    if (view.isLocal(s.from)) continue;
    const entry = by.get(s.from) ?? { anchors: new Set(), members: new Set(), links: 0, value: 0 };
    entry.members.add(s.to);
    if (view.anchors.has(s.to)) entry.anchors.add(s.to);
    entry.links++;
    entry.value += s.annualValue ?? 0;
    by.set(s.from, entry);
  }
  return [...by]
    .map(([enterpriseId, e]) => ({
      enterpriseId,
      anchorsServed: e.anchors.size,
      membersServed: e.members.size,
      links: e.links,
      value: e.value,
    }))
    .sort(
      (a, b) =>
        b.anchorsServed - a.anchorsServed ||
        b.membersServed - a.membersServed ||
        b.value - a.value ||
        a.enterpriseId.localeCompare(b.enterpriseId),
    );
}
