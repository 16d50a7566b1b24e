import { describe, expect, it } from 'vitest';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import type { GraphStore } from '../src/store/port';
import { demoApi } from './support/helpers';

/** The demo store behind a proxy that counts the calls of each method. */
async function countingStore() {
  const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
  const calls: Record<string, number> = {};
  const counted = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  }) as GraphStore;
  return { store: counted, calls };
}

/** Chains, their anchors with segments, systems and suppliers (with theirs), segments with enterprises, members. */
const nested = (chains: number) => `{
  chains(first: ${chains}) {
    nodes {
      name
      anchors {
        name
        segments { name chain { name } }
        system { root { name } directCount }
        suppliers(first: 5) { edges { product node { name segments { name } chains { name } } } }
        parents(first: 5) { nodes { name } }
      }
      segments { name covered enterprises(first: 10) { nodes { name segments { name } } } }
      members(first: 20) { edges { segment { name } node { name anchorOf { name } } } }
    }
  }
}`;

describe('no N+1: store calls grow with the levels of a query, never with the number of parents', () => {
  it('pins the store calls of a nested query over 3 chains and over 11: none more for more chains', async () => {
    const small = await countingStore();
    const large = await countingStore();
    const a = await (await demoApi({ store: small.store })).query(nested(3));
    const b = await (await demoApi({ store: large.store })).query(nested(11));
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    // a viewer's query reads the default gap report of each chain whose outside firms it lists
    // (withheld.ts): one subgraph per chain, which the store keeps, whatever the number of firms
    const chains = 11; // the demo's
    for (const counts of [small.calls, large.calls]) {
      expect(counts.chainSubgraph ?? 0).toBeLessThanOrEqual(chains);
      delete counts.chainSubgraph;
    }
    // a look-up kind is asked at most once per level of the query that needs it (three here)
    for (const [method, n] of Object.entries(large.calls)) {
      expect(n, method).toBeLessThanOrEqual(small.calls[method] ?? 0);
      expect(n, method).toBeLessThanOrEqual(3);
    }
    expect(small.calls).toMatchInlineSnapshot(`
      {
        "anchoredBy": 1,
        "chainMembers": 1,
        "chains": 1,
        "chainsById": 2,
        "getEnterprises": 2,
        "ownersOf": 1,
        "relationsOf": 2,
        "segmentsById": 1,
        "segmentsOf": 3,
        "systems": 1,
      }
    `);
    expect(large.calls).toMatchInlineSnapshot(`
      {
        "anchoredBy": 1,
        "chainMembers": 1,
        "chains": 1,
        "chainsById": 1,
        "getEnterprises": 2,
        "ownersOf": 1,
        "relationsOf": 2,
        "segmentsById": 1,
        "segmentsOf": 3,
        "systems": 1,
      }
    `);
  });
});
