import type { ChainSnapshot, SnapshotFigures } from '../../domain/snapshot';
import { decodeSnapshot, encodeSnapshot, type StoredSnapshot } from '../snapshot-delta';
import { checkSnapshot, type SnapshotLog } from '../snapshots';
import { int, type Neo4jGateway } from './gateway';

/**
 * Chain snapshots in Neo4j: a :ChainSnapshot node each, its figures and the snapshot as the store
 * keeps it (store/snapshot-delta.ts: whole, or the changes from its base, which it is BASED_ON)
 * as JSON — they are read whole, never queried inside —, by chain and time. Keeping them does not
 * change the graph's version: they are not the graph.
 */
export class Neo4jSnapshotLog implements SnapshotLog {
  constructor(private readonly db: Neo4jGateway) {}

  async add(snapshots: readonly ChainSnapshot[]): Promise<void> {
    snapshots.forEach(checkSnapshot);
    if (snapshots.length === 0) return;
    const chainIds = [...new Set(snapshots.map((s) => s.chainId))];
    const latest = await this.db.read((tx) =>
      tx.run<{ chainId: string; bodies: string[] }>('queries/snapshot-latest', { chainIds }),
    );
    const bases = new Map(latest.map((r) => [r.chainId, decodeLine(r.bodies)]));
    const rows = snapshots.map((s, seq) => {
      const base = bases.get(s.chainId);
      const stored = encodeSnapshot(s, base);
      // a chain's next snapshot in the same batch is based on this one
      bases.set(s.chainId, { stored, snapshot: s });
      const { chainId, takenAt, cause, note, figures } = s;
      return {
        chainId,
        takenAt: ms(takenAt),
        seq,
        key: stored.key,
        base: stored.delta?.base ?? null,
        depth: stored.depth,
        head: JSON.stringify({ chainId, takenAt, cause, note, figures }),
        body: JSON.stringify(stored),
      };
    });
    await this.db.write((tx) => tx.run('import/snapshots', { rows }));
  }

  async figures(chainIds: readonly string[], since?: string): Promise<SnapshotFigures[][]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ chainId: string; heads: string[] }>('queries/snapshot-figures', {
        chainIds: [...chainIds],
        since: since === undefined ? null : ms(since),
      }),
    );
    const byChain = new Map(rows.map((r) => [r.chainId, r.heads.map((h) => JSON.parse(h) as SnapshotFigures)]));
    return chainIds.map((id) => byChain.get(id) ?? []);
  }

  async at(chainId: string, at: string): Promise<ChainSnapshot | undefined> {
    const [row] = await this.db.read((tx) =>
      tx.run<{ bodies: string[] }>('queries/snapshot-at', { chainId, at: ms(at) }),
    );
    return row ? decodeLine(row.bodies).snapshot : undefined;
  }
}

/** A snapshot and the line of its bases (JSON, the snapshot first, down to one kept whole), decoded. */
function decodeLine(bodies: readonly string[]): { stored: StoredSnapshot; snapshot: ChainSnapshot } {
  const line = bodies.map((b) => JSON.parse(b) as StoredSnapshot);
  const byKey = new Map(line.map((s) => [s.key, s]));
  const stored = line[0] as StoredSnapshot;
  return { stored, snapshot: decodeSnapshot(stored, (key) => byKey.get(key)) };
}

/** An ISO time as whole milliseconds since 1970, a Neo4j integer: instants compare alike whatever their offset. */
const ms = (iso: string) => int(Date.parse(iso));
