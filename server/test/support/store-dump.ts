import type { MemoryStore } from '../../src/store/memory/memory-store';

/** What a dump reads of a memory or embedded store: its graph, and its systems. */
type Held = Pick<MemoryStore, 'graph' | 'chainIndex' | 'systems' | 'systemRoots'>;

/** Keys sorted at every level, so that two equal records print the same. */
export function canon(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canon);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, canon((x as Record<string, unknown>)[k])]),
    );
  return x;
}

/**
 * The whole graph of an embedded or memory store, canonical and sorted: enterprises,
 * relationships and the chain side; two stores holding the same graph dump the same.
 */
export function dumpGraph(store: Held) {
  const lines = (xs: unknown[]) => xs.map((x) => JSON.stringify(canon(x))).sort();
  const c = store.chainIndex;
  const inner = <V>(m: { entries(): Iterable<[string, Map<string, V>]> }) =>
    [...m.entries()].flatMap(([, v]) => [...v.values()]);
  return {
    enterprises: lines([...store.graph.records()]),
    relationships: lines([...store.graph.relations()]),
    members: lines(inner(c.members)),
    anchors: lines(inner(c.anchors)),
    makes: lines(inner(c.makes)),
    chains: lines([...c.chains.values(), ...c.segments.values(), ...c.leaders.values()]),
    feeds: lines([...c.feeds].flatMap(([from, to]) => [...to].map((t) => [from, t]))),
  };
}

/** dumpGraph, and the systems (and so the roles) the store derived. */
export async function dumpWithSystems(store: Held) {
  const systems = await store.systems(await store.systemRoots());
  return { ...dumpGraph(store), systems: systems.map((x) => JSON.stringify(canon(x))).sort() };
}
