import type { ChainSnapshot, SnapshotFigures } from '../../domain/snapshot';
import { checkSnapshot, type SnapshotLog } from '../snapshots';
import { int, type Neo4jGateway } from './gateway';

/**
 * Chain snapshots in Neo4j: a :ChainSnapshot node each, holding its figures and the whole
 * snapshot as JSON (they are read whole, never queried inside), by chain and time. Keeping them
 * does not change the graph's version: they are not the graph.
 */
export class Neo4jSnapshotLog implements SnapshotLog {
  constructor(private readonly db: Neo4jGateway) {}

  async add(snapshots: readonly ChainSnapshot[]): Promise<void> {
    snapshots.forEach(checkSnapshot);
    if (snapshots.length === 0) return;
    const rows = snapshots.map((s, seq) => {
      const { chainId, takenAt, cause, note, figures } = s;
      return {
        chainId,
        takenAt: ms(takenAt),
        seq,
        head: JSON.stringify({ chainId, takenAt, cause, note, figures }),
        body: JSON.stringify(s),
      };
    });
    await this.db.write((tx) => tx.run('import', 'snapshots', { rows }));
  }

  async figures(chainId: string, since?: string): Promise<SnapshotFigures[]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ head: string }>('queries', 'snapshot-figures', {
        chainId,
        since: since === undefined ? null : ms(since),
      }),
    );
    return rows.map((r) => JSON.parse(r.head) as SnapshotFigures);
  }

  async at(chainId: string, at: string): Promise<ChainSnapshot | undefined> {
    const [row] = await this.db.read((tx) =>
      tx.run<{ body: string }>('queries', 'snapshot-at', { chainId, at: ms(at) }),
    );
    return row ? (JSON.parse(row.body) as ChainSnapshot) : undefined;
  }
}

/** An ISO time as whole milliseconds since 1970, a Neo4j integer: instants compare alike whatever their offset. */
const ms = (iso: string) => int(Date.parse(iso));
