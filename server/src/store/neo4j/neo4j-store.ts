import type { Dataset, EnterpriseRelationKind, Segment } from '../../domain/model';
import { isInitialsQuery } from '../../domain/pinyin';
import type { ChainSubgraph } from '../../domain/records';
import { searchForm } from '../../domain/search-text';
import { DEFAULT_CONTROL_THRESHOLD, findRoots, type Holding } from '../../domain/systems';
import { log } from '../../platform/log';
import type {
  ApplyCounts,
  ChainRecord,
  EnterprisePage,
  EnterprisePath,
  EnterpriseQuery,
  EnterpriseRecord,
  EnterpriseSystem,
  GraphStore,
  ImportView,
  Neighbourhood,
  NeighbourhoodOptions,
  PathOptions,
  Relation,
  RelationKey,
  Removal,
  SegmentMembership,
} from '../port';
import { rowCount } from '../port';
import type { SnapshotLog } from '../snapshots';
import { ChainSubgraphs } from './chain-subgraphs';
import { statements } from './cypher-files';
import { int, type Neo4jGateway, type Tx } from './gateway';
import { groupBy, holdings } from './holdings';
import { planImport, prefetchView, writeImport } from './import';
import { Neo4jLeads } from './investment-leads';
import {
  allowedKinds,
  chainRecords,
  enterprisesById,
  type RelationRow,
  systemOf,
  toRelation,
  withoutInitials,
} from './reads';
import { presentRemovals, writeRemovals } from './removals';
import { deriveRoles } from './roles';
import { Neo4jSnapshotLog } from './snapshots';

/**
 * How long a commit may take, per row written, where that is longer than the gateway's timeout
 * (30 s): an import is one transaction, all or nothing, and the S scale set's 50k rows took over
 * 30 s into a fresh database on this loaded 2-core machine (2026-12-07), so a fixed request-sized
 * timeout refused every import past a few ten thousand rows. 2 ms a row gives M's 500k rows about
 * 17 minutes.
 */
const IMPORT_MS_PER_ROW = 2;
/** An import of this many rows or more has Neo4j sample its indexes and plan its queries afresh (replan). */
const REPLAN_AFTER_ROWS = 1000;
/** How long the replan may wait for the indexes' samples (S's took 0.1 s, 2026-12-07). */
const REPLAN_SECONDS = 120;

/**
 * The production store: the graph in Neo4j, every query a file of cypher/. Traversal happens in
 * the database; systems and roles are derived in TypeScript (domain/systems.ts) from the
 * holdings, and the roles written back when data changes.
 */
export class Neo4jStore implements GraphStore {
  private readonly subgraphs: ChainSubgraphs;
  readonly leads: Neo4jLeads;
  readonly snapshots: SnapshotLog;

  constructor(
    readonly db: Neo4jGateway,
    private readonly threshold = DEFAULT_CONTROL_THRESHOLD,
  ) {
    this.subgraphs = new ChainSubgraphs(db);
    this.snapshots = new Neo4jSnapshotLog(db);
    this.leads = new Neo4jLeads(db);
  }

  /** Creates the constraints and indexes of cypher/schema/ where they are missing. */
  async ensureSchema(): Promise<void> {
    for (const file of ['schema/constraints', 'schema/indexes'] as const) {
      for (let i = 0; i < statements(file).length; i++) {
        // schema commands go in transactions of their own
        await this.db.write((tx) => tx.runStatement(file, i));
      }
    }
  }

  /** Whether the database holds no enterprise and no chain yet. */
  async isEmpty(): Promise<boolean> {
    const rows = await this.db.read((tx) => tx.run<{ empty: boolean }>('queries/is-empty', {}));
    return rows[0]?.empty ?? true;
  }

  async getEnterprises(ids: readonly string[]): Promise<(EnterpriseRecord | undefined)[]> {
    const found = await this.db.read((tx) => enterprisesById(tx, ids));
    return ids.map((id) => found.get(id));
  }

  async search(query: EnterpriseQuery): Promise<EnterprisePage> {
    // names are compared in search form (searchForm), an id as it is given
    const id = (query.text ?? '').trim();
    const text = searchForm(id);
    const params = {
      query: text,
      local: query.local ?? null,
      chainId: query.chainId ?? null,
      segmentId: query.segmentId ?? null,
      tier: query.tier ?? null,
      order: query.order,
      skip: int(query.offset),
      limit: int(query.limit),
    };
    type Page = EnterprisePage & { page: EnterpriseRecord[] };
    const [row] = await this.db.read((tx) => {
      if (isInitialsQuery(text)) {
        const q = text.toLowerCase();
        return tx.run<Page>('queries/search-initials', {
          ...params,
          query: q,
          subsequence: `.*${[...q].join('.*')}.*`,
        });
      }
      if ([...text].length < 2) return tx.run<Page>('queries/search-scan', { ...params, id });
      return tx.run<Page>('queries/search', { ...params, id, phrase: `"${text.replace(/["\\]/g, '\\$&')}"` });
    });
    return { total: row?.total ?? 0, items: (row?.page ?? []).map(withoutInitials) };
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
        const found = await tx.run<{ id: string }>('queries/neighbourhood-hop', {
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
        'queries/neighbourhood-edges',
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

  async chainsById(ids: readonly string[]): Promise<(ChainRecord | undefined)[]> {
    const found = await this.db.read((tx) => chainRecords(tx, [...ids]));
    return ids.map((id) => found.find((c) => c.id === id));
  }

  async shortestPaths(from: string, to: string, options: PathOptions): Promise<EnterprisePath[] | undefined> {
    return this.db.read(async (tx) => {
      const ends = await enterprisesById(tx, [from, to]);
      if (!ends.has(from) || !ends.has(to)) return undefined;
      if (from === to) return [{ nodeIds: [from], relations: [] }];
      const rows = await tx.run<{ nodeIds: string[]; relations: RelationRow[] }>('queries/shortest-paths', {
        from,
        to,
        kinds: allowedKinds(options.kinds),
        maxHops: int(options.maxHops),
        limit: int(options.limit),
      });
      return rows.map((r) => ({ nodeIds: r.nodeIds, relations: r.relations.map(toRelation) }));
    });
  }

  async relationsOf(
    ids: readonly string[],
    direction: 'in' | 'out',
    kind: EnterpriseRelationKind,
  ): Promise<Relation[][]> {
    const [allowed] = allowedKinds([kind]);
    if (!allowed) return ids.map(() => []);
    const rows = await this.db.read((tx) =>
      tx.run<RelationRow & { id: string }>(direction === 'in' ? 'queries/relations-in' : 'queries/relations-out', {
        ids,
        kind: allowed,
      }),
    );
    const byId = groupBy(rows, (r) => r.id);
    return ids.map((id) => (byId.get(id) ?? []).map((r) => toRelation({ ...r, kind: allowed })));
  }

  async relations(keys: readonly RelationKey[]): Promise<(Relation | undefined)[]> {
    const rows = await this.db.read((tx) =>
      tx.run<RelationRow & { index: number }>('queries/relations', {
        keys: keys.map((k, index) => ({ ...k, product: k.kind === 'SUPPLIES' ? k.product : null, index })),
      }),
    );
    const found = new Map(rows.map((r) => [r.index, toRelation(r)]));
    return keys.map((_k, i) => found.get(i));
  }

  async segmentsById(ids: readonly string[]): Promise<(Segment | undefined)[]> {
    const rows = await this.db.read((tx) => tx.run<{ s: Segment }>('queries/segments', { ids }));
    const found = new Map(rows.map((r) => [r.s.id, r.s]));
    return ids.map((id) => found.get(id));
  }

  async segmentsOf(enterpriseIds: readonly string[]): Promise<Segment[][]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ id: string; segments: Segment[] }>('queries/segments-of', { ids: enterpriseIds }),
    );
    const found = new Map(rows.map((r) => [r.id, r.segments]));
    return enterpriseIds.map((id) => found.get(id) ?? []);
  }

  async anchoredBy(enterpriseIds: readonly string[]): Promise<string[][]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ id: string; chainIds: string[] }>('queries/anchored-by', { ids: enterpriseIds }),
    );
    const found = new Map(rows.map((r) => [r.id, r.chainIds]));
    return enterpriseIds.map((id) => found.get(id) ?? []);
  }

  async chainMembers(chainIds: readonly string[]): Promise<SegmentMembership[][]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ chainId: string; e: EnterpriseRecord; segmentId: string }>('queries/chain-members', { chainIds }),
    );
    const byChain = groupBy(rows, (r) => r.chainId);
    return chainIds.map((id) =>
      (byChain.get(id) ?? []).map((r) => ({ enterprise: withoutInitials(r.e), segmentId: r.segmentId })),
    );
  }

  /** A chain's subgraph, kept while the graph's version stays the same (chain-subgraphs.ts). */
  chainSubgraph(chainId: string): Promise<ChainSubgraph | undefined> {
    return this.subgraphs.get(chainId);
  }

  async ownersOf(enterpriseIds: readonly string[]): Promise<Holding[][]> {
    const rows = await this.db.read((tx) =>
      tx.run<Holding & { id: string }>('queries/owners-of', { ids: enterpriseIds }),
    );
    const byId = groupBy(rows, (r) => r.id);
    return enterpriseIds.map((id) => (byId.get(id) ?? []).map(({ from, to, share }) => ({ from, to, share })));
  }

  async systemRoots(): Promise<string[]> {
    return findRoots(await this.db.read((tx) => holdings(tx, this.threshold)), this.threshold).sort();
  }

  async systems(rootIds: readonly string[]): Promise<(EnterpriseSystem | undefined)[]> {
    return this.db.read(async (tx) => {
      const all = await holdings(tx, this.threshold);
      const roots = new Set(findRoots(all, this.threshold));
      const out: (EnterpriseSystem | undefined)[] = [];
      for (const rootId of rootIds)
        out.push(roots.has(rootId) ? await systemOf(tx, all, rootId, this.threshold) : undefined);
      return out;
    });
  }

  async remove(removals: readonly Removal[], _note: string): Promise<Removal[]> {
    return this.written(async (tx) => {
      await tx.run('import/write-lock');
      const there = new Set(await presentRemovals(tx, removals));
      if (there.size === 0) return [];
      const present = removals.filter((r) => there.has(r)); // in the order asked
      await writeRemovals(tx, present);
      await deriveRoles(tx, this.threshold);
      return present;
    });
  }

  // --- ImportTarget -------------------------------------------------------------------------

  view(rows: Dataset): Promise<ImportView> {
    return this.db.read((tx) => prefetchView(tx, rows));
  }

  plan(rows: Dataset): Promise<{ counts: ApplyCounts }> {
    return this.db.read((tx) => planImport(tx, rows));
  }

  /**
   * Writes every row and the roles they change in one write transaction: all or nothing. The
   * transaction first takes the graph's write lock (write-lock.cypher), so writers, in this
   * process or another, go one at a time; the check and the plan then read in it, and see what
   * every writer before committed.
   */
  async commit(rows: Dataset, _note = '', check?: (view: ImportView) => void): Promise<ApplyCounts> {
    const count = rowCount(rows);
    const counts = await this.written(async (tx) => {
      await tx.run('import/write-lock');
      if (check) check(await prefetchView(tx, rows));
      const { counts } = await planImport(tx, rows);
      await writeImport(tx, rows);
      await deriveRoles(tx, this.threshold);
      return counts;
    }, IMPORT_MS_PER_ROW * count);
    if (count >= REPLAN_AFTER_ROWS) await this.replan();
    return counts;
  }

  /**
   * Has Neo4j sample its indexes and plan its queries again (replan.cypher): plans made for a graph
   * a large import has since changed, or with index samples taken before it, can be many times
   * slower, and Neo4j replaces them only when its statistics have drifted far enough. A user
   * without the right to (db.prepareForReplanning is an administrator's on a secured server) keeps
   * the old plans: the import stands, a warning says so.
   */
  private async replan(): Promise<void> {
    try {
      await this.db.write(
        (tx) => tx.run('import/replan', { seconds: int(REPLAN_SECONDS) }),
        (REPLAN_SECONDS + 10) * 1000,
      );
    } catch (err) {
      log().warn({ err }, 'Neo4j kept its query plans after a large import (db.prepareForReplanning failed)');
    }
  }

  /**
   * A write transaction; once it has committed, a read of the graph's version begun before it is
   * no longer shared: whoever asks next, having seen the write, sees its version.
   */
  private async written<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    try {
      return await this.db.write(work, timeoutMs);
    } finally {
      this.subgraphs.written();
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
