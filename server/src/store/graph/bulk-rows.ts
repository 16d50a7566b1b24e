import type { Relation } from '../port';

/** The adjacency of a node with no relationships that way: shared, never written to. */
export const NONE: Relation[] = [];

/**
 * Relationships added all at once between nodes known by their place (0 … n-1), held as
 * compressed rows: for each node, where its relationships out (and in) start in one list of
 * relationship numbers, all in typed arrays.
 *
 * Opening the embedded store adds millions of relationships to an empty graph. Pushing each onto
 * two arrays of its ends, which grow as they go, was most of the time of opening L: every push
 * touches two objects far apart in the heap, and the arrays' growth leaves garbage behind (B13).
 * Here they are collected first (Staging), counted per node and laid out in two passes over
 * typed arrays, which the garbage collector never looks into. A node's list is made, as an
 * array of the relationships in the order they were added, when it is first asked for.
 */
export class BulkRows {
  private readonly outStart: Int32Array;
  private readonly outRows: Int32Array;
  private readonly inStart: Int32Array;
  private readonly inRows: Int32Array;

  constructor(
    private readonly relations: readonly Relation[],
    from: Int32Array,
    to: Int32Array,
    nodes: number,
  ) {
    const m = relations.length;
    [this.outStart, this.outRows] = layOut(from, m, nodes);
    [this.inStart, this.inRows] = layOut(to, m, nodes);
  }

  /** A node's relationships out, in the order added (NONE for none): a new array. */
  out(place: number): Relation[] {
    return this.list(this.outStart, this.outRows, place);
  }

  /** A node's relationships in, in the order added (NONE for none): a new array. */
  in(place: number): Relation[] {
    return this.list(this.inStart, this.inRows, place);
  }

  outDegree(place: number): number {
    return (this.outStart[place + 1] as number) - (this.outStart[place] as number);
  }

  inDegree(place: number): number {
    return (this.inStart[place + 1] as number) - (this.inStart[place] as number);
  }

  private list(start: Int32Array, rows: Int32Array, place: number): Relation[] {
    const a = start[place] as number;
    const b = start[place + 1] as number;
    if (a === b) return NONE;
    const list: Relation[] = [];
    for (let i = a; i < b; i++) list.push(this.relations[rows[i] as number] as Relation);
    return list;
  }
}

/**
 * Counting sort of relationship numbers 0 … m-1 by their end `ends[i]`: where each node's run
 * starts (n + 1 entries), and the numbers in runs, each run in the order added.
 */
function layOut(ends: Int32Array, m: number, n: number): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const p = (ends[i] as number) + 1;
    start[p] = (start[p] as number) + 1;
  }
  for (let p = 0; p < n; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const next = start.slice(0, n);
  const rows = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const p = ends[i] as number;
    const at = next[p] as number;
    rows[at] = i;
    next[p] = at + 1;
  }
  return [start, rows];
}

/** Relationships gathered for BulkRows: each with the places of its two ends. */
export class Staging {
  readonly relations: Relation[] = [];
  private from: Int32Array = new Int32Array(1 << 16);
  private to: Int32Array = new Int32Array(1 << 16);

  add(r: Relation, from: number, to: number): void {
    const i = this.relations.length;
    if (i === this.from.length) {
      this.from = grow(this.from);
      this.to = grow(this.to);
    }
    this.from[i] = from;
    this.to[i] = to;
    this.relations.push(r);
  }

  /** The compressed rows of what was gathered, between `nodes` nodes. */
  rows(nodes: number): BulkRows {
    const m = this.relations.length;
    return new BulkRows(this.relations, this.from.subarray(0, m), this.to.subarray(0, m), nodes);
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
