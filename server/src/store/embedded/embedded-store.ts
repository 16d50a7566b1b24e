import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../domain/model';
import { KINDS } from '../../interchange/format';
import type { Entry } from '../memory/enterprise-graph';
import { ALL_NEW, type NewRows } from '../memory/memory-graph';
import { MemoryStore } from '../memory/memory-store';
import { type ApplyCounts, emptyDataset, type ImportView, type Removal, rowCount } from '../port';
import type { SnapshotLog } from '../snapshots';
import { coverage, DataDir, type Manifest, type SegmentInfo, SegmentMissing } from './data-dir';
import { Fold } from './fold';
import { EmbeddedLeads } from './lead-file';
import { SnapshotFile } from './snapshot-file';

/**
 * V8's Map holds at most 2^24 entries: the graph keeps its enterprises in one, and a compaction
 * (Fold) keeps the relationships by key in one.
 */
export const MAP_LIMIT = 2 ** 24;

/**
 * When to compact: once the segments after the first are at least `minSegments`, or a
 * `perRows`-th of the first one's rows, whichever is more (a compaction rewrites the first, so a
 * big graph waits for more edits). `false`: never in the background (compact() still does).
 */
export type CompactionPolicy = { minSegments: number; perRows: number } | false;

export const DEFAULT_COMPACTION: CompactionPolicy = { minSegments: 16, perRows: 5000 };

/** Segments of at least this many rows are applied on their own; runs of smaller ones are folded first. */
const FOLD_BELOW = 50_000;

/**
 * The embedded store: the in-memory graph of MemoryStore, kept in a data directory. It loads
 * every committed segment when it opens, writes each import as a new segment before applying
 * it, and picks up segments another process (the importer) committed since.
 *
 * Each commit is a segment, so a curator's edits add up to many small ones. A run of small
 * segments is folded (Fold) and applied in one step, and after a commit the store compacts the
 * segments in the background once there are enough of them (CompactionPolicy): restart then reads
 * one segment and a few, not thousands.
 */
export class EmbeddedStore extends MemoryStore {
  private readonly dir: DataDir;
  override readonly snapshots: SnapshotLog;
  override readonly leads: EmbeddedLeads;
  /** The number of the last segment applied (every segment up to it is in the graph); 0 for none. */
  private appliedThrough = 0;
  /** The id of the manifest applied from (a directory replaced under a running store has another). */
  private manifestId: string | undefined;
  private manifestStamp = 0;
  /** The manifest as last read or written, for the compaction policy. */
  private lastManifest: Manifest | undefined;
  private refreshing: Promise<boolean> | undefined;
  private compacting: Promise<void> | undefined;
  /** The tail of this store's writes (commits, removals, installing a compaction), one at a time. */
  private writes: Promise<unknown> = Promise.resolve();
  private stopWatching: () => void = () => {};
  private closing = false;
  /** In open(): nobody can read the graph yet, so a big segment may be applied as it is read. */
  private opening = false;

  private constructor(
    path: string,
    private readonly compaction: CompactionPolicy,
    private readonly onCompactionError: (e: Error) => void,
  ) {
    super();
    this.dir = new DataDir(path);
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
    store.opening = true;
    try {
      await store.refresh();
    } finally {
      store.opening = false;
    }
    return store;
  }

  /** True when nothing was ever committed here. */
  get empty(): boolean {
    return this.appliedThrough === 0;
  }

  /**
   * Writes the rows that change something durably, as a new segment, then applies them; writes
   * nothing when nothing changes. Returns what it added, updated and left as it was.
   */
  override commit(data: Dataset, note: string, check?: (view: ImportView) => void): Promise<ApplyCounts> {
    return this.exclusive(() => this.commitNow(data, note, check));
  }

  private async commitNow(data: Dataset, note: string, check?: (view: ImportView) => void): Promise<ApplyCounts> {
    const release = this.dir.lock();
    try {
      await this.refresh(); // another process may have committed since this one loaded
      check?.(this.view()); // under the lock, on the graph as it is: nobody writes between check and write
      const { counts, changes, added } = this.plan(data);
      if (KINDS.every((k) => changes[k].length === 0)) return counts;
      checkCapacity(this.dir.path, this.size(), changes);
      const first = this.appliedThrough === 0 && this.size().enterprises === 0;
      const manifest = await this.dir.append(changes, note);
      this.apply(changes, added);
      this.committed(manifest);
      // the first segment holds the whole graph: its systems are kept with it, for the next open
      if (first && manifest.segments.length === 1) this.keepSystems(manifest, changes);
      return counts;
    } finally {
      release();
      this.compactWhenDue();
    }
  }

  /**
   * Takes the relationships that are there out, durably, as a new segment of removals; writes
   * nothing when none is there. Returns those it took out.
   */
  override remove(removals: readonly Removal[], note: string): Promise<Removal[]> {
    return this.exclusive(() => this.removeNow(removals, note));
  }

  private async removeNow(removals: readonly Removal[], note: string): Promise<Removal[]> {
    const release = this.dir.lock();
    try {
      await this.refresh();
      const present = this.present(removals);
      if (present.length === 0) return [];
      const manifest = await this.dir.append(emptyDataset(), note, present);
      this.applyRemovals(present);
      this.committed(manifest);
      return present;
    } finally {
      release();
      this.compactWhenDue();
    }
  }

  /**
   * Keeps the systems derived for the graph of the manifest's only segment with it. Best effort:
   * the commit is done; without them the next open derives them.
   */
  private keepSystems(manifest: Manifest, changes: Dataset): void {
    try {
      this.dir.addSystems((manifest.segments[0] as SegmentInfo).name, changes.enterprises, this.systemsByRoot);
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

  /** After this store committed `manifest` under the lock (so it had applied everything before). */
  private committed(manifest: Manifest): void {
    this.appliedThrough = coverage(manifest.segments.at(-1) as SegmentInfo);
    this.manifestId = manifest.id;
    this.manifestStamp = this.stamp();
    this.lastManifest = manifest;
  }

  /** Starts a compaction in the background when the policy says the segments are due for one. */
  private compactWhenDue(): void {
    if (this.compacting || this.closing || !this.compaction || !this.lastManifest) return;
    const [first, ...rest] = this.lastManifest.segments;
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
      const prepared = await this.dir.prepareCompaction(this.appliedThrough, () => this.closing, this.systemsByRoot);
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
      if (this.manifestId === undefined) this.manifestId = installed.manifest.id;
      this.lastManifest = installed.manifest;
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

  /**
   * Applies the segments committed since this store last looked. Returns whether anything
   * changed. Each segment is read whole and then applied in one step, so a reader never sees
   * half of one. One refresh at a time: a caller that finds one under way waits for it, then
   * looks again (the watch timer and a commit may ask at the same moment).
   */
  async refresh(): Promise<boolean> {
    while (this.refreshing) await this.refreshing.catch(() => undefined);
    this.refreshing = this.refreshOnce();
    try {
      return await this.refreshing;
    } finally {
      this.refreshing = undefined;
    }
  }

  private async refreshOnce(): Promise<boolean> {
    // a segment may be compacted away between reading the manifest and reading it: read again
    for (let attempt = 1; ; attempt++) {
      const stamp = this.stamp();
      try {
        return await this.refreshFrom(stamp);
      } catch (e) {
        if (!(e instanceof SegmentMissing) || attempt === 3 || this.stamp() === stamp) throw e;
      }
    }
  }

  private async refreshFrom(stamp: number): Promise<boolean> {
    if (stamp === this.manifestStamp) return false;
    const manifest = this.dir.readManifest();
    if (!manifest) {
      this.manifestStamp = stamp;
      return false;
    }
    if (this.manifestId !== undefined && manifest.id !== this.manifestId) {
      throw new Error(`The data directory ${this.dir.path} was rewritten under a running store; restart the server.`);
    }
    const fresh = manifest.segments.filter((s) => coverage(s) > this.appliedThrough);
    if (fresh.length === 0) {
      this.manifestId = manifest.id;
      this.manifestStamp = stamp;
      this.lastManifest = manifest;
      return false;
    }
    checkManifestCapacity(this.dir.path, manifest);
    // Big segments are applied one by one; a run of small ones (a curator's edits) is folded and
    // applied in one step: applying a segment costs a pass over the whole graph (derived systems).
    let run: { fold: Fold; through: number } | undefined;
    const flush = () => {
      if (!run) return;
      const { data, removals } = run.fold.result();
      this.applyFolded(data, removals);
      this.appliedThrough = run.through;
      run = undefined;
    };
    for (const segment of fresh) {
      // a compacted segment's tombstones matter only to a graph that held something before it
      const tombstonesMatter = !(segment.through && this.empty && !run);
      if (this.opening && !run && this.size().enterprises === 0 && rowsOf(segment) >= FOLD_BELOW) {
        await this.streamInto(segment, tombstonesMatter, segment === fresh.at(-1));
        continue;
      }
      const { data, removals } = await this.dir.readWhole(segment.name, tombstonesMatter);
      const rows = rowCount(data) + removals.length;
      if (rows >= FOLD_BELOW) {
        flush();
        // Into an empty graph every relationship of one segment is new (the importer refuses
        // duplicate keys, a compaction folds them; a commit applied them as new too): no look-up.
        const added = this.size().enterprises === 0 ? ALL_NEW : undefined;
        if (segment.through) this.applyFolded(data, removals, added);
        else {
          if (KINDS.some((k) => data[k].length > 0)) this.apply(data, added);
          if (removals.length > 0) this.applyRemovals(removals);
        }
        this.appliedThrough = coverage(segment);
      } else {
        run ??= { fold: new Fold(), through: 0 };
        if (segment.through) run.fold.addFolded(data, removals);
        else run.fold.addSegment(data, removals);
        run.through = coverage(segment);
      }
    }
    flush();
    // only now: a refresh that failed half-way is tried again, from the segment it stopped at
    this.manifestId = manifest.id;
    this.manifestStamp = stamp;
    this.lastManifest = manifest;
    return true;
  }

  /**
   * Applies a big segment to the empty graph of a store being opened a batch at a time, as it is
   * read: every row is new (see refreshFrom), and the parsed strings the graph replaces by its
   * own (ends, interned values) die young instead of being kept until the whole segment is in.
   * Systems are derived once, at the end. A damaged file stops the open, so nobody sees the half.
   */
  private async streamInto(segment: SegmentInfo, removals: boolean, last: boolean): Promise<void> {
    // the segment's enterprises in order: its relationships may name their ends by place in it
    const nodes: Entry[] = [];
    const read = await this.dir.readBatches(
      segment.name,
      (kind, rows) => this.put(kind, rows, ALL_NEW, nodes),
      removals,
    );
    // a compacted segment's tombstones are left out (removals is false) into an empty graph
    const tombstones = segment.through ? [] : read.removals;
    // the systems kept with it are this graph's when nothing is applied after it
    const kept = last && tombstones.length === 0 ? read.systems : undefined;
    this.derive(
      kept?.map((s) => ({
        root: (nodes[s.root] as Entry).record,
        members: s.members.map(([place, effectiveShare, level]) => ({
          enterprise: (nodes[place] as Entry).record,
          effectiveShare,
          level,
        })),
        affiliates: s.affiliates.map((place) => (nodes[place] as Entry).record),
      })),
    );
    if (tombstones.length > 0) this.applyRemovals(tombstones);
    this.appliedThrough = coverage(segment);
  }

  /** Applies a fold: its removals (tombstones), then its rows. */
  private applyFolded(data: Dataset, removals: readonly Removal[], added?: NewRows): void {
    if (removals.length > 0 && !this.empty) this.applyRemovals(removals);
    if (KINDS.some((k) => data[k].length > 0)) this.apply(data, added);
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

  private stamp(): number {
    try {
      const s = statSync(join(this.dir.path, 'MANIFEST'));
      return s.mtimeMs * 1e3 + s.size + s.ino;
    } catch {
      return 0;
    }
  }

  /** Resolves once no compaction is under way. */
  async settled(): Promise<void> {
    while (this.compacting) await this.compacting.catch(() => undefined);
  }

  /**
   * Stops watching for imports and stops a compaction under way (it leaves nothing behind; the
   * next one starts again); every write was on disk before it was acknowledged.
   */
  override async close(): Promise<void> {
    this.stopWatching();
    this.closing = true;
    await this.settled();
  }
}

export type { Manifest };

/** How many rows and removals the manifest says a segment holds. */
function rowsOf(segment: SegmentInfo): number {
  return Object.values(segment.rows).reduce((a: number, b) => a + (typeof b === 'number' ? b : 0), 0);
}

/** A clear error before loading, not a RangeError half-way, when the graph would not fit. */
function checkManifestCapacity(path: string, manifest: Manifest): void {
  let nodes = 0;
  let edges = 0;
  for (const s of manifest.segments) {
    nodes += s.rows.enterprises;
    edges += s.rows.controls + s.rows.supplies;
  }
  refuseOver(path, nodes, edges, 'holds up to');
}

function checkCapacity(path: string, size: { enterprises: number; relationships: number }, data: Dataset): void {
  const nodes = size.enterprises + data.enterprises.length;
  const edges = size.relationships + data.controls.length + data.supplies.length;
  refuseOver(path, nodes, edges, 'would hold up to');
}

function refuseOver(path: string, nodes: number, edges: number, verb: string): void {
  for (const [count, what] of [
    [nodes, 'enterprises'],
    [edges, 'relationships between enterprises'],
  ] as const) {
    if (count > MAP_LIMIT) {
      throw new Error(
        `The embedded store in ${path} ${verb} ${count.toLocaleString('en')} ${what}; it can hold at most ` +
          `${MAP_LIMIT.toLocaleString('en')} (the entry limit of a JavaScript Map). Use Neo4j for a graph this large (set NEO4J_URI).`,
      );
    }
  }
}
