import { controlledBy, findRoots, type Holding } from '../../analysis/systems';
import type { Chain, Dataset, Enterprise, Leader, Segment } from '../../domain/model';
import type {
  ChainRecord,
  EnterpriseRecord,
  EnterpriseRole,
  EnterpriseSystem,
  GraphStore,
  Neighbourhood,
  NeighbourhoodOptions,
  Relation,
  SegmentMembership,
} from '../port';
import { buildGraph, nodeKey, type PropertyGraph } from './graph';
import { searchEnterprises } from './search';

/**
 * The embedded store: the whole graph in process memory (graphology), with the derived
 * indexes the queries need (systems and roles). Nothing here needs a database server.
 */
export class MemoryStore implements GraphStore {
  private readonly graph: PropertyGraph;
  private readonly roles = new Map<string, EnterpriseRole>();
  private readonly systems = new Map<string, EnterpriseSystem>();

  constructor(data: Dataset) {
    this.graph = buildGraph(data);
    this.deriveSystems();
  }

  private enterprise(id: string): Enterprise | undefined {
    if (!this.graph.hasNode(id)) return undefined;
    const attrs = this.graph.getNodeAttributes(id);
    return attrs.label === 'Enterprise' ? attrs.data : undefined;
  }

  private record(e: Enterprise): EnterpriseRecord {
    return { ...e, role: this.roles.get(e.id) ?? 'OTHER' };
  }

  async getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
    const e = this.enterprise(id);
    return e && this.record(e);
  }

  async getEnterprises(ids: readonly string[]): Promise<(EnterpriseRecord | undefined)[]> {
    return ids.map((id) => {
      const e = this.enterprise(id);
      return e && this.record(e);
    });
  }

  async search(query: string, limit: number): Promise<EnterpriseRecord[]> {
    const all: Enterprise[] = [];
    this.graph.forEachNode((_, attrs) => {
      if (attrs.label === 'Enterprise') all.push(attrs.data);
    });
    return searchEnterprises(all, query, limit).map((e) => this.record(e));
  }

  async neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Neighbourhood | undefined> {
    const centre = this.enterprise(id);
    if (!centre) return undefined;
    const kinds = new Set<string>(options.kinds);
    const distance = new Map<string, number>([[id, 0]]);
    let frontier = [id];
    let truncated = false;
    for (let hop = 1; hop <= options.depth && frontier.length > 0 && !truncated; hop++) {
      const next: string[] = [];
      for (const node of frontier) {
        this.graph.forEachEdge(node, (_edge, attrs, source, target) => {
          if (truncated || !kinds.has(attrs.type)) return;
          const other = source === node ? target : source;
          if (distance.has(other)) return;
          if (distance.size >= options.limit) {
            truncated = true;
            return;
          }
          distance.set(other, hop);
          next.push(other);
        });
        if (truncated) break;
      }
      frontier = next;
    }
    const nodes = [...distance].map(([nodeId, d]) => ({
      ...this.record(this.enterprise(nodeId) as Enterprise),
      distance: d,
    }));
    const edges: Relation[] = [];
    for (const nodeId of distance.keys()) {
      this.graph.forEachOutEdge(nodeId, (_edge, attrs, _source, target) => {
        if (attrs.relation && kinds.has(attrs.type) && distance.has(target)) edges.push(attrs.relation);
      });
    }
    return { centreId: id, nodes, edges, truncated };
  }

  async chains(): Promise<ChainRecord[]> {
    const out: ChainRecord[] = [];
    this.graph.forEachNode((key, attrs) => {
      if (attrs.label === 'Chain') out.push(this.chainRecord(key, attrs.data));
    });
    return out;
  }

  async chain(id: string): Promise<ChainRecord | undefined> {
    const key = nodeKey.Chain(id);
    if (!this.graph.hasNode(key)) return undefined;
    const attrs = this.graph.getNodeAttributes(key);
    return attrs.label === 'Chain' ? this.chainRecord(key, attrs.data) : undefined;
  }

  private chainRecord(key: string, chain: Chain): ChainRecord {
    const segments: Segment[] = [];
    const leaders: Leader[] = [];
    const anchorIds: string[] = [];
    this.graph.forEachInEdge(key, (_edge, attrs, source) => {
      const node = this.graph.getNodeAttributes(source);
      if (attrs.type === 'OF_CHAIN' && node.label === 'Segment') segments.push(node.data);
      else if (attrs.type === 'LEADS' && node.label === 'Leader') leaders.push(node.data);
      else if (attrs.type === 'ANCHORS' && node.label === 'Enterprise') anchorIds.push(node.data.id);
    });
    segments.sort((a, b) => a.order - b.order);
    const feeds = segments.flatMap((s) =>
      this.graph.outEdges(nodeKey.Segment(s.id)).flatMap((edge) => {
        if (this.graph.getEdgeAttribute(edge, 'type') !== 'FEEDS') return [];
        const target = this.graph.getNodeAttributes(this.graph.target(edge));
        return target.label === 'Segment' ? [{ from: s.id, to: target.data.id }] : [];
      }),
    );
    return { ...chain, segments, feeds, leaders, anchorIds };
  }

  async segmentsOf(enterpriseId: string): Promise<Segment[]> {
    if (!this.enterprise(enterpriseId)) return [];
    return this.graph.outNeighbors(enterpriseId).flatMap((key) => {
      const node = this.graph.getNodeAttributes(key);
      return node.label === 'Segment' ? [node.data] : [];
    });
  }

  async chainMembers(chainId: string): Promise<SegmentMembership[]> {
    const chain = await this.chain(chainId);
    if (!chain) return [];
    return chain.segments.flatMap((s) =>
      this.graph.inNeighbors(nodeKey.Segment(s.id)).flatMap((id) => {
        const e = this.enterprise(id);
        return e ? [{ enterprise: this.record(e), segmentId: s.id }] : [];
      }),
    );
  }

  async systemRoots(): Promise<string[]> {
    return [...this.systems.keys()];
  }

  async system(rootId: string): Promise<EnterpriseSystem | undefined> {
    return this.systems.get(rootId);
  }

  async close(): Promise<void> {}

  /** Derives every system and every enterprise's role from CONTROLS and SUPPLIES. */
  private deriveSystems(): void {
    const holdingsOf = (id: string): Holding[] =>
      this.graph.outEdges(id).flatMap((edge) => {
        const r = this.graph.getEdgeAttribute(edge, 'relation');
        return r?.kind === 'CONTROLS' ? [{ from: r.from, to: r.to, share: r.share ?? 0 }] : [];
      });
    const all: Holding[] = [];
    this.graph.forEachEdge((_e, attrs) => {
      if (attrs.relation?.kind === 'CONTROLS') all.push({ ...attrs.relation, share: attrs.relation.share ?? 0 });
    });
    for (const rootId of findRoots(all)) {
      const controlled = controlledBy(rootId, holdingsOf);
      const memberIds = new Set(controlled.map((c) => c.id));
      const affiliates = new Set<string>();
      for (const id of memberIds) {
        this.graph.forEachEdge(id, (_edge, attrs, source, target) => {
          if (attrs.type !== 'SUPPLIES') return;
          const other = source === id ? target : source;
          if (!memberIds.has(other)) affiliates.add(other);
        });
      }
      for (const c of controlled) this.roles.set(c.id, c.level === 0 ? 'ROOT' : 'DIRECT');
      for (const id of affiliates) if (!this.roles.has(id)) this.roles.set(id, 'AFFILIATE');
      this.systems.set(rootId, {
        rootId,
        members: controlled.map((c) => ({
          enterprise: this.record(this.enterprise(c.id) as Enterprise),
          effectiveShare: c.effectiveShare,
          level: c.level,
        })),
        affiliateIds: [...affiliates].sort(),
      });
    }
    // Members' records were taken before every role was known; take them again.
    for (const system of this.systems.values()) {
      for (const m of system.members) m.enterprise = this.record(m.enterprise);
    }
  }
}
