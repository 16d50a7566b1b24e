import type { InSegment } from '../../domain/model';

/**
 * Memberships by segment: each segment's members (enterpriseId → the row, with provenance) as a
 * Map, made when the segment is first asked for from the rows put until then, in their order (a
 * later row with the same key replaces an earlier one, as a Map's set does).
 *
 * Opening L puts a million memberships into a thousand segments. Until a segment is asked for
 * (a chain's subgraph, an import's check) they are pushed on a list; a Map.set each cost half a
 * second of the open (B13), and a segment's Map of a few thousand takes a millisecond to make.
 */
export class Members {
  private readonly maps = new Map<string, Map<string, InSegment>>();
  private readonly waiting = new Map<string, InSegment[]>();

  /** Adds or replaces a membership. */
  put(m: InSegment): void {
    const map = this.maps.get(m.segmentId);
    if (map) {
      map.set(m.enterpriseId, m);
      return;
    }
    const list = this.waiting.get(m.segmentId);
    if (list) list.push(m);
    else this.waiting.set(m.segmentId, [m]);
  }

  /** A segment's members; undefined for a segment with none put. Do not change the Map outside ChainIndex. */
  get(segmentId: string): Map<string, InSegment> | undefined {
    const list = this.waiting.get(segmentId);
    if (!list) return this.maps.get(segmentId);
    this.waiting.delete(segmentId);
    const map = new Map<string, InSegment>();
    for (const m of list) map.set(m.enterpriseId, m);
    this.maps.set(segmentId, map);
    return map;
  }

  /** A segment's members, made empty when it has none. */
  of(segmentId: string): Map<string, InSegment> {
    let map = this.get(segmentId);
    if (!map) {
      map = new Map();
      this.maps.set(segmentId, map);
    }
    return map;
  }

  /** Every segment with members put, and its members. */
  *entries(): IterableIterator<[string, Map<string, InSegment>]> {
    for (const segmentId of [...this.waiting.keys()]) this.get(segmentId);
    yield* this.maps;
  }
}
