import { MultiDirectedGraph } from 'graphology';
import type { ChainSubgraph } from '../../analysis/subgraph';
import type { Holding } from '../../analysis/systems';
import type { Controls, Dataset, Enterprise, Segment, Supplies } from '../../domain/model';
import type { ImportView, NodeKind } from '../../import/check';
import { KINDS, type Kind } from '../../import/interchange';
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
import { ChainIndex } from './chains';
import { deriveSystems } from './derive';
import { StringPool } from './intern';
import { searchEnterprises } from './search';

export type EnterpriseGraph = MultiDirectedGraph<EnterpriseRecord, Relation>;

/** What applying rows did, per kind. */
type State = 'added' | 'updated' | 'unchanged';
export type ApplyCounts = { [K in Kind]: { [S in State]: number } };

/**
 * The embedded store's graph in process memory: enterprises and the relationships between
 * them in one graphology graph (each node's attributes are its record, each edge's its
 * relationship), the chain side in plain maps, and the derived systems and roles.
 */
export class MemoryStore implements GraphStore {
  readonly graph: EnterpriseGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  readonly chainIndex = new ChainIndex();
  private readonly pool = new StringPool();
  private systems = new Map<string, EnterpriseSystem>();
  /** Chain subgraphs as built since the last change: a chain's gap report is asked for again and again. */
  private readonly subgraphs = new Map<string, ChainSubgraph>();

  constructor(data?: Dataset) {
    if (data) this.apply(data);
  }

  /**
   * What importing rows would do: how many of each kind it would add, update or leave as they
   * are, and the rows that change something (the only ones worth writing).
   */
  plan(data: Dataset): { counts: ApplyCounts; changes: Dataset; added: WeakSet<object> } {
    const counts = {} as ApplyCounts;
    const changes = {} as Record<Kind, unknown[]>;
    const added = new WeakSet<object>();
    for (const kind of KINDS) {
      const c = { added: 0, updated: 0, unchanged: 0 };
      const changed: unknown[] = [];
      for (const row of data[kind] as object[]) {
        const old = this.existing(kind, row);
        const state: State = old === undefined ? 'added' : givesNothingNew(old, row) ? 'unchanged' : 'updated';
        c[state]++;
        if (state === 'added') added.add(row);
        if (state !== 'unchanged') changed.push(row);
      }
      counts[kind] = c;
      changes[kind] = changed;
    }
    return { counts, changes: changes as unknown as Dataset, added };
  }

  /** The stored row with the key of `row`, as it was imported; undefined when there is none. */
  private existing(kind: Kind, row: object): object | undefined {
    const c = this.chainIndex;
    const r = row as Record<string, string>;
    switch (kind) {
      case 'chains':
      case 'segments':
      case 'leaders':
        return c[kind].get(r.id as string);
      case 'feeds':
        return c.feeds.get(r.from as string)?.has(r.to as string) ? row : undefined;
      case 'leads':
        return c.leads.get(r.chainId as string)?.has(r.leaderId as string) ? row : undefined;
      case 'anchors':
        return c.anchors.get(r.chainId as string)?.get(r.enterpriseId as string);
      case 'inSegment':
        return c.members.get(r.segmentId as string)?.get(r.enterpriseId as string);
      case 'enterprises': {
        if (!this.graph.hasNode(r.id as string)) return undefined;
        const { role: _role, ...stored } = this.graph.getNodeAttributes(r.id as string);
        return stored;
      }
      case 'controls':
      case 'supplies': {
        const edge = this.findEdge(
          kind === 'controls' ? 'CONTROLS' : 'SUPPLIES',
          r.from as string,
          r.to as string,
          r.product,
        );
        if (edge === undefined) return undefined;
        const { kind: _kind, ...stored } = this.graph.getEdgeAttributes(edge);
        return stored;
      }
    }
  }

  /**
   * Adds or updates every row (a row with the key of an existing one replaces it), then derives
   * systems again. `added` names rows known to be new (from plan), which need no look-up.
   * The store keeps the row objects themselves, changed: the caller must not use them after.
   */
  apply(data: Dataset, added?: WeakSet<object>): void {
    const c = this.chainIndex;
    for (const r of data.chains) c.putChain(r);
    for (const r of data.segments) c.putSegment(r);
    for (const r of data.leaders) c.putLeader(r);
    for (const r of data.feeds) c.putFeeds(r);
    for (const r of data.leads) c.putLeads(r);
    for (const r of data.enterprises) this.putEnterprise(r);
    for (const r of data.anchors) c.putAnchor(this.provenance(r));
    for (const r of data.inSegment) c.putMember(this.provenance(r));
    for (const r of data.controls) this.putRelation(this.relation('CONTROLS', r), added?.has(r) ?? false);
    for (const r of data.supplies) this.putRelation(this.relation('SUPPLIES', r), added?.has(r) ?? false);
    this.systems = deriveSystems(this.graph);
    this.subgraphs.clear();
  }

  /*
   * The rows are kept as they are, changed in place (repeated strings interned, the kind or the
   * role added): a copy made with a spread costs a V8 object in a slower, larger form, which
   * at a million rows is the difference between fitting in memory and not (B11).
   */

  private relation(kind: 'CONTROLS', row: Controls): Relation;
  private relation(kind: 'SUPPLIES', row: Supplies): Relation;
  private relation(kind: Relation['kind'], row: Controls | Supplies): Relation {
    const r = this.provenance(row) as Relation & { product?: string };
    r.kind = kind;
    if (r.product !== undefined) r.product = this.pool.get(r.product);
    return r;
  }

  private provenance<T extends { source: string; verifiedAt?: string }>(row: T): T {
    row.source = this.pool.get(row.source);
    if (row.verifiedAt !== undefined) row.verifiedAt = this.pool.get(row.verifiedAt);
    return row;
  }

  private putEnterprise(e: Enterprise): void {
    const p = this.pool;
    const record = e as EnterpriseRecord;
    record.district = p.get(e.district);
    record.status = p.get(e.status);
    if (e.park !== undefined) record.park = p.get(e.park);
    if (e.foundedOn !== undefined) record.foundedOn = p.get(e.foundedOn);
    record.tags = p.tags(e.tags);
    record.role = 'OTHER';
    if (this.graph.hasNode(e.id))
      this.graph.replaceNodeAttributes(e.id, mergeUpdate(this.graph.getNodeAttributes(e.id), record));
    else this.graph.addNode(e.id, record);
  }

  private putRelation(r: Relation, isNew: boolean): void {
    const edge = isNew ? undefined : this.findEdge(r.kind, r.from, r.to, r.kind === 'SUPPLIES' ? r.product : undefined);
    if (edge === undefined) this.graph.addEdge(r.from, r.to, r);
    else this.graph.replaceEdgeAttributes(edge, mergeUpdate(this.graph.getEdgeAttributes(edge), r));
  }

  /** The edge of a relationship's key, if there is one. */
  private findEdge(kind: Relation['kind'], from: string, to: string, product: string | undefined): string | undefined {
    if (!this.graph.hasNode(from) || !this.graph.hasNode(to)) return undefined;
    return this.graph.findOutEdge(
      from,
      to,
      (_e, a) => a.kind === kind && (kind === 'CONTROLS' || (a.kind === 'SUPPLIES' && a.product === product)),
    );
  }

  /** What an import's checks need to know of this store. */
  view(): ImportView {
    return {
      has: (kind: NodeKind, id: string) =>
        kind === 'enterprises' ? this.graph.hasNode(id) : this.chainIndex.has(kind, id),
      holdingsInto: (companyId: string) =>
        this.graph.hasNode(companyId)
          ? this.graph.mapInEdges(companyId, (_e, r) => r).flatMap((r) => (r.kind === 'CONTROLS' ? [r] : []))
          : [],
    };
  }

  /** How many enterprises and relationships between them the store holds. */
  size(): { enterprises: number; relationships: number } {
    return { enterprises: this.graph.order, relationships: this.graph.size };
  }

  async getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  async getEnterprises(ids: readonly string[]): Promise<(EnterpriseRecord | undefined)[]> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined));
  }

  async search(query: string, limit: number): Promise<EnterpriseRecord[]> {
    return searchEnterprises(
      this.graph.mapNodes((_id, e) => e),
      query,
      limit,
    );
  }

  async neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Neighbourhood | undefined> {
    return this.graph.hasNode(id) ? neighbourhoodOf(this.graph, id, options) : undefined;
  }

  async chains(): Promise<ChainRecord[]> {
    return [...this.chainIndex.chains.keys()].map((id) => this.chainRecord(id) as ChainRecord);
  }

  async chain(id: string): Promise<ChainRecord | undefined> {
    return this.chainRecord(id);
  }

  private chainRecord(id: string): ChainRecord | undefined {
    const c = this.chainIndex;
    const chain = c.chains.get(id);
    if (!chain) return undefined;
    const segments = c.segmentsOfChain(id);
    return {
      ...chain,
      segments,
      feeds: segments.flatMap((s) => [...(c.feeds.get(s.id) ?? [])].map((to) => ({ from: s.id, to }))),
      leaders: [...(c.leads.get(id) ?? [])].flatMap((l) => c.leaders.get(l) ?? []),
      anchorIds: [...(c.anchors.get(id)?.keys() ?? [])],
    };
  }

  async segmentsOf(enterpriseId: string): Promise<Segment[]> {
    return (this.chainIndex.segmentsOf.get(enterpriseId) ?? []).flatMap((s) => this.chainIndex.segments.get(s) ?? []);
  }

  async chainMembers(chainId: string): Promise<SegmentMembership[]> {
    return this.chainIndex
      .segmentsOfChain(chainId)
      .flatMap((s) =>
        [...(this.chainIndex.members.get(s.id)?.keys() ?? [])].flatMap((id) =>
          this.graph.hasNode(id) ? [{ enterprise: this.graph.getNodeAttributes(id), segmentId: s.id }] : [],
        ),
      );
  }

  async chainSubgraph(chainId: string): Promise<ChainSubgraph | undefined> {
    const cached = this.subgraphs.get(chainId);
    if (cached) return cached;
    const built = this.buildChainSubgraph(chainId);
    if (built) this.subgraphs.set(chainId, built);
    return built;
  }

  /** Drops the kept chain subgraphs (the benchmarks time a cold build with it). */
  forgetChainSubgraphs(): void {
    this.subgraphs.clear();
  }

  private buildChainSubgraph(chainId: string): ChainSubgraph | undefined {
    const chain = this.chainRecord(chainId);
    if (!chain) return undefined;
    const memberships = chain.segments.flatMap((s) =>
      [...(this.chainIndex.members.get(s.id)?.keys() ?? [])].map((enterpriseId) => ({ enterpriseId, segmentId: s.id })),
    );
    const members = new Set(memberships.map((m) => m.enterpriseId).filter((id) => this.graph.hasNode(id)));
    const ids = new Set(members);
    const supplies: Supplies[] = [];
    for (const id of members) {
      // supply into members, and out of members to local firms (the analysis reads no other);
      // a link between two members is seen from both ends: keep it once, from its customer
      this.graph.forEachInEdge(id, (_e, r, source) => {
        if (r.kind !== 'SUPPLIES') return;
        supplies.push(r);
        ids.add(source);
      });
      this.graph.forEachOutEdge(id, (_e, r, _source, target) => {
        if (r.kind !== 'SUPPLIES' || members.has(target) || !this.graph.getNodeAttributes(target).local) return;
        supplies.push(r);
        ids.add(target);
      });
    }
    const enterprises = [...ids].map((id) => this.graph.getNodeAttributes(id));
    return { chain, memberships, enterprises, supplies };
  }

  async ownersOf(enterpriseId: string): Promise<Holding[]> {
    const out: Holding[] = [];
    const seen = new Set<string>();
    const queue = [enterpriseId];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (seen.has(id) || !this.graph.hasNode(id)) continue;
      seen.add(id);
      this.graph.forEachInEdge(id, (_e, r) => {
        if (r.kind !== 'CONTROLS') return;
        out.push({ from: r.from, to: r.to, share: r.share });
        queue.push(r.from);
      });
    }
    return out;
  }

  async systemRoots(): Promise<string[]> {
    return [...this.systems.keys()];
  }

  async system(rootId: string): Promise<EnterpriseSystem | undefined> {
    return this.systems.get(rootId);
  }

  async close(): Promise<void> {}
}

/** Breadth-first over the chosen kinds, both directions, up to `limit` enterprises. */
function neighbourhoodOf(graph: EnterpriseGraph, centre: string, options: NeighbourhoodOptions): Neighbourhood {
  const all = options.kinds.length === 2;
  const kinds = new Set<string>(options.kinds);
  const distance = new Map<string, number>([[centre, 0]]);
  let frontier = [centre];
  let truncated = false;
  for (let hop = 1; hop <= options.depth && frontier.length > 0 && !truncated; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.someEdge(node, (_edge, r, source, target) => {
        if (!all && !kinds.has(r.kind)) return false;
        const other = source === node ? target : source;
        if (distance.has(other)) return false;
        if (distance.size >= options.limit) {
          truncated = true;
          return true;
        }
        distance.set(other, hop);
        next.push(other);
        return false;
      });
      if (truncated) break;
    }
    frontier = next;
  }
  const nodes: EnterpriseRecord[] = [];
  const distances: number[] = [];
  const edges: Relation[] = [];
  const keep = (r: Relation) => {
    if (all || kinds.has(r.kind)) edges.push(r);
  };
  for (const [id, d] of distance) {
    nodes.push(graph.getNodeAttributes(id));
    distances.push(d);
    // The relationships among the enterprises reached: scan a node's out-edges, or, for a hub
    // with more out-edges than there are enterprises here, look each of them up instead.
    if (graph.outDegree(id) <= distance.size) {
      graph.forEachOutEdge(id, (_edge, r, _source, target) => {
        if (distance.has(target)) keep(r);
      });
    } else {
      for (const target of distance.keys()) {
        if (target !== id) graph.forEachOutEdge(id, target, (_edge, r) => keep(r));
      }
    }
  }
  return { centreId: centre, nodes, distances, edges, truncated };
}

/**
 * An update changes only the fields a row gives: a column a file leaves out, or leaves empty, keeps
 * what is stored (and an empty tag list keeps the stored tags).
 */
function givesNothingNew(stored: object, row: object): boolean {
  const old = stored as Record<string, unknown>;
  return Object.entries(row).every(([k, v]) => {
    const u = old[k];
    if (Array.isArray(v) && k === 'tags' && v.length === 0) return true;
    return Array.isArray(u) && Array.isArray(v) ? u.join('\u0000') === v.join('\u0000') : u === v;
  });
}

export function mergeUpdate<T extends object>(stored: T, row: T): T {
  const merged = { ...stored, ...row } as T & { tags?: string[] };
  const oldTags = (stored as { tags?: string[] }).tags;
  if (Array.isArray(merged.tags) && merged.tags.length === 0 && oldTags) merged.tags = oldTags;
  return merged;
}
