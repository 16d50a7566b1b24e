import type { Dataset, EnterpriseRelationKind } from '../../domain/model';
import type { EnterpriseGraph } from '../graph/enterprise-graph';
import { MemoryGraph } from '../graph/memory-graph';
import { GraphReads } from '../graph/reads';
import type {
  ApplyCounts,
  EnterpriseQuery,
  GraphStore,
  ImportView,
  NeighbourhoodOptions,
  PathOptions,
  RelationKey,
  Removal,
} from '../port';
import type { SnapshotLog } from '../snapshots';
import { MemoryLeads } from './memory-leads';
import { MemorySnapshotLog } from './snapshot-log';

/**
 * The store in process memory only: a MemoryGraph, which it holds, read through GraphReads and
 * written by the graph's own change() and takeOut() with nothing kept on disk (the embedded
 * store holds the same two parts and keeps every change in a data directory first).
 */
export class MemoryStore implements GraphStore {
  /** The graph and its writes. */
  readonly memory: MemoryGraph;
  private readonly reads: GraphReads;
  readonly snapshots: SnapshotLog = new MemorySnapshotLog();
  readonly leads: MemoryLeads = new MemoryLeads();

  constructor(data?: Dataset) {
    this.memory = new MemoryGraph(data);
    this.reads = new GraphReads(this.memory);
  }

  /** The enterprises and the relationships between them. */
  get graph(): EnterpriseGraph {
    return this.memory.graph;
  }

  /** The chain side: chains, segments, leaders, anchors, memberships, what enterprises make. */
  get chainIndex(): MemoryGraph['chainIndex'] {
    return this.memory.chainIndex;
  }

  /** Applies the rows that change something, in memory only. */
  async commit(data: Dataset, _note: string, check?: (view: ImportView) => void): Promise<ApplyCounts> {
    return (await this.memory.change(data, check)).counts;
  }

  /** Takes out the relationships that are there, in memory only; returns them. */
  remove(removals: readonly Removal[], _note: string): Promise<Removal[]> {
    return this.memory.takeOut(removals);
  }

  view(): ImportView {
    return this.memory.view();
  }

  plan(data: Dataset): { counts: ApplyCounts } {
    return this.memory.plan(data);
  }

  /** How many enterprises and relationships between them the store holds. */
  size(): { enterprises: number; relationships: number } {
    return this.memory.size();
  }

  /** Drops the kept chain subgraphs (the benchmarks time a cold build with it). */
  forgetChainSubgraphs(): void {
    this.memory.forgetDerived();
  }

  async close(): Promise<void> {}

  // the reads, answered by GraphReads

  getEnterprise(id: string) {
    return this.reads.getEnterprise(id);
  }
  getEnterprises(ids: readonly string[]) {
    return this.reads.getEnterprises(ids);
  }
  search(query: EnterpriseQuery) {
    return this.reads.search(query);
  }
  neighbourhood(id: string, options: NeighbourhoodOptions) {
    return this.reads.neighbourhood(id, options);
  }
  shortestPaths(from: string, to: string, options: PathOptions) {
    return this.reads.shortestPaths(from, to, options);
  }
  relationsOf(ids: readonly string[], direction: 'in' | 'out', kind: EnterpriseRelationKind) {
    return this.reads.relationsOf(ids, direction, kind);
  }
  relations(keys: readonly RelationKey[]) {
    return this.reads.relations(keys);
  }
  chains() {
    return this.reads.chains();
  }
  chainsById(ids: readonly string[]) {
    return this.reads.chainsById(ids);
  }
  segmentsById(ids: readonly string[]) {
    return this.reads.segmentsById(ids);
  }
  segmentsOf(enterpriseIds: readonly string[]) {
    return this.reads.segmentsOf(enterpriseIds);
  }
  anchoredBy(enterpriseIds: readonly string[]) {
    return this.reads.anchoredBy(enterpriseIds);
  }
  chainMembers(chainIds: readonly string[]) {
    return this.reads.chainMembers(chainIds);
  }
  chainSubgraph(chainId: string) {
    return this.reads.chainSubgraph(chainId);
  }
  ownersOf(enterpriseIds: readonly string[]) {
    return this.reads.ownersOf(enterpriseIds);
  }
  systemRoots() {
    return this.reads.systemRoots();
  }
  systems(rootIds: readonly string[]) {
    return this.reads.systems(rootIds);
  }
}
