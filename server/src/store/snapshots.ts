import type { ChainSnapshot, SnapshotFigures } from '../domain/snapshot';

/**
 * Chain snapshots (domain/snapshot.ts), kept by every store beside its graph: taken at every
 * import and on request, never changed, never taken out.
 */
export interface SnapshotLog {
  /** Keeps the snapshots durably, all or none. */
  add(snapshots: readonly ChainSnapshot[]): Promise<void>;
  /** A chain's snapshots taken at or after `since` (every one without), oldest first: their figures. */
  figures(chainId: string, since?: string): Promise<SnapshotFigures[]>;
  /** The chain's latest snapshot taken at or before `at` (an ISO time); undefined when none is that old. */
  at(chainId: string, at: string): Promise<ChainSnapshot | undefined>;
}

/** Checks a snapshot before it is kept: what is wrong, and where. */
export function checkSnapshot(s: ChainSnapshot): void {
  if (!s.chainId) throw new Error('A chain snapshot needs its chainId.');
  if (Number.isNaN(Date.parse(s.takenAt)))
    throw new Error(`The snapshot of chain '${s.chainId}' has no valid time: takenAt '${s.takenAt}'.`);
}

/** The snapshots of every chain in memory, each chain's in time order: what the memory and embedded stores keep. */
export class SnapshotList {
  private readonly byChain = new Map<string, ChainSnapshot[]>();

  push(s: ChainSnapshot): void {
    const list = this.byChain.get(s.chainId);
    if (!list) {
      this.byChain.set(s.chainId, [s]);
      return;
    }
    // in time order; snapshots of the same moment in the order they came
    let i = list.length;
    while (i > 0 && timeOf((list[i - 1] as ChainSnapshot).takenAt) > timeOf(s.takenAt)) i--;
    list.splice(i, 0, s);
  }

  figures(chainId: string, since?: string): SnapshotFigures[] {
    return (this.byChain.get(chainId) ?? [])
      .filter((s) => since === undefined || timeOf(s.takenAt) >= timeOf(since))
      .map(({ chainId, takenAt, cause, note, figures }) => ({ chainId, takenAt, cause, note, figures }));
  }

  at(chainId: string, at: string): ChainSnapshot | undefined {
    const t = timeOf(at);
    return (this.byChain.get(chainId) ?? []).findLast((s) => timeOf(s.takenAt) <= t);
  }
}

/** Times compare as instants, whatever their offset or precision. */
const timeOf = (iso: string) => Date.parse(iso);
