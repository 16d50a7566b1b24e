import { randomUUID } from 'node:crypto';
import type { ChainSnapshot, SnapshotFirm, SnapshotLink, SnapshotMember } from '../domain/snapshot';

/**
 * How a store keeps a snapshot: its head (when, why, figures, segments) always whole, and its
 * firms and links either whole or as what changed from another snapshot of the chain (its base).
 * An import changes a few firms of a chain of thousands: at the M scale set a whole snapshot of
 * its 44 chains is 46 MB of JSON, what changed is a few KB. Every WHOLE_EVERY-th snapshot of a
 * line of bases is kept whole, so that reading one follows at most that many.
 */
export interface StoredSnapshot extends Omit<ChainSnapshot, 'members' | 'links' | 'suppliers'> {
  /** Its own key, by which later snapshots name it as their base. */
  key: string;
  /** 0 when kept whole; else its base's depth + 1. */
  depth: number;
  whole?: { members: SnapshotMember[]; links: SnapshotLink[]; suppliers: SnapshotFirm[] };
  delta?: {
    base: string;
    /** Members new or changed (segments, name, local) since the base; ids of those gone or changed. */
    membersIn: SnapshotMember[];
    membersOut: string[];
    linksIn: SnapshotLink[];
    linksOut: SnapshotLink[];
    suppliersIn: SnapshotFirm[];
    suppliersOut: string[];
  };
}

export const WHOLE_EVERY = 16;

const linkKey = (l: SnapshotLink) => `${l.from}\u0000${l.to}`;
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** A snapshot as a store keeps it: what changed from `base` (the chain's snapshot before), or whole. */
export function encodeSnapshot(
  s: ChainSnapshot,
  base?: { stored: StoredSnapshot; snapshot: ChainSnapshot },
): StoredSnapshot {
  const { members, links, suppliers, ...head } = s;
  const key = randomUUID();
  if (!base || base.stored.depth + 1 >= WHOLE_EVERY)
    return { ...head, key, depth: 0, whole: { members, links, suppliers } };
  const was = base.snapshot;
  const changedIn = <T extends { id: string }>(now: readonly T[], then: readonly T[]) => {
    const before = new Map(then.map((x) => [x.id, x]));
    const after = new Map(now.map((x) => [x.id, x]));
    return {
      in: now.filter((x) => {
        const old = before.get(x.id);
        return !old || !same(old, x);
      }),
      out: then
        .filter((x) => {
          const current = after.get(x.id);
          return !current || !same(current, x);
        })
        .map((x) => x.id),
    };
  };
  const m = changedIn(members, was.members);
  const f = changedIn(suppliers, was.suppliers);
  const linksThen = new Set(was.links.map(linkKey));
  const linksNow = new Set(links.map(linkKey));
  return {
    ...head,
    key,
    depth: base.stored.depth + 1,
    delta: {
      base: base.stored.key,
      membersIn: m.in,
      membersOut: m.out,
      linksIn: links.filter((l) => !linksThen.has(linkKey(l))),
      linksOut: was.links.filter((l) => !linksNow.has(linkKey(l))),
      suppliersIn: f.in,
      suppliersOut: f.out,
    },
  };
}

/**
 * The whole snapshot of `stored`, given the stored snapshots by key (its bases among them). An
 * error names the chain and the snapshot when a base is missing.
 */
export function decodeSnapshot(
  stored: StoredSnapshot,
  byKey: (key: string) => StoredSnapshot | undefined,
  decoded: (key: string) => ChainSnapshot | undefined = () => undefined,
): ChainSnapshot {
  const { key: _key, depth: _depth, whole, delta, ...head } = stored;
  if (whole) return { ...head, ...structuredClone(whole) };
  if (!delta)
    throw new Error(`The snapshot of chain '${stored.chainId}' at ${stored.takenAt} has neither firms nor a base.`);
  let base = decoded(delta.base);
  if (!base) {
    const baseStored = byKey(delta.base);
    if (!baseStored)
      throw new Error(
        `The snapshot of chain '${stored.chainId}' at ${stored.takenAt} is kept as changes from snapshot ${delta.base}, which is missing.`,
      );
    base = decodeSnapshot(baseStored, byKey, decoded);
  }
  const membersOut = new Set(delta.membersOut);
  const suppliersOut = new Set(delta.suppliersOut);
  const linksOut = new Set(delta.linksOut.map(linkKey));
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byEnds = (a: SnapshotLink, b: SnapshotLink) => {
    const x = linkKey(a);
    const y = linkKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return {
    ...head,
    members: [...base.members.filter((m) => !membersOut.has(m.id)), ...delta.membersIn].sort(byId),
    links: [...base.links.filter((l) => !linksOut.has(linkKey(l))), ...delta.linksIn].sort(byEnds),
    suppliers: [...base.suppliers.filter((f) => !suppliersOut.has(f.id)), ...delta.suppliersIn].sort(byId),
  };
}
