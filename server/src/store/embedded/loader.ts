import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../domain/model';
import { KINDS } from '../../interchange/format';
import type { Entry } from '../graph/enterprise-graph';
import { ALL_NEW, type MemoryGraph, type NewRows } from '../graph/memory-graph';
import { type Removal, rowCount } from '../port';
import { checkManifestCapacity } from './capacity';
import { coverage, type DataDir, type Manifest, type SegmentInfo, SegmentMissing } from './data-dir';
import { Fold } from './fold';

/** Segments of at least this many rows are applied on their own; runs of smaller ones are folded first. */
const FOLD_BELOW = 50_000;

/**
 * Brings a MemoryGraph up to a data directory: applies the segments committed since it last
 * looked, and remembers how far it got (the embedded store's reading side; its writes tell it
 * what they committed).
 *
 * Each commit is a segment, so a curator's edits add up to many small ones. A run of small
 * segments is folded (Fold) and applied in one step: applying a segment costs a pass over the
 * whole graph (derived systems).
 */
export class Loader {
  /** The number of the last segment applied (every segment up to it is in the graph); 0 for none. */
  appliedThrough = 0;
  /** The id of the manifest applied from (a directory replaced under a running store has another). */
  manifestId: string | undefined;
  private manifestStamp = 0;
  /** The manifest as last read or written, for the compaction policy. */
  lastManifest: Manifest | undefined;
  private refreshing: Promise<boolean> | undefined;
  /** In the store's open(): nobody can read the graph yet, so a big segment may be applied as it is read. */
  opening = false;

  constructor(
    private readonly memory: MemoryGraph,
    private readonly dir: DataDir,
  ) {}

  /** True when nothing was ever committed here. */
  get empty(): boolean {
    return this.appliedThrough === 0;
  }

  /** After the store committed `manifest` under the lock (so it had applied everything before). */
  committed(manifest: Manifest): void {
    this.appliedThrough = coverage(manifest.segments.at(-1) as SegmentInfo);
    this.manifestId = manifest.id;
    this.manifestStamp = this.stamp();
    this.lastManifest = manifest;
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
    // applied in one step.
    const memory = this.memory;
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
      if (this.opening && !run && memory.size().enterprises === 0 && rowsOf(segment) >= FOLD_BELOW) {
        await this.streamInto(segment, tombstonesMatter, segment === fresh.at(-1));
        continue;
      }
      const { data, removals } = await this.dir.readWhole(segment.name, tombstonesMatter);
      const rows = rowCount(data) + removals.length;
      if (rows >= FOLD_BELOW) {
        flush();
        // Into an empty graph every relationship of one segment is new (the importer refuses
        // duplicate keys, a compaction folds them; a commit applied them as new too): no look-up.
        const added = memory.size().enterprises === 0 ? ALL_NEW : undefined;
        if (segment.through) this.applyFolded(data, removals, added);
        else {
          if (KINDS.some((k) => data[k].length > 0)) memory.apply(data, added);
          if (removals.length > 0) memory.applyRemovals(removals);
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
    this.memory.bulk();
    const read = await this.dir.readBatches(
      segment.name,
      (kind, rows) => this.memory.put(kind, rows, ALL_NEW, nodes),
      removals,
    );
    // a compacted segment's tombstones are left out (removals is false) into an empty graph
    const tombstones = segment.through ? [] : read.removals;
    // the systems kept with it are this graph's when nothing is applied after it
    const kept = last && tombstones.length === 0 ? read.systems : undefined;
    this.memory.derive(kept && { systems: kept, enterprises: nodes.length, node: (place) => nodes[place] as Entry });
    if (tombstones.length > 0) this.memory.applyRemovals(tombstones);
    this.appliedThrough = coverage(segment);
  }

  /** Applies a fold: its removals (tombstones), then its rows. */
  private applyFolded(data: Dataset, removals: readonly Removal[], added?: NewRows): void {
    if (removals.length > 0 && !this.empty) this.memory.applyRemovals(removals);
    if (KINDS.some((k) => data[k].length > 0)) this.memory.apply(data, added);
  }

  private stamp(): number {
    try {
      const s = statSync(join(this.dir.path, 'MANIFEST'));
      return s.mtimeMs * 1e3 + s.size + s.ino;
    } catch {
      return 0;
    }
  }
}

/** How many rows and removals the manifest says a segment holds. */
function rowsOf(segment: SegmentInfo): number {
  return Object.values(segment.rows).reduce((a: number, b) => a + (typeof b === 'number' ? b : 0), 0);
}
