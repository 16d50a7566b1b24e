import type { EnterpriseRecord, Relation } from '../port';

/** The adjacency of a node with no relationships that way: shared, never written to. */
const NONE: Relation[] = [];

/**
 * A node: its id (the Map's key), its record, and its relationships out and in, in the order
 * added. Outside this file only a handle, from setNode, for addAt.
 */
export class Entry {
  out: Relation[] = NONE;
  in: Relation[] = NONE;
  constructor(
    readonly id: string,
    public record: EnterpriseRecord,
  ) {}
}

/**
 * Enterprises and the relationships between them (CONTROLS, SUPPLIES), directed, several
 * between the same two allowed, none from an enterprise to itself: a record per node in a Map,
 * and each node's relationships out and in as arrays of the relationship objects themselves
 * (each holds its ends, `from` and `to`).
 *
 * Only what the memory store needs, and cheap to build: opening the embedded store is mostly
 * building this graph (B13). graphology's MultiDirectedGraph, which this replaces, made an
 * object, a generated key and a Map entry per edge and an object of neighbours per node; adding
 * an edge here is two array pushes.
 *
 * A relationship is looked up by its key (kind, from, to, product) on the shorter of its
 * source's out-list and its target's in-list: the updates and removals that need it are few,
 * and the graph keeps no index per edge for them (B11 counts the heap).
 */
export class EnterpriseGraph {
  private readonly entries = new Map<string, Entry>();
  /** The CONTROLS relationships apart (about one in ten): deriving systems starts from all of them. */
  private readonly controls = new Set<Relation>();
  private relationships = 0;

  /** How many enterprises. */
  get order(): number {
    return this.entries.size;
  }

  /** How many relationships. */
  get size(): number {
    return this.relationships;
  }

  hasNode(id: string): boolean {
    return this.entries.has(id);
  }

  /** The record of an enterprise; undefined when there is none. */
  node(id: string): EnterpriseRecord | undefined {
    return this.entries.get(id)?.record;
  }

  /** The record of an enterprise that is there (throws when it is not). */
  record(id: string): EnterpriseRecord {
    return this.entry(id).record;
  }

  /**
   * Adds an enterprise, or replaces the record of one that is there (keeping its relationships),
   * by `merge` of the two when given. Returns its node, for addAt.
   */
  setNode(
    id: string,
    record: EnterpriseRecord,
    merge: (stored: EnterpriseRecord, next: EnterpriseRecord) => EnterpriseRecord = (_stored, next) => next,
  ): Entry {
    let entry = this.entries.get(id);
    if (entry) entry.record = merge(entry.record, record);
    else {
      entry = new Entry(id, record);
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Every enterprise, in the order added, with its relationships out and in. */
  forEachNode(
    fn: (id: string, record: EnterpriseRecord, out: readonly Relation[], into: readonly Relation[]) => void,
  ): void {
    for (const [id, e] of this.entries) fn(id, e.record, e.out, e.in);
  }

  /** Every enterprise's record, in the order added. */
  *records(): IterableIterator<EnterpriseRecord> {
    for (const e of this.entries.values()) yield e.record;
  }

  /** Every relationship, by source in the order added. */
  *relations(): IterableIterator<Relation> {
    for (const e of this.entries.values()) yield* e.out;
  }

  /** Every CONTROLS relationship. */
  allControls(): IterableIterator<Relation> {
    return this.controls.values();
  }

  /** The relationships out of an enterprise (none when it is not there). Do not change the array. */
  out(id: string): readonly Relation[] {
    return this.entries.get(id)?.out ?? NONE;
  }

  /** The relationships into an enterprise (none when it is not there). Do not change the array. */
  in(id: string): readonly Relation[] {
    return this.entries.get(id)?.in ?? NONE;
  }

  outDegree(id: string): number {
    return this.out(id).length;
  }

  /** Relationships in and out. */
  degree(id: string): number {
    const e = this.entries.get(id);
    return e ? e.out.length + e.in.length : 0;
  }

  /**
   * Adds a relationship between two enterprises that are there (throws otherwise, or for a
   * self-loop). Its ends are set to the enterprises' own id strings (the same text): a parsed
   * row's are copies of their own, which would be kept as long as the relationship.
   */
  add(r: Relation): void {
    this.addAt(this.entry(r.from), this.entry(r.to), r);
  }

  /**
   * add() between two nodes known already (from setNode), without looking their ids up: a
   * segment that names a relationship's ends by their place among its enterprises.
   */
  addAt(source: Entry, target: Entry, r: Relation): void {
    if (source === target) throw new Error(`EnterpriseGraph: a relationship from "${r.from}" to itself`);
    r.from = source.id;
    r.to = target.id;
    if (source.out === NONE) source.out = [r];
    else source.out.push(r);
    if (target.in === NONE) target.in = [r];
    else target.in.push(r);
    if (r.kind === 'CONTROLS') this.controls.add(r);
    this.relationships++;
  }

  /** The relationship of a key: CONTROLS by its ends, SUPPLIES by its ends and product. */
  find(kind: Relation['kind'], from: string, to: string, product: string | undefined): Relation | undefined {
    const source = this.entries.get(from);
    const target = this.entries.get(to);
    if (!source || !target) return undefined;
    const list = source.out.length <= target.in.length ? source.out : target.in;
    for (const r of list) {
      if (r.kind === kind && r.from === from && r.to === to && (r.kind === 'CONTROLS' || r.product === product))
        return r;
    }
    return undefined;
  }

  /** Puts `next` where `old` is (the same ends). */
  replace(old: Relation, next: Relation): void {
    const source = this.entry(old.from);
    const target = this.entry(old.to);
    source.out[indexIn(source.out, old)] = next;
    target.in[indexIn(target.in, old)] = next;
    if (this.controls.delete(old)) this.controls.add(next);
  }

  /** Takes a relationship out. */
  drop(r: Relation): void {
    const source = this.entry(r.from);
    const target = this.entry(r.to);
    source.out.splice(indexIn(source.out, r), 1);
    target.in.splice(indexIn(target.in, r), 1);
    this.controls.delete(r);
    this.relationships--;
  }

  /** The node of an enterprise, for addAt; undefined when there is none. */
  entryOf(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new Error(`EnterpriseGraph: no enterprise "${id}"`);
    return e;
  }
}

function indexIn(list: Relation[], r: Relation): number {
  const i = list.indexOf(r);
  if (i < 0) throw new Error(`EnterpriseGraph: no such relationship from "${r.from}" to "${r.to}"`);
  return i;
}
