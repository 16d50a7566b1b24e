import type { Dataset } from '../../domain/model';
import { mergeUpdate } from '../../domain/update';
import { KINDS, type Kind } from '../../interchange/format';
import { emptyDataset, type Removal } from '../port';

/**
 * Several segments folded into one, as the in-memory graph would end up after applying them in
 * order: per kind, the rows by key, a later row merged into the one before it (enterprises,
 * CONTROLS and SUPPLIES: the fields it gives replace those held; the other kinds are replaced
 * whole, as ChainIndex does), and a removal dropping the row of its key.
 *
 * Every key removed is kept as a tombstone, even when a later row adds it again. Applying a fold
 * on top of a graph is then: its removals first, then its rows. That gives the graph the segments
 * would have given, from any graph that held a prefix of them: a key removed and added again
 * starts afresh, as it did when the segments were applied one by one.
 */
export class Fold {
  private readonly rows = new Map<Kind, Map<string, object>>(KINDS.map((k) => [k, new Map()]));
  private readonly tombstones = new Map<string, Removal>();
  /** Segments folded in so far. */
  segments = 0;

  /** A segment written by a commit: its rows, then its removals. */
  addSegment(data: Dataset, removals: readonly Removal[]): void {
    for (const kind of KINDS) this.addRows(kind, data[kind] as readonly object[]);
    this.addRemovals(removals);
    this.segments++;
  }

  /** A fold written before (a compacted segment): its removals, then its rows. */
  addFolded(data: Dataset, removals: readonly Removal[]): void {
    this.addRemovals(removals);
    for (const kind of KINDS) this.addRows(kind, data[kind] as readonly object[]);
    this.segments++;
  }

  private addRows(kind: Kind, rows: readonly object[]): void {
    const byKey = this.rows.get(kind) as Map<string, object>;
    const merge = MERGED.has(kind);
    for (const row of rows) {
      const key = keyOf(kind, row);
      const held = merge ? byKey.get(key) : undefined;
      byKey.set(key, held ? mergeUpdate(held, row) : row);
    }
  }

  private addRemovals(removals: readonly Removal[]): void {
    for (const r of removals) {
      const key = removalKey(r);
      (this.rows.get(r.kind) as Map<string, object>).delete(key);
      this.tombstones.set(`${r.kind}\u0000${key}`, r);
    }
  }

  /** The rows and the removals to apply (removals first). */
  result(): { data: Dataset; removals: Removal[] } {
    const data = emptyDataset();
    for (const kind of KINDS)
      (data as unknown as Record<Kind, object[]>)[kind] = [...(this.rows.get(kind) as Map<string, object>).values()];
    return { data, removals: [...this.tombstones.values()] };
  }
}

/** The kinds whose rows update the stored row field by field (mergeUpdate); the others replace it. */
const MERGED: ReadonlySet<Kind> = new Set(['enterprises', 'controls', 'supplies']);

/** The key of a row: what the store looks a stored row up by (MemoryGraph.existing). */
export function keyOf(kind: Kind, row: object): string {
  const r = row as Record<string, string>;
  switch (kind) {
    case 'district':
      return '';
    case 'chains':
    case 'segments':
    case 'leaders':
    case 'enterprises':
      return r.id as string;
    case 'feeds':
      return `${r.from}\u0000${r.to}`;
    case 'leads':
      return `${r.chainId}\u0000${r.leaderId}`;
    case 'anchors':
      return `${r.chainId}\u0000${r.enterpriseId}`;
    case 'inSegment':
      return `${r.segmentId}\u0000${r.enterpriseId}`;
    case 'products':
      return `${r.enterpriseId}\u0000${r.product}`;
    case 'controls':
      return `${r.from}\u0000${r.to}`;
    case 'supplies':
      return `${r.from}\u0000${r.to}\u0000${r.product}`;
  }
}

function removalKey(r: Removal): string {
  return keyOf(r.kind, r);
}
