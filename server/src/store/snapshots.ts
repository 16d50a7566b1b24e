import type { ChainSnapshot, SnapshotFigures } from '../domain/snapshot';
import { decodeSnapshot, encodeSnapshot, type StoredSnapshot } from './snapshot-delta';

/**
 * Chain snapshots (domain/snapshot.ts), kept by every store beside its graph: taken at every
 * import and on request, never changed, never taken out.
 */
export interface SnapshotLog {
  /** Keeps the snapshots durably, all or none. */
  add(snapshots: readonly ChainSnapshot[]): Promise<void>;
  /**
   * For each chain, its snapshots taken at or after `since` (every one without), oldest first:
   * their figures. One call for many chains (the overview's cards), as the port's look-ups go.
   */
  figures(chainIds: readonly string[], since?: string): Promise<SnapshotFigures[][]>;
  /** The chain's latest snapshot taken at or before `at` (an ISO time); undefined when none is that old. */
  at(chainId: string, at: string): Promise<ChainSnapshot | undefined>;
}

/** Checks a snapshot before it is kept: what is wrong, and where. */
export function checkSnapshot(s: Pick<ChainSnapshot, 'chainId' | 'takenAt'>): void {
  if (!s.chainId) throw new Error('A chain snapshot needs its chainId.');
  if (Number.isNaN(Date.parse(s.takenAt)))
    throw new Error(`The snapshot of chain '${s.chainId}' has no valid time: takenAt '${s.takenAt}'.`);
}

/**
 * The snapshots of every chain in memory as a store keeps them (snapshot-delta.ts), each chain's in
 * time order: what the memory and embedded stores hold. The last few read whole are kept whole.
 */
export class SnapshotList {
  private readonly byChain = new Map<string, StoredSnapshot[]>();
  private readonly byKey = new Map<string, StoredSnapshot>();
  private readonly decoded = new Map<string, ChainSnapshot>();

  /** The snapshot as this list would keep it: what changed from the chain's latest, or whole. */
  encode(s: ChainSnapshot): StoredSnapshot {
    const list = this.byChain.get(s.chainId);
    const last = list?.[list.length - 1];
    return encodeSnapshot(s, last && { stored: last, snapshot: this.decode(last) });
  }

  /**
   * Snapshots to add, as this list would keep them; a chain's second in one batch is kept whole
   * (its base would be the first, not yet in the list).
   */
  encodeAll(snapshots: readonly ChainSnapshot[]): StoredSnapshot[] {
    const seen = new Set<string>();
    return snapshots.map((s) => {
      const stored = seen.has(s.chainId) ? encodeSnapshot(s) : this.encode(s);
      seen.add(s.chainId);
      return stored;
    });
  }

  push(s: StoredSnapshot): void {
    this.byKey.set(s.key, s);
    const list = this.byChain.get(s.chainId);
    if (!list) {
      this.byChain.set(s.chainId, [s]);
      return;
    }
    // in time order; snapshots of the same moment in the order they came
    let i = list.length;
    while (i > 0 && timeOf((list[i - 1] as StoredSnapshot).takenAt) > timeOf(s.takenAt)) i--;
    list.splice(i, 0, s);
  }

  figures(chainId: string, since?: string): SnapshotFigures[] {
    return (this.byChain.get(chainId) ?? [])
      .filter((s) => since === undefined || timeOf(s.takenAt) >= timeOf(since))
      .map(({ chainId, takenAt, cause, note, figures }) => ({ chainId, takenAt, cause, note, figures }));
  }

  at(chainId: string, at: string): ChainSnapshot | undefined {
    const t = timeOf(at);
    const found = (this.byChain.get(chainId) ?? []).findLast((s) => timeOf(s.takenAt) <= t);
    return found && structuredClone(this.decode(found));
  }

  private decode(s: StoredSnapshot): ChainSnapshot {
    const kept = this.decoded.get(s.key);
    if (kept) return kept;
    const whole = decodeSnapshot(
      s,
      (key) => this.byKey.get(key),
      (key) => this.decoded.get(key),
    );
    if (this.decoded.size >= KEPT_WHOLE) this.decoded.delete(this.decoded.keys().next().value as string);
    this.decoded.set(s.key, whole);
    return whole;
  }
}

/** Whether a value read back is a snapshot as a store keeps it. */
export function isStoredSnapshot(s: unknown): s is StoredSnapshot {
  if (typeof s !== 'object' || s === null) return false;
  const x = s as Partial<StoredSnapshot>;
  return (
    typeof x.chainId === 'string' &&
    typeof x.key === 'string' &&
    typeof x.depth === 'number' &&
    typeof x.figures === 'object' &&
    Array.isArray(x.segments) &&
    (x.whole !== undefined || x.delta !== undefined)
  );
}

/** How many snapshots a list keeps decoded. */
const KEPT_WHOLE = 64;

/** Times compare as instants, whatever their offset or precision. */
const timeOf = (iso: string) => Date.parse(iso);
