import { join } from 'node:path';
import type { Dataset, EnterpriseRelationKind } from '../../domain/model';
import type { EnterpriseGraph } from '../graph/enterprise-graph';
import { MemoryGraph } from '../graph/memory-graph';
import { GraphReads } from '../graph/reads';
import {
  type ApplyCounts,
  type EnterpriseQuery,
  emptyDataset,
  type GraphStore,
  type ImportView,
  type NeighbourhoodOptions,
  type PathOptions,
  type RelationKey,
  type Removal,
} from '../port';
import type { SnapshotLog } from '../snapshots';
import { checkCapacity } from './capacity';
import { DataDir, type Manifest, type SegmentInfo } from './data-dir';
import { EmbeddedLeads } from './lead-file';
import { Loader } from './loader';
import { SnapshotFile } from './snapshot-file';

export { MAP_LIMIT } from './capacity';

/**
 * When to compact: once the segments after the first are at least `minSegments`, or a
 * `perRows`-th of the first one's rows, whichever is more (a compaction rewrites the first, so a
 * big graph waits for more edits). `false`: never in the background (compact() still does).
 */
export type CompactionPolicy = { minSegments: number; perRows: number } | false;

export const DEFAULT_COMPACTION: CompactionPolicy = { minSegments: 16, perRows: 5000 };

/**
 * The embedded store: an in-memory graph (MemoryGraph, read through GraphReads, as the memory
 * store holds them) kept in a data directory (DataDir). A Loader loads every committed segment
 * when it opens and picks up segments another process (the importer) committed since; each
 * import is written as a new segment before the graph applies it.
 *
 * Each commit is a segment, so a curator's edits add up to many small ones: after a commit the
 * store compacts the segments in the background once there are enough of them
 * (CompactionPolicy), so that restart reads one segment and a few, not thousands.
 */
export class EmbeddedStore implements GraphStore {
  /** The graph and its writes. */
  readonly memory = new MemoryGraph();
  private readonly reads = new GraphReads(this.memory);
  private readonly dir: DataDir;
  private readonly loader: Loader;
  readonly snapshots: SnapshotLog;
  readonly leads: EmbeddedLeads;
  private compacting: Promise<void> | undefined;
  /** The tail of this store's writes (commits, removals, installing a compaction), one at a time. */
  private writes: Promise<unknown> = Promise.resolve();
  private stopWatching: () => void = () => {};
  private closing = false;

  private constructor(
    path: string,
    private readonly compaction: CompactionPolicy,
    private readonly onCompactionError: (e: Error) => void,
  ) {
    this.dir = new DataDir(path);
    this.loader = new Loader(this.memory, this.dir);
    this.snapshots = new SnapshotFile(join(path, 'snapshots.jsonl'));
    this.leads = new EmbeddedLeads(path);
  }

  get path(): string {
    return this.dir.path;
  }

  /** Opens the store in `path`, loading what is committed there (nothing, for a new directory). */
  static async open(
    path: string,
    options: { compaction?: CompactionPolicy; onCompactionError?: (e: Error) => void } = {},
  ): Promise<EmbeddedStore> {
    const store = new EmbeddedStore(
      path,
      options.compaction ?? DEFAULT_COMPACTION,
      options.onCompactionError ?? ((e) => console.error('compacting the data directory failed:', e)),
    );
    store.loader.opening = true;
    try {
      await store.refresh();
    } finally {
      store.loader.opening = false;
    }
    return store;
  }

  /** True when nothing was ever committed here. */
  get empty(): boolean {
    return this.loader.empty;
  }

  /** The enterprises and the relationships between them. */
  get graph(): EnterpriseGraph {
    return this.memory.graph;
  }

  /** The chain side: chains, segments, leaders, anchors, memberships, what enterprises make. */
  get chainIndex(): MemoryGraph['chainIndex'] {
    return this.memory.chainIndex;
  }

  /**
   * Writes the rows that change something durably, as a new segment, then applies them; writes
   * nothing when nothing changes. Returns what it added, updated and left as it was.
   */
  commit(data: Dataset, note: string, check?: (view: ImportView) => void): Promise<ApplyCounts> {
    return this.underLock(async () => {
      // the first segment holds the whole graph: its systems are kept with it, for the next open
      const first = this.loader.empty && this.memory.size().enterprises === 0;
      let manifest: Manifest | undefined;
      // under the lock, on the graph as it is: nobody writes between the check and the write
      const { counts, applied } = await this.memory.change(data, check, async (changes) => {
        checkCapacity(this.dir.path, this.memory.size(), changes);
        manifest = await this.dir.append(changes, note);
      });
      if (manifest && applied) {
        this.loader.committed(manifest);
        if (first && manifest.segments.length === 1) this.keepSystems(manifest, applied);
      }
      return counts;
    });
  }

  /**
   * Takes the relationships that are there out, durably, as a new segment of removals; writes
   * nothing when none is there. Returns those it took out.
   */
  remove(removals: readonly Removal[], note: string): Promise<Removal[]> {
    return this.underLock(async () => {
      let manifest: Manifest | undefined;
      const present = await this.memory.takeOut(removals, async (present) => {
        manifest = await this.dir.append(emptyDataset(), note, present);
      });
      if (manifest) this.loader.committed(manifest);
      return present;
    });
  }

  /**
   * Runs a write one at a time in this store, under the directory's lock, on the graph brought
   * up to what another process may have committed since; then compacts when due.
   */
  private underLock<T>(write: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const release = this.dir.lock();
      try {
        await this.refresh();
        return await write();
      } finally {
        release();
        this.compactWhenDue();
      }
    });
  }

  /**
   * Keeps the systems derived for the graph of the manifest's only segment with it. Best effort:
   * the commit is done; without them the next open derives them.
   */
  private keepSystems(manifest: Manifest, changes: Dataset): void {
    try {
      this.dir.addSystems((manifest.segments[0] as SegmentInfo).name, changes.enterprises, this.memory.systems);
    } catch (e) {
      this.onCompactionError(e as Error);
    }
  }

  /** Runs this store's writes one at a time (a commit holds the directory's lock across awaits). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Starts a compaction in the background when the policy says the segments are due for one. */
  private compactWhenDue(): void {
    const manifest = this.loader.lastManifest;
    if (this.compacting || this.closing || !this.compaction || !manifest) return;
    const [first, ...rest] = manifest.segments;
    if (!first) return;
    const rows = Object.values(first.rows).reduce((a, b) => a + (b ?? 0), 0);
    if (rest.length >= Math.max(this.compaction.minSegments, rows / this.compaction.perRows))
      void this.compact().catch(this.onCompactionError);
  }

  /**
   * Folds the segments this store has applied into one, crash-safely: the new segment is
   * written and synced first, then renamed into place and named by a new manifest committed
   * under the lock, and only then are the old segments deleted. A crash at any moment leaves
   * the old segments or the new one, each whole. Returns how many segments were folded (0 when
   * there was nothing to do, or the lock was held: it is tried again after the next commit).
   * One compaction at a time; a caller that finds one under way waits for it.
   */
  async compact(): Promise<number> {
    while (this.compacting) await this.compacting.catch(() => undefined);
    let folded = 0;
    const run = (async () => {
      // the systems of the graph as applied so far: the fold's, when it reaches that far
      const prepared = await this.dir.prepareCompaction(
        this.loader.appliedThrough,
        () => this.closing,
        this.memory.systems,
      );
      if (!prepared) return;
      // after this store's writes under way; another process holding the lock: next time
      const installed = await this.exclusive(async () => {
        let release: () => void;
        try {
          release = this.dir.lock();
        } catch {
          this.dir.discard(prepared);
          return undefined;
        }
        try {
          return this.dir.installCompaction(prepared);
        } finally {
          release();
        }
      });
      if (!installed) return;
      if (this.loader.manifestId === undefined) this.loader.manifestId = installed.manifest.id;
      this.loader.lastManifest = installed.manifest;
      this.dir.dropSegments(installed.dropped);
      folded = installed.dropped.length;
    })();
    this.compacting = run;
    try {
      await run;
    } finally {
      this.compacting = undefined;
    }
    return folded;
  }

  /** Applies the segments committed since this store last looked; returns whether anything changed. */
  refresh(): Promise<boolean> {
    return this.loader.refresh();
  }

  /** Polls for segments committed by other processes every `ms`; returns a function that stops it. */
  watch(ms = 1000, onError: (e: Error) => void = console.error): () => void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      this.refresh()
        .catch(onError)
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    this.compactWhenDue(); // a directory left with many segments (by an older version) is compacted now
    this.stopWatching = () => clearInterval(timer);
    return this.stopWatching;
  }

  /** Resolves once no compaction is under way. */
  async settled(): Promise<void> {
    while (this.compacting) await this.compacting.catch(() => undefined);
  }

  /**
   * Stops watching for imports and stops a compaction under way (it leaves nothing behind; the
   * next one starts again); every write was on disk before it was acknowledged.
   */
  async close(): Promise<void> {
    this.stopWatching();
    this.closing = true;
    await this.settled();
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

export type { Manifest };
