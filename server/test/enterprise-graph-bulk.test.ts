import { describe, expect, it } from 'vitest';
import { EnterpriseGraph, type Entry } from '../src/store/graph/enterprise-graph';
import type { EnterpriseRecord, Relation } from '../src/store/port';

/** A small generator, so a failure can be run again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const record = (id: string) =>
  ({ id, name: id, shortName: id, local: true, tags: [], role: 'OTHER' }) as EnterpriseRecord;

/** `n` enterprises and `m` relationships among them (no self-loops), a tenth CONTROLS. */
function rows(n: number, m: number, seed: number): { ids: string[]; relations: [number, number, Relation][] } {
  const next = random(seed);
  const ids = Array.from({ length: n }, (_, i) => `e${i}`);
  const relations: [number, number, Relation][] = [];
  while (relations.length < m) {
    const from = Math.floor(next() * n);
    const to = Math.floor(next() * n);
    if (from === to) continue;
    const i = relations.length;
    const r =
      i % 10 === 0
        ? ({ kind: 'CONTROLS', from: ids[from], to: ids[to], share: 0.6, source: 's' } as Relation)
        : ({ kind: 'SUPPLIES', from: ids[from], to: ids[to], product: `p${i}`, source: 's' } as Relation);
    relations.push([from, to, r]);
  }
  return { ids, relations };
}

/** Every node's lists and degrees, and the graph's relationships and CONTROLS. */
function shape(g: EnterpriseGraph, ids: string[]) {
  const key = (r: Relation) => `${r.kind} ${r.from}>${r.to} ${r.kind === 'SUPPLIES' ? r.product : ''}`;
  return {
    size: g.size,
    nodes: ids.map((id) => ({
      out: g.out(id).map(key),
      in: g.in(id).map(key),
      degrees: [g.outDegree(id), g.inDegree(id), g.degree(id)],
    })),
    relations: [...g.relations()].map(key),
    controls: [...g.allControls()].map(key).sort(),
  };
}

describe('an enterprise graph built in bulk', () => {
  it('reads, finds and changes as one built a relationship at a time', () => {
    const { ids, relations } = rows(300, 2_000, 7);
    const one = new EnterpriseGraph();
    const bulk = new EnterpriseGraph();
    bulk.bulk();
    const entries = ids.map((id) => bulk.setNode(id, record(id)));
    for (const id of ids) one.setNode(id, record(id));
    for (const [from, to, r] of relations) {
      one.add({ ...r });
      bulk.addAt(entries[from] as Entry, entries[to] as Entry, { ...r });
    }
    // gathered, not yet laid out: nobody may read
    expect(() => bulk.out('e1')).toThrow(/between bulk\(\) and seal\(\)/);
    bulk.seal();
    expect(shape(bulk, ids)).toEqual(shape(one, ids));

    // the same changes to both: take out, replace, add, a new enterprise
    const next = random(11);
    for (let k = 0; k < 400; k++) {
      const [, , r] = relations[Math.floor(next() * relations.length)] as [number, number, Relation];
      const product = r.kind === 'SUPPLIES' ? r.product : undefined;
      const a = one.find(r.kind, r.from, r.to, product);
      const b = bulk.find(r.kind, r.from, r.to, product);
      expect(b === undefined).toBe(a === undefined);
      if (!a || !b) continue;
      if (k % 3 === 0) {
        one.drop(a);
        bulk.drop(b);
      } else if (k % 3 === 1) {
        one.replace(a, { ...a, source: `changed ${k}` });
        bulk.replace(b, { ...b, source: `changed ${k}` });
      } else {
        const added = { kind: 'SUPPLIES', from: r.to, to: r.from, product: `back ${k}`, source: 's' } as Relation;
        one.add({ ...added });
        bulk.add({ ...added });
      }
    }
    for (const g of [one, bulk]) {
      g.setNode('late', record('late'));
      g.add({ kind: 'CONTROLS', from: 'late', to: 'e0', share: 0.9, source: 's' } as Relation);
    }
    expect(shape(bulk, [...ids, 'late'])).toEqual(shape(one, [...ids, 'late']));
  });

  it('is built from empty only, between nodes of its own', () => {
    const g = new EnterpriseGraph();
    g.setNode('a', record('a'));
    expect(() => g.bulk()).toThrow(/bulk\(\) into a graph in use/);
    const empty = new EnterpriseGraph();
    empty.bulk();
    empty.setNode('a', record('a'));
    empty.seal();
    expect(empty.out('a')).toEqual([]);
    expect(empty.degree('a')).toBe(0);
  });
});
