import type { EnterpriseRecord, Relation } from '../port';
import { type BulkRows, NONE, Staging } from './bulk-rows';

/**
 * A node: its id (the Map's key), its record, and its relationships out and in, in the order
 * added. Outside this file only a handle, from setNode, for addAt.
 */
export class Entry {
  /**
   * Its relationships out and in once they are lists of its own; undefined while they are still
   * only in the graph's bulk rows (a node added in bulk, at `place`, whose lists nobody asked for).
   */
  out: Relation[] | undefined;
  in: Relation[] | undefined;
  constructor(
    readonly id: string,
    public record: EnterpriseRecord,
    readonly place = -1,
  ) {
    const own = place < 0 ? NONE : undefined;
    this.out = own;
    this.in = own;
  }
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
 * an edge here is two array pushes. A graph built from empty in one go (bulk(), then seal())
 * holds its relationships in compressed rows (BulkRows) instead, and gives a node lists of its
 * own when they are first asked for or changed.
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
  /** The relationships added in bulk, by the places of their ends; see bulk(). */
  private rows: BulkRows | undefined;
  /** Between bulk() and seal(): the relationships added so far. */
  private staging: Staging | undefined;

  /** How many enterprises. */
  get order(): number {
    return this.entries.size;
  }

  /** How many relationships. */
  get size(): number {
    return this.relationships;
  }

  /**
   * Starts building an empty graph in one go: until seal(), every enterprise added gets a place
   * (0, 1, …), and a relationship between two of them is gathered and seen by nobody (out(), in()
   * and find() do not know it yet). Throws when the graph holds an enterprise.
   */
  bulk(): void {
    if (this.entries.size > 0 || this.staging) throw new Error('EnterpriseGraph: bulk() into a graph in use');
    this.rows = undefined;
    this.staging = new Staging();
  }

  /** Ends bulk(): lays out the relationships gathered. Nothing to do outside bulk(). */
  seal(): void {
    if (!this.staging) return;
    this.rows = this.staging.rows(this.entries.size);
    this.staging = undefined;
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
      entry = new Entry(id, record, this.staging ? this.entries.size : -1);
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Every enterprise, in the order added. */
  forEachNode(fn: (id: string, record: EnterpriseRecord) => void): void {
    for (const [id, e] of this.entries) fn(id, e.record);
  }

  /** Every enterprise's record, in the order added. */
  *records(): IterableIterator<EnterpriseRecord> {
    for (const e of this.entries.values()) yield e.record;
  }

  /** Every relationship, by source in the order added. */
  *relations(): IterableIterator<Relation> {
    for (const e of this.entries.values()) yield* this.outOf(e);
  }

  /** Every CONTROLS relationship. */
  allControls(): IterableIterator<Relation> {
    return this.controls.values();
  }

  /** The relationships out of an enterprise (none when it is not there). Do not change the array. */
  out(id: string): readonly Relation[] {
    const e = this.entries.get(id);
    return e ? this.outOf(e) : NONE;
  }

  /** The relationships into an enterprise (none when it is not there). Do not change the array. */
  in(id: string): readonly Relation[] {
    const e = this.entries.get(id);
    return e ? this.inOf(e) : NONE;
  }

  outDegree(id: string): number {
    const e = this.entries.get(id);
    return e ? this.outCount(e) : 0;
  }

  inDegree(id: string): number {
    const e = this.entries.get(id);
    return e ? this.inCount(e) : 0;
  }

  /** Relationships in and out. */
  degree(id: string): number {
    return this.outDegree(id) + this.inDegree(id);
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
    if (this.staging) {
      if (source.place < 0 || target.place < 0)
        throw new Error('EnterpriseGraph: in bulk, a relationship to a node from before');
      this.staging.add(r, source.place, target.place);
    } else {
      const out = this.outOf(source);
      if (out === NONE) source.out = [r];
      else out.push(r);
      const into = this.inOf(target);
      if (into === NONE) target.in = [r];
      else into.push(r);
    }
    if (r.kind === 'CONTROLS') this.controls.add(r);
    this.relationships++;
  }

  /** The relationship of a key: CONTROLS by its ends, SUPPLIES by its ends and product. */
  find(kind: Relation['kind'], from: string, to: string, product: string | undefined): Relation | undefined {
    const source = this.entries.get(from);
    const target = this.entries.get(to);
    if (!source || !target) return undefined;
    const list = this.outCount(source) <= this.inCount(target) ? this.outOf(source) : this.inOf(target);
    for (const r of list) {
      if (r.kind === kind && r.from === from && r.to === to && (r.kind === 'CONTROLS' || r.product === product))
        return r;
    }
    return undefined;
  }

  /** Puts `next` where `old` is (the same ends). */
  replace(old: Relation, next: Relation): void {
    const out = this.outOf(this.entry(old.from));
    const into = this.inOf(this.entry(old.to));
    out[indexIn(out, old)] = next;
    into[indexIn(into, old)] = next;
    if (this.controls.delete(old)) this.controls.add(next);
  }

  /** Takes a relationship out. */
  drop(r: Relation): void {
    const out = this.outOf(this.entry(r.from));
    const into = this.inOf(this.entry(r.to));
    out.splice(indexIn(out, r), 1);
    into.splice(indexIn(into, r), 1);
    this.controls.delete(r);
    this.relationships--;
  }

  /** The node of an enterprise, for addAt; undefined when there is none. */
  entryOf(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** A node's relationships out, as a list of its own from now on. */
  private outOf(e: Entry): Relation[] {
    if (e.out === undefined) e.out = this.bulkRows().out(e.place);
    return e.out;
  }

  /** A node's relationships in, as a list of its own from now on. */
  private inOf(e: Entry): Relation[] {
    if (e.in === undefined) e.in = this.bulkRows().in(e.place);
    return e.in;
  }

  /** How many relationships out of a node, without making its list. */
  private outCount(e: Entry): number {
    return e.out ? e.out.length : this.bulkRows().outDegree(e.place);
  }

  /** How many relationships into a node, without making its list. */
  private inCount(e: Entry): number {
    return e.in ? e.in.length : this.bulkRows().inDegree(e.place);
  }

  private bulkRows(): BulkRows {
    if (!this.rows) throw new Error('EnterpriseGraph: read between bulk() and seal()');
    return this.rows;
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
