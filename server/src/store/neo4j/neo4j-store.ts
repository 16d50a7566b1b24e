import type { ChainSubgraph } from '../../analysis/subgraph';
import { controlledBy, DEFAULT_CONTROL_THRESHOLD, findRoots, type Holding } from '../../analysis/systems';
import type { Dataset, EnterpriseRelationKind, Feeds, Leader, Segment, Supplies } from '../../domain/model';
import type { ImportView } from '../../import/check';
import type { ImportTarget } from '../../import/importer';
import type { ApplyCounts } from '../memory/memory-store';
import type {
  ChainRecord,
  EnterpriseRecord,
  EnterpriseSystem,
  GraphStore,
  Neighbourhood,
  NeighbourhoodOptions,
  Relation,
  SegmentMembership,
} from '../port';
import { statements } from './cypher-files';
import { int, type Neo4jGateway, type Tx } from './gateway';
import { groupBy, holdings } from './holdings';
import { planImport, prefetchView, writeImport } from './import';
import { deriveRoles } from './roles';

const SEARCH_CANDIDATES = 500;

/**
 * The production store: the graph in Neo4j, every query a file of cypher/. Traversal happens in
 * the database; systems and roles are derived in TypeScript (analysis/systems.ts) from the
 * holdings, and the roles written back when data changes.
 */
export class Neo4jStore implements GraphStore, ImportTarget {
  constructor(
    readonly db: Neo4jGateway,
    private readonly threshold = DEFAULT_CONTROL_THRESHOLD,
  ) {}

  /** Creates the constraints and indexes of cypher/schema/ where they are missing. */
  async ensureSchema(): Promise<void> {
    for (const file of ['constraints', 'indexes']) {
      for (const statement of statements('schema', file)) {
        // schema commands go in transactions of their own
        await this.db.write((tx) => tx.runText(statement));
      }
    }
  }

  async getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
    return (await this.getEnterprises([id]))[0];
  }

  async getEnterprises(ids: readonly string[]): Promise<(EnterpriseRecord | undefined)[]> {
    const found = await this.db.read((tx) => enterprisesById(tx, ids));
    return ids.map((id) => found.get(id));
  }

  async search(query: string, limit: number): Promise<EnterpriseRecord[]> {
    const q = query.trim();
    if (q === '') return [];
    const rows = await this.db.read((tx) =>
      [...q].length < 2
        ? tx.run<{ e: EnterpriseRecord }>('queries', 'search-short', { query: q, limit: int(limit) })
        : tx.run<{ e: EnterpriseRecord }>('queries', 'search', {
            phrase: `"${q.replace(/["\\]/g, '\\$&')}"`,
            query: q,
            candidates: int(Math.max(SEARCH_CANDIDATES, limit)),
            limit: int(limit),
          }),
    );
    return rows.map((r) => r.e);
  }

  async neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Neighbourhood | undefined> {
    const kinds = allowedKinds(options.kinds);
    return this.db.read(async (tx) => {
      const centre = (await enterprisesById(tx, [id])).get(id);
      if (!centre) return undefined;
      const distance = new Map<string, number>([[id, 0]]);
      let frontier = [id];
      let truncated = false;
      for (let hop = 1; hop <= options.depth && frontier.length > 0; hop++) {
        const room = options.limit - distance.size;
        if (room <= 0) break;
        const found = await tx.run<{ id: string }>('queries', 'neighbourhood-hop', {
          frontier,
          seen: [...distance.keys()],
          kinds,
          room: int(room + 1), // one more than fits tells that the limit cut it short
        });
        const next = found.map((r) => r.id).slice(0, room);
        if (found.length > room) truncated = true;
        for (const n of next) distance.set(n, hop);
        frontier = next;
        if (truncated) break;
      }
      const ids = [...distance.keys()];
      const records = await enterprisesById(tx, ids);
      const edges = await tx.run<{ kind: EnterpriseRelationKind; from: string; to: string; r: object }>(
        'queries',
        'neighbourhood-edges',
        { ids, kinds },
      );
      return {
        centreId: id,
        nodes: ids.map((n) => records.get(n) as EnterpriseRecord),
        distances: ids.map((n) => distance.get(n) ?? 0),
        edges: edges.map((e) => ({ ...e.r, kind: e.kind, from: e.from, to: e.to }) as Relation),
        truncated,
      };
    });
  }

  async chains(): Promise<ChainRecord[]> {
    return this.db.read((tx) => chainRecords(tx, null));
  }

  async chain(id: string): Promise<ChainRecord | undefined> {
    return (await this.db.read((tx) => chainRecords(tx, [id])))[0];
  }

  async segmentsOf(enterpriseId: string): Promise<Segment[]> {
    const rows = await this.db.read((tx) => tx.run<{ s: Segment }>('queries', 'segments-of', { id: enterpriseId }));
    return rows.map((r) => r.s);
  }

  async chainMembers(chainId: string): Promise<SegmentMembership[]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ e: EnterpriseRecord; segmentId: string }>('queries', 'chain-members', { chainId }),
    );
    return rows.map((r) => ({ enterprise: r.e, segmentId: r.segmentId }));
  }

  async chainSubgraph(chainId: string): Promise<ChainSubgraph | undefined> {
    return this.db.read(async (tx) => {
      const [chain] = await chainRecords(tx, [chainId]);
      if (!chain) return undefined;
      const [row] = await tx.run<{
        memberships: { enterpriseId: string; segmentId: string }[];
        supplies: { from: string; to: string; r: Omit<Supplies, 'from' | 'to'> }[];
      }>('queries', 'chain-subgraph', { chainId });
      const memberships = row?.memberships ?? [];
      const supplies = (row?.supplies ?? []).map((s) => ({ ...s.r, from: s.from, to: s.to }) as Supplies);
      const ids = new Set([...memberships.map((m) => m.enterpriseId), ...supplies.flatMap((s) => [s.from, s.to])]);
      const records = await enterprisesById(tx, [...ids]);
      return { chain, memberships, supplies, enterprises: [...records.values()] };
    });
  }

  async ownersOf(enterpriseId: string): Promise<Holding[]> {
    return this.db.read((tx) => tx.run<Holding>('queries', 'owners-of', { id: enterpriseId }));
  }

  async systemRoots(): Promise<string[]> {
    return findRoots(await this.db.read((tx) => holdings(tx, this.threshold)), this.threshold);
  }

  async system(rootId: string): Promise<EnterpriseSystem | undefined> {
    return this.db.read(async (tx) => {
      const all = await holdings(tx, this.threshold);
      if (!findRoots(all, this.threshold).includes(rootId)) return undefined;
      const byHolder = groupBy(all, (h) => h.from);
      const controlled = controlledBy(rootId, (id) => byHolder.get(id) ?? [], this.threshold);
      const memberIds = controlled.map((c) => c.id);
      const records = await enterprisesById(tx, memberIds);
      const partners = await tx.run<{ id: string; partners: string[] }>('queries', 'supply-partners', {
        ids: memberIds,
      });
      const members = new Set(memberIds);
      const affiliates = new Set(partners.flatMap((p) => p.partners).filter((id) => !members.has(id)));
      return {
        rootId,
        members: controlled.map((c) => ({
          enterprise: records.get(c.id) as EnterpriseRecord,
          effectiveShare: c.effectiveShare,
          level: c.level,
        })),
        affiliateIds: [...affiliates].sort(),
      };
    });
  }

  // --- ImportTarget -------------------------------------------------------------------------

  view(rows: Dataset): Promise<ImportView> {
    return this.db.read((tx) => prefetchView(tx, rows));
  }

  plan(rows: Dataset): Promise<{ counts: ApplyCounts }> {
    return this.db.read((tx) => planImport(tx, rows));
  }

  /** Writes every row and the roles they change in one transaction: all or nothing. */
  async commit(rows: Dataset): Promise<ApplyCounts> {
    const { counts } = await this.plan(rows);
    await this.db.write(async (tx) => {
      await writeImport(tx, rows);
      await deriveRoles(tx, this.threshold);
    });
    return counts;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Relationship kinds as values for `type(r) IN $kinds`, only from the allow-list. */
function allowedKinds(kinds: readonly string[]): EnterpriseRelationKind[] {
  return kinds.filter((k): k is EnterpriseRelationKind => k === 'CONTROLS' || k === 'SUPPLIES');
}

async function enterprisesById(tx: Tx, ids: readonly string[]): Promise<Map<string, EnterpriseRecord>> {
  const rows = await tx.run<{ e: EnterpriseRecord }>('queries', 'get-enterprises', { ids });
  return new Map(rows.map((r) => [r.e.id, r.e]));
}

async function chainRecords(tx: Tx, ids: string[] | null): Promise<ChainRecord[]> {
  const rows = await tx.run<{
    chain: ChainRecord;
    segments: Segment[];
    feeds: Feeds[];
    leaders: Leader[];
    anchorIds: string[];
  }>('queries', 'chains', { ids });
  return rows.map((r) => ({
    ...r.chain,
    segments: r.segments,
    feeds: r.feeds,
    leaders: r.leaders,
    anchorIds: r.anchorIds,
  }));
}
