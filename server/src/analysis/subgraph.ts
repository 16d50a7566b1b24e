import { compareIds } from '../domain/compare';
import type { Makes, Segment, Supplies } from '../domain/model';
import type { ChainSubgraph, EnterpriseRecord } from '../domain/records';

/** Look-ups over a chain subgraph, built once per analysis. */
export class ChainIndexView {
  readonly enterprise = new Map<string, EnterpriseRecord>();
  readonly segmentsOf = new Map<string, string[]>();
  readonly membersOf = new Map<string, string[]>();
  readonly segment = new Map<string, Segment>();
  /** Local enterprises working in the chain. */
  readonly localMembers = new Set<string>();
  readonly anchors: Set<string>;
  /** Supply links into each enterprise. */
  readonly suppliesInto = new Map<string, Supplies[]>();
  /** What each enterprise makes. */
  readonly makesOf = new Map<string, Makes[]>();
  /** Each segment's sub-segments (子环节), in order. */
  readonly childrenOf = new Map<string, string[]>();
  private from: Map<string, Supplies[]> | undefined;
  private readonly memo = new Map<string, unknown>();
  private readonly local = new Set<string>();

  /** The subgraph it was made from, in canonical order (see `canonical`). */
  readonly graph: ChainSubgraph;

  constructor(subgraph: ChainSubgraph) {
    const graph = canonical(subgraph);
    this.graph = graph;
    for (const e of graph.enterprises) {
      this.enterprise.set(e.id, e);
      if (e.local) this.local.add(e.id);
    }
    for (const s of graph.chain.segments) {
      this.segment.set(s.id, s);
      this.membersOf.set(s.id, []);
    }
    for (const m of graph.memberships) {
      if (!this.segment.has(m.segmentId)) continue;
      push(this.segmentsOf, m.enterpriseId, m.segmentId);
      push(this.membersOf, m.segmentId, m.enterpriseId);
      if (this.enterprise.get(m.enterpriseId)?.local) this.localMembers.add(m.enterpriseId);
    }
    this.anchors = new Set(graph.chain.anchorIds);
    for (const s of graph.supplies) push(this.suppliesInto, s.to, s);
    for (const m of graph.makes ?? []) push(this.makesOf, m.enterpriseId, m);
    for (const s of graph.chain.segments)
      if (s.parentId !== undefined && this.segment.has(s.parentId)) push(this.childrenOf, s.parentId, s.id);
  }

  /**
   * What `make` gives, made once per view and kept under `key`: look-ups that one part of the
   * analysis builds for every segment it looks at (product profiles, firms by product, …).
   */
  kept<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** A segment with sub-segments: a group whose coverage and needs are its children's. */
  isGroup(segmentId: string): boolean {
    return this.childrenOf.has(segmentId);
  }

  /** Every segment below `segmentId`, at any depth. */
  descendants(segmentId: string): string[] {
    const out: string[] = [];
    for (const child of this.childrenOf.get(segmentId) ?? []) out.push(child, ...this.descendants(child));
    return out;
  }

  /** Supply links out of each enterprise (built on first use). */
  get suppliesFrom(): Map<string, Supplies[]> {
    if (!this.from) {
      this.from = new Map();
      for (const s of this.graph.supplies) push(this.from, s.from, s);
    }
    return this.from;
  }

  isLocal(id: string): boolean {
    return this.local.has(id);
  }

  localIn(segmentId: string): string[] {
    return (this.membersOf.get(segmentId) ?? []).filter((id) => this.isLocal(id));
  }

  outsideIn(segmentId: string): string[] {
    return (this.membersOf.get(segmentId) ?? []).filter((id) => !this.isLocal(id));
  }
}

/**
 * The subgraph with its lists in one order, whatever order the store gave them in: enterprises by
 * id, memberships by enterprise then segment, supply links by supplier, customer and product. The
 * analysis walks these lists and keeps the first of equals (evidence, bridges, ties), so without
 * this the embedded store and Neo4j, which list them differently, would give different answers.
 */
export function canonical(graph: ChainSubgraph): ChainSubgraph {
  return {
    ...graph,
    enterprises: [...graph.enterprises].sort((a, b) => compareIds(a.id, b.id)),
    memberships: [...graph.memberships].sort(
      (a, b) => compareIds(a.enterpriseId, b.enterpriseId) || compareIds(a.segmentId, b.segmentId),
    ),
    supplies: [...graph.supplies].sort(
      (a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to) || compareIds(a.product, b.product),
    ),
    ...(graph.makes
      ? {
          makes: [...graph.makes].sort(
            (a, b) => compareIds(a.enterpriseId, b.enterpriseId) || compareIds(a.product, b.product),
          ),
        }
      : {}),
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
