import type { ChainSnapshot, SnapshotFigures } from '../../domain/snapshot';
import { checkSnapshot, SnapshotList, type SnapshotLog } from '../snapshots';

/** Chain snapshots kept in memory only, for as long as the process runs. */
export class MemorySnapshotLog implements SnapshotLog {
  private readonly list = new SnapshotList();

  async add(snapshots: readonly ChainSnapshot[]): Promise<void> {
    snapshots.forEach(checkSnapshot);
    for (const s of this.list.encodeAll(structuredClone(snapshots))) this.list.push(s);
  }

  async figures(chainIds: readonly string[], since?: string): Promise<SnapshotFigures[][]> {
    return chainIds.map((id) => this.list.figures(id, since));
  }

  async at(chainId: string, at: string): Promise<ChainSnapshot | undefined> {
    return this.list.at(chainId, at);
  }
}
