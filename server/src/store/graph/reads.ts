import { compareIds as compare } from '../../domain/compare';
import type { EnterpriseRelationKind, Segment, Supplies } from '../../domain/model';
import type { ChainSubgraph } from '../../domain/records';
import type { Holding } from '../../domain/systems';
import type {
  ChainRecord,
  EnterprisePage,
  EnterprisePath,
  EnterpriseQuery,
  EnterpriseRecord,
  EnterpriseSystem,
  GraphStore,
  Neighbourhood,
  NeighbourhoodOptions,
  PathOptions,
  Relation,
  RelationKey,
  SegmentMembership,
} from '../port';
import type { MemoryGraph } from './memory-graph';
import { searchEnterprises } from './search';
import { neighbourhoodOf, shortestPathsOf } from './traversal';

/** The reads of the GraphStore port: what a store over an in-memory graph answers from it (the leads and snapshots are parts of their own). */
export type StoreReads = Omit<GraphStore, 'commit' | 'remove' | 'close' | 'view' | 'plan' | 'leads' | 'snapshots'>;

/**
 * The reads of the GraphStore port over a MemoryGraph, which it holds (the memory store and the
 * embedded store each hand theirs over). Reads only: it writes nothing but the graph's caches of
 * what it built (chain records and subgraphs), which the graph drops on every change.
 */
export class GraphReads implements StoreReads {
  constructor(private readonly memory: MemoryGraph) {}

  private get graph() {
    return this.memory.graph;
  }

  private get chainIndex() {
    return this.memory.chainIndex;
  }

  private node = (id: string): EnterpriseRecord | undefined => this.memory.graph.node(id);

  async getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
    return this.node(id);
  }

  async getEnterprises(ids: readonly string[]): Promise<(EnterpriseRecord | undefined)[]> {
    return ids.map(this.node);
  }

  async search(query: EnterpriseQuery): Promise<EnterprisePage> {
    const hits = searchEnterprises(this.candidates(query), query.text ?? '', query.order);
    return { total: hits.length, items: hits.slice(query.offset, query.offset + query.limit) };
  }

  /** The enterprises a query's filters let through, before the text is matched. */
  private candidates({ local, chainId, segmentId, tier }: EnterpriseQuery): Iterable<EnterpriseRecord> {
    const c = this.chainIndex;
    let pool: Iterable<EnterpriseRecord>;
    if (segmentId !== undefined || chainId !== undefined || tier !== undefined) {
      const segments = [...c.segments.values()].filter(
        (s) =>
          (segmentId === undefined || s.id === segmentId) &&
          (chainId === undefined || s.chainId === chainId) &&
          (tier === undefined || s.tier === tier),
      );
      const ids = new Set(segments.flatMap((s) => [...(c.members.get(s.id)?.keys() ?? [])]));
      pool = [...ids].flatMap((id) => this.node(id) ?? []);
    } else pool = [...this.graph.records()];
    if (local === undefined) return pool;
    return [...pool].filter((e) => e.local === local);
  }

  async neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Neighbourhood | undefined> {
    return this.graph.hasNode(id) ? neighbourhoodOf(this.graph, id, options) : undefined;
  }

  async shortestPaths(from: string, to: string, options: PathOptions): Promise<EnterprisePath[] | undefined> {
    if (!this.graph.hasNode(from) || !this.graph.hasNode(to)) return undefined;
    return shortestPathsOf(this.graph, from, to, options);
  }

  async relationsOf(
    ids: readonly string[],
    direction: 'in' | 'out',
    kind: EnterpriseRelationKind,
  ): Promise<Relation[][]> {
    return ids.map((id) => {
      const out = (direction === 'in' ? this.graph.in(id) : this.graph.out(id)).filter((r) => r.kind === kind);
      return out.sort(direction === 'in' ? byFromThenProduct : byToThenProduct);
    });
  }

  async relations(keys: readonly RelationKey[]): Promise<(Relation | undefined)[]> {
    return keys.map((k) => {
      return this.graph.find(k.kind, k.from, k.to, k.kind === 'SUPPLIES' ? k.product : undefined);
    });
  }

  async chains(): Promise<ChainRecord[]> {
    return [...this.chainIndex.chains.keys()].map((id) => this.chainRecord(id) as ChainRecord);
  }

  async chainsById(ids: readonly string[]): Promise<(ChainRecord | undefined)[]> {
    return ids.map((id) => this.chainRecord(id));
  }

  private chainRecord(id: string): ChainRecord | undefined {
    const cached = this.memory.chainRecords.get(id);
    if (cached) return cached;
    const c = this.chainIndex;
    const chain = c.chains.get(id);
    if (!chain) return undefined;
    const segments = c.segmentsOfChain(id);
    const record = {
      ...chain,
      segments,
      feeds: segments.flatMap((s) => [...(c.feeds.get(s.id) ?? [])].map((to) => ({ from: s.id, to }))),
      leaders: [...(c.leads.get(id) ?? [])].flatMap((l) => c.leaders.get(l) ?? []),
      anchorIds: [...(c.anchors.get(id)?.keys() ?? [])],
    };
    this.memory.chainRecords.set(id, record);
    return record;
  }

  async segmentsById(ids: readonly string[]): Promise<(Segment | undefined)[]> {
    return ids.map((id) => this.chainIndex.segments.get(id));
  }

  async segmentsOf(enterpriseIds: readonly string[]): Promise<Segment[][]> {
    const c = this.chainIndex;
    return enterpriseIds.map((id) => c.segmentsOf(id).flatMap((s) => c.segments.get(s) ?? []));
  }

  async anchoredBy(enterpriseIds: readonly string[]): Promise<string[][]> {
    const wanted = new Set(enterpriseIds);
    const found = new Map<string, string[]>();
    for (const [chainId, anchors] of this.chainIndex.anchors) {
      for (const id of anchors.keys()) {
        if (wanted.has(id)) found.set(id, [...(found.get(id) ?? []), chainId]);
      }
    }
    return enterpriseIds.map((id) => (found.get(id) ?? []).sort());
  }

  async chainMembers(chainIds: readonly string[]): Promise<SegmentMembership[][]> {
    const c = this.chainIndex;
    return chainIds.map((chainId) =>
      c.segmentsOfChain(chainId).flatMap((s) =>
        [...(c.members.get(s.id)?.keys() ?? [])].sort().flatMap((id) => {
          const enterprise = this.graph.node(id);
          return enterprise ? [{ enterprise, segmentId: s.id }] : [];
        }),
      ),
    );
  }

  async chainSubgraph(chainId: string): Promise<ChainSubgraph | undefined> {
    const cached = this.memory.subgraphs.get(chainId);
    if (cached) return cached;
    const built = this.buildChainSubgraph(chainId);
    if (built) this.memory.subgraphs.set(chainId, built);
    return built;
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
      for (const r of this.graph.in(id)) {
        if (r.kind !== 'SUPPLIES') continue;
        supplies.push(r);
        ids.add(r.from);
      }
      for (const r of this.graph.out(id)) {
        if (r.kind !== 'SUPPLIES' || members.has(r.to) || !this.graph.record(r.to).local) continue;
        supplies.push(r);
        ids.add(r.to);
      }
    }
    // the firms that make a product of one of the chain's segments or of its members: candidates
    const wanted = new Set(chain.segments.flatMap((s) => s.products ?? []));
    for (const id of members) for (const product of this.chainIndex.makes.get(id)?.keys() ?? []) wanted.add(product);
    for (const product of wanted)
      for (const id of this.memory.makersOf(product)) if (this.graph.hasNode(id)) ids.add(id);
    const enterprises = [...ids].map((id) => this.graph.record(id));
    const makes = [...ids].flatMap((id) => [...(this.chainIndex.makes.get(id)?.values() ?? [])]);
    const home = this.chainIndex.home;
    return { chain, memberships, enterprises, supplies, makes, ...(home ? { home } : {}) };
  }

  async ownersOf(enterpriseIds: readonly string[]): Promise<Holding[][]> {
    return enterpriseIds.map((enterpriseId) => {
      const out: Holding[] = [];
      const seen = new Set<string>();
      const queue = [enterpriseId];
      while (queue.length > 0) {
        const id = queue.shift() as string;
        if (seen.has(id) || !this.graph.hasNode(id)) continue;
        seen.add(id);
        for (const r of this.graph.in(id)) {
          if (r.kind !== 'CONTROLS' || r.share === undefined) continue;
          out.push({ from: r.from, to: r.to, share: r.share });
          queue.push(r.from);
        }
      }
      return out;
    });
  }

  async systemRoots(): Promise<string[]> {
    return [...this.memory.systems.keys()].sort();
  }

  async systems(rootIds: readonly string[]): Promise<(EnterpriseSystem | undefined)[]> {
    return rootIds.map((id) => this.memory.systems.get(id));
  }
}

const productOf = (r: Relation) => (r.kind === 'SUPPLIES' ? r.product : '');
/** The port's order of an enterprise's relationships: by the other end, then product. */
const byFromThenProduct = (a: Relation, b: Relation) => compare(a.from, b.from) || compare(productOf(a), productOf(b));
const byToThenProduct = (a: Relation, b: Relation) => compare(a.to, b.to) || compare(productOf(a), productOf(b));
