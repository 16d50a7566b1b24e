import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../domain/model';
import type { ImportView } from '../../import/check';
import { KINDS } from '../../import/interchange';
import { type ApplyCounts, MemoryStore } from '../memory/memory-store';
import { emptyDataset, type Removal } from '../port';
import { DataDir, type Manifest } from './data-dir';

/** V8's Map (which graphology keeps nodes and edges in) holds at most 2^24 entries. */
export const MAP_LIMIT = 2 ** 24;

/**
 * The embedded store: the in-memory graph of MemoryStore, kept in a data directory. It loads
 * every committed segment when it opens, writes each import as a new segment before applying
 * it, and picks up segments another process (the importer) committed since.
 */
export class EmbeddedStore extends MemoryStore {
  private readonly dir: DataDir;
  private applied: string[] = [];
  private manifestStamp = 0;
  private refreshing: Promise<boolean> | undefined;
  private stopWatching: () => void = () => {};

  private constructor(path: string) {
    super();
    this.dir = new DataDir(path);
  }

  get path(): string {
    return this.dir.path;
  }

  /** Opens the store in `path`, loading what is committed there (nothing, for a new directory). */
  static async open(path: string): Promise<EmbeddedStore> {
    const store = new EmbeddedStore(path);
    await store.refresh();
    return store;
  }

  /** True when nothing was ever committed here. */
  get empty(): boolean {
    return this.applied.length === 0;
  }

  /**
   * Writes the rows that change something durably, as a new segment, then applies them; writes
   * nothing when nothing changes. Returns what it added, updated and left as it was.
   */
  override async commit(data: Dataset, note: string, check?: (view: ImportView) => void): Promise<ApplyCounts> {
    const release = this.dir.lock();
    try {
      await this.refresh(); // another process may have committed since this one loaded
      check?.(this.view()); // under the lock, on the graph as it is: nobody writes between check and write
      const { counts, changes, added } = this.plan(data);
      if (KINDS.every((k) => changes[k].length === 0)) return counts;
      checkCapacity(this.dir.path, this.size(), changes);
      const manifest = await this.dir.append(changes, note);
      this.apply(changes, added);
      this.applied = manifest.segments.map((s) => s.name);
      this.manifestStamp = this.stamp();
      return counts;
    } finally {
      release();
    }
  }

  /**
   * Takes the relationships that are there out, durably, as a new segment of removals; writes
   * nothing when none is there. Returns those it took out.
   */
  override async remove(removals: readonly Removal[], note: string): Promise<Removal[]> {
    const release = this.dir.lock();
    try {
      await this.refresh();
      const present = this.present(removals);
      if (present.length === 0) return [];
      const manifest = await this.dir.append(emptyDataset(), note, present);
      this.applyRemovals(present);
      this.applied = manifest.segments.map((s) => s.name);
      this.manifestStamp = this.stamp();
      return present;
    } finally {
      release();
    }
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
    const stamp = this.stamp();
    if (stamp === this.manifestStamp) return false;
    const manifest = this.dir.readManifest();
    if (!manifest) {
      this.manifestStamp = stamp;
      return false;
    }
    const known = this.applied;
    if (known.some((name, i) => manifest.segments[i]?.name !== name)) {
      throw new Error(`The data directory ${this.dir.path} was rewritten under a running store; restart the server.`);
    }
    const fresh = manifest.segments.slice(known.length);
    if (fresh.length === 0) {
      this.manifestStamp = stamp;
      return false;
    }
    checkManifestCapacity(this.dir.path, manifest);
    for (const segment of fresh) {
      const data = emptyDataset();
      for await (const { kind, rows } of this.dir.readSegment(segment.name)) {
        (data as unknown as Record<string, unknown[]>)[kind] = rows;
      }
      const removals = await this.dir.readRemovals(segment.name);
      if (KINDS.some((k) => data[k].length > 0)) this.apply(data);
      if (removals.length > 0) this.applyRemovals(removals);
      this.applied = [...this.applied, segment.name];
    }
    // only now: a refresh that failed half-way is tried again, from the segment it stopped at
    this.manifestStamp = stamp;
    return true;
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

  /** Stops watching for imports; every write was on disk before it was acknowledged. */
  override async close(): Promise<void> {
    this.stopWatching();
  }
}

export type { Manifest };

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
