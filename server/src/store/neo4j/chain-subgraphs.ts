import type { Makes, Supplies } from '../../domain/model';
import type { ChainSubgraph } from '../../domain/records';
import type { Neo4jGateway } from './gateway';
import { storedHome } from './import';
import { chainRecords, enterprisesById } from './reads';

/** How many chains' subgraphs the store keeps (the largest districts have a few dozen chains). */
const KEPT_SUBGRAPHS = 128;

/**
 * The Neo4j store's chain subgraphs, each kept while the graph's version (changed by every write,
 * in this process or another) stays the same: a gap report is asked for again and again (the
 * overview, and a viewer's every request, which withholds by every chain's needs), and the
 * analysis keeps its reports by subgraph. Read anew when the version has changed or is unknown.
 */
export class ChainSubgraphs {
  /** Chain subgraphs by chain id, with the graph's version they were read at. */
  private readonly kept = new Map<string, { version: string; graph: Promise<ChainSubgraph | undefined> }>();
  /** The read of the graph's version under way, shared by those who ask meanwhile. */
  private versionRead: Promise<string | null> | undefined;

  constructor(private readonly db: Neo4jGateway) {}

  async get(chainId: string): Promise<ChainSubgraph | undefined> {
    const version = await this.graphVersion();
    if (!version) return this.read(chainId);
    const kept = this.kept.get(chainId);
    if (kept?.version === version) return kept.graph;
    const graph = this.read(chainId);
    if (this.kept.size >= KEPT_SUBGRAPHS) this.kept.delete(this.kept.keys().next().value as string);
    const entry = { version, graph };
    this.kept.set(chainId, entry);
    graph.catch(() => {
      if (this.kept.get(chainId) === entry) this.kept.delete(chainId);
    });
    return graph;
  }

  /**
   * A write has committed: a read of the graph's version begun before it is no longer shared, so
   * whoever asks next, having seen the write, sees its version.
   */
  written(): void {
    this.versionRead = undefined;
  }

  /**
   * The graph's version (graph-version.cypher), or null before its first write. The chains of one
   * request ask at once (a loader's batch): they share one read.
   */
  private graphVersion(): Promise<string | null> {
    this.versionRead ??= this.db
      .read((tx) => tx.run<{ version: string | null }>('queries/graph-version'))
      .then(([row]) => row?.version ?? null)
      .finally(() => {
        this.versionRead = undefined;
      });
    return this.versionRead;
  }

  /** chains.cypher, chain-subgraph.cypher, chain-makes.cypher and the enterprises, in one read. */
  private read(chainId: string): Promise<ChainSubgraph | undefined> {
    return this.db.read(async (tx) => {
      const [chain] = await chainRecords(tx, [chainId]);
      if (!chain) return undefined;
      const [row] = await tx.run<{
        memberships: { enterpriseId: string; segmentId: string }[];
        supplies: { from: string; to: string; r: Omit<Supplies, 'from' | 'to'> }[];
      }>('queries/chain-subgraph', { chainId });
      const memberships = row?.memberships ?? [];
      const supplies = (row?.supplies ?? []).map((s) => ({ ...s.r, from: s.from, to: s.to }) as Supplies);
      const ids = new Set([...memberships.map((m) => m.enterpriseId), ...supplies.flatMap((s) => [s.from, s.to])]);
      // what they make, and the firms that make a segment's product (member or not)
      const [made] = await tx.run<{ makes: { enterpriseId: string; product: string; r: Record<string, unknown> }[] }>(
        'queries/chain-makes',
        { chainId, ids: [...ids] },
      );
      const makes = (made?.makes ?? []).map(
        (m) => ({ ...m.r, enterpriseId: m.enterpriseId, product: m.product }) as Makes,
      );
      for (const m of makes) ids.add(m.enterpriseId);
      const records = await enterprisesById(tx, [...ids]);
      const home = await storedHome(tx);
      return { chain, memberships, supplies, enterprises: [...records.values()], makes, ...(home ? { home } : {}) };
    });
  }
}
