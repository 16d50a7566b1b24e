import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../domain/model';
import { jsonlFile, KINDS, type Kind } from '../../interchange/format';
import { isAlive, syncDir, takeLock } from '../../platform/file-lock';
import { type EnterpriseSystem, emptyDataset, type Removal } from '../port';
import { Fold } from './fold';
import { parseJsonLines, readJsonLines, Stopped, writeDurably } from './json-lines';
import { type PlacedSystem, placesOf, readSystems, systemLines } from './kept-systems';
import {
  checkEnds,
  ENTERPRISE_FIELDS,
  failpoint,
  REMOVALS,
  type SegmentRows,
  SYSTEMS,
  writeSegment,
} from './segment-files';

export type { PlacedSystem };

/**
 * The embedded store's data directory: an append-only list of segments, each a folder of
 * JSON Lines files (the interchange format, validated rows only, and removals.jsonl naming the
 * relationships a curator took out), and a MANIFEST naming the segments that make up the graph,
 * in order. A segment's rows are applied before its removals.
 *
 * A write puts a whole segment in place under a temporary name, syncs it, renames it, then
 * replaces MANIFEST by writing a new one and renaming it over the old (an atomic step on
 * POSIX file systems). A crash at any moment leaves the old MANIFEST or the new one; a
 * segment no MANIFEST names is left over from a crash and is removed by the next writer.
 *
 * Segments are numbered in the order they were written. Compaction folds the segments at the
 * head of the list into one (see Fold), written the same way under a new number and recorded with
 * `through`, the number of the last segment it holds; then the MANIFEST naming it in their place
 * is committed, and only then are the old segments deleted. A reader that applied segments up to
 * number n skips every segment whose `through` (or number) is at most n.
 *
 * Three things make a big segment quick to open into an empty graph (B13). A row that names
 * one of the segment's own enterprises (a relationship's ends, a membership's, an anchor's or a
 * product's enterprise) names it by its place in the segment's enterprises file (a number: 0 for
 * the first row) instead of its id, so the graph finds it without looking its id up (readWhole
 * gives ids back; an enterprise elsewhere is an id, as before). A relationship's row says its
 * kind, so the row read back is kept as it is. And a segment that holds the whole graph (the
 * first one, committed into an empty directory, or a compaction) may keep the systems derived
 * for it (systems.jsonl, enterprises by place, with the version of the rules they were derived
 * by), which a store opening it with nothing after it reads instead of deriving them. Segments
 * written before any of these still open.
 */
export interface SegmentInfo {
  name: string;
  rows: SegmentRows;
  createdAt: string;
  /** What wrote it, e.g. "import enterprises.csv (3 files)". */
  note: string;
  /**
   * A compacted segment: the fold of every segment up to and including the one of this number.
   * Its removals (kept as tombstones) are applied before its rows.
   */
  through?: string;
}

export interface Manifest {
  /** 2 since compaction; a manifest of version 1 (no compacted segments, no id) is read as well. */
  version: 1 | 2;
  /** Chosen when the directory is first written; a running store that sees another was replaced. */
  id?: string;
  segments: SegmentInfo[];
}

/** The number of the last segment a manifest entry holds: its own, or the last it folds. */
export const coverage = (s: SegmentInfo): number => Number(s.through ?? s.name);

/** A compaction written, not yet committed: to install under the lock, or to discard. */
export interface PreparedCompaction {
  tmp: string;
  folded: SegmentInfo[];
  rows: SegmentInfo['rows'];
}

const MANIFEST = 'MANIFEST';
const SEGMENTS = 'segments';
/** The temporary folder of a compaction under way: `.compact-<pid>-<random>`. */
const COMPACTING = '.compact-';
const NAME = /^\d{6,}$/;

export class DataDir {
  constructor(readonly path: string) {}

  private get segmentsPath(): string {
    return join(this.path, SEGMENTS);
  }

  /** undefined for a data directory nothing was written to yet. */
  readManifest(): Manifest | undefined {
    const file = join(this.path, MANIFEST);
    if (!existsSync(file)) return undefined;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    } catch (e) {
      throw new Error(`The data directory is damaged: ${file} is not JSON (${(e as Error).message})`);
    }
    if ((manifest?.version !== 1 && manifest?.version !== 2) || !Array.isArray(manifest.segments)) {
      throw new Error(`${file} is not a Chain Atlas manifest of version 1 or 2`);
    }
    let last = 0;
    for (const [i, s] of manifest.segments.entries()) {
      const bad = (what: string) =>
        new Error(`The data directory is damaged: ${file}, segment ${i + 1} (${JSON.stringify(s?.name)}): ${what}`);
      if (typeof s?.name !== 'string' || !NAME.test(s.name)) throw bad('its name is not a segment number');
      if (s.through !== undefined && (typeof s.through !== 'string' || !NAME.test(s.through)))
        throw bad('its "through" is not a segment number');
      if (typeof s.rows !== 'object' || s.rows === null) throw bad('it has no row counts');
      if (coverage(s) <= last) throw bad('it is out of order (segments are listed oldest first)');
      last = coverage(s);
    }
    return manifest;
  }

  /** Takes the write lock of the directory; throws naming the holder when another process has it. */
  lock(): () => void {
    const taken = takeLock(join(this.path, 'LOCK'));
    if (typeof taken === 'number') {
      throw new Error(
        `The data directory ${this.path} is being written by process ${taken}; try again when it is done.`,
      );
    }
    return taken;
  }

  /**
   * Writes `data` as a new segment and commits a manifest with it appended. Call under lock().
   * Returns the new manifest.
   */
  async append(data: Dataset, note: string, removals: readonly Removal[] = []): Promise<Manifest> {
    const manifest = this.readManifest() ?? { version: 2, segments: [] };
    this.removeLeftovers(manifest);
    const name = this.nextName(manifest);
    const tmp = join(this.segmentsPath, `.tmp-${name}-${process.pid}`);
    const rows = await writeSegment(tmp, data, removals);
    failpoint('segment-written');
    renameSync(tmp, join(this.segmentsPath, name));
    syncDir(this.segmentsPath);
    failpoint('segment-renamed');
    const next: Manifest = {
      version: 2,
      id: manifest.id ?? randomUUID(),
      segments: [...manifest.segments, { name, rows, createdAt: new Date().toISOString(), note }],
    };
    this.commit(next);
    return next;
  }

  /**
   * Folds the segments at the head of the manifest, up to the one numbered `upTo` (those a store
   * has applied), into a new segment in a temporary folder, written and synced; nothing is
   * committed. Reads no lock: committed segments never change. With `systems`, those derived
   * for the graph through `upTo`, kept with the new segment. undefined when fewer than two
   * segments would be folded. The writing yields to the event loop every megabyte; when `stop`
   * says so (the store is closing), it gives up, leaves nothing behind and returns undefined.
   */
  async prepareCompaction(
    upTo = Number.POSITIVE_INFINITY,
    stop: () => boolean = () => false,
    systems?: ReadonlyMap<string, EnterpriseSystem>,
  ): Promise<PreparedCompaction | undefined> {
    const manifest = this.readManifest();
    if (!manifest) return undefined;
    const folded: SegmentInfo[] = [];
    for (const s of manifest.segments) {
      if (coverage(s) > upTo) break;
      folded.push(s);
    }
    if (folded.length < 2) return undefined;
    const fold = new Fold();
    for (const s of folded) {
      if (stop()) return undefined;
      const { data, removals } = await this.readWhole(s.name);
      if (s.through) fold.addFolded(data, removals);
      else fold.addSegment(data, removals);
    }
    const { data, removals } = fold.result();
    const tmp = join(this.segmentsPath, `${COMPACTING}${process.pid}-${randomUUID().slice(0, 8)}`);
    try {
      // the systems of the graph through `upTo` are those of the fold, when it goes that far
      const whole = coverage(folded.at(-1) as SegmentInfo) === upTo ? systems : undefined;
      const rows = await writeSegment(tmp, data, removals, stop, whole);
      failpoint('compaction-written');
      return { tmp, folded, rows };
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      if (e instanceof Stopped) return undefined;
      throw e;
    }
  }

  /**
   * Puts a prepared compaction in place of the segments it folds: renames its folder to a new
   * segment number, then commits the manifest naming it first. Call under lock(); then
   * dropSegments() with what it returns. Discards the compaction and returns undefined when the
   * manifest no longer starts with the segments it folds (another process compacted meanwhile).
   */
  installCompaction(prepared: PreparedCompaction): { manifest: Manifest; dropped: string[] } | undefined {
    const manifest = this.readManifest();
    const { tmp, folded, rows } = prepared;
    if (!manifest || folded.some((s, i) => manifest.segments[i]?.name !== s.name)) {
      this.discard(prepared);
      return undefined;
    }
    this.removeLeftovers(manifest);
    const name = this.nextName(manifest);
    renameSync(tmp, join(this.segmentsPath, name));
    syncDir(this.segmentsPath);
    failpoint('compaction-renamed');
    const first = folded[0] as SegmentInfo;
    const last = folded.at(-1) as SegmentInfo;
    const next: Manifest = {
      version: 2,
      id: manifest.id ?? randomUUID(),
      segments: [
        {
          name,
          rows,
          createdAt: new Date().toISOString(),
          note: `compaction of ${folded.length} segments, ${first.through ? `through ${first.through}` : first.name} to ${last.through ?? last.name}`,
          through: last.through ?? last.name,
        },
        ...manifest.segments.slice(folded.length),
      ],
    };
    this.commit(next, 'compaction-');
    return { manifest: next, dropped: folded.map((s) => s.name) };
  }

  /** Throws away a prepared compaction's folder. */
  discard(prepared: PreparedCompaction): void {
    rmSync(prepared.tmp, { recursive: true, force: true });
  }

  /** Deletes segments a committed compaction folded (what a crash leaves of them goes with the next write). */
  dropSegments(names: readonly string[]): void {
    for (const [i, name] of names.entries()) {
      rmSync(join(this.segmentsPath, name), { recursive: true, force: true });
      if (i === 0) failpoint('compaction-dropping');
    }
    if (names.length > 0) syncDir(this.segmentsPath);
  }

  private commit(manifest: Manifest, step = ''): void {
    const tmp = join(this.path, `${MANIFEST}.tmp`);
    writeDurably(tmp, `${JSON.stringify(manifest, null, 1)}\n`);
    failpoint(`${step}manifest-written`);
    renameSync(tmp, join(this.path, MANIFEST));
    syncDir(this.path);
    failpoint(`${step}manifest-renamed`);
  }

  private nextName(manifest: Manifest): string {
    const used = [
      ...manifest.segments.flatMap((s) => [s.name, s.through ?? '0']),
      ...this.listSegments().filter((n) => NAME.test(n)),
    ].map(Number);
    return String(Math.max(0, ...used) + 1).padStart(6, '0');
  }

  private listSegments(): string[] {
    return existsSync(this.segmentsPath) ? readdirSync(this.segmentsPath) : [];
  }

  /**
   * Segments and temporary folders that no manifest names: what a crash left. A compaction's
   * folder is left alone while the process writing it runs.
   */
  private removeLeftovers(manifest: Manifest): void {
    const named = new Set(manifest.segments.map((s) => s.name));
    for (const entry of this.listSegments()) {
      if (named.has(entry)) continue;
      if (entry.startsWith(COMPACTING) && isAlive(Number(entry.slice(COMPACTING.length).split('-')[0]))) continue;
      rmSync(join(this.segmentsPath, entry), { recursive: true, force: true });
    }
  }

  /**
   * A segment's rows and removals, read whole (without its removals when `removals` is false).
   * Throws naming the folder when it is missing.
   */
  async readWhole(name: string, removals = true): Promise<{ data: Dataset; removals: Removal[] }> {
    const { dir, files } = this.segmentFiles(name);
    const data = emptyDataset();
    for (const kind of KINDS) {
      // a segment holds files only for the kinds it has rows of (and none for a kind newer than it)
      const file = jsonlFile(kind);
      if (!files.has(file)) continue;
      const rows = await readJsonLines(join(dir, file));
      (data as unknown as Record<Kind, unknown[]>)[kind] = rows;
      const fields = ENTERPRISE_FIELDS[kind];
      if (fields) {
        // enterprises of the segment named by place: by id again
        const ids = data.enterprises;
        checkEnds(join(dir, file), rows as object[], 1, ids.length, fields);
        for (const r of rows as Record<string, unknown>[])
          for (const field of fields) {
            const end = r[field];
            if (typeof end === 'number') r[field] = (ids[end] as { id: string }).id;
          }
      }
    }
    return {
      data,
      removals: removals && files.has(REMOVALS) ? ((await readJsonLines(join(dir, REMOVALS))) as Removal[]) : [],
    };
  }

  /**
   * A segment's rows, kind by kind in the order of KINDS, a batch of parsed lines at a time:
   * each batch is handed over as soon as it is parsed, so a big segment is never held whole
   * (its rows' strings that the graph replaces by its own die young). Then its removals, whole
   * (none when `removals` is false), and the systems kept with it (undefined when there are
   * none, or they were derived by other rules). Throws as readWhole does.
   */
  async readBatches(
    name: string,
    onRows: (kind: Kind, rows: object[]) => void,
    removals = true,
  ): Promise<{ removals: Removal[]; systems: PlacedSystem[] | undefined }> {
    const { dir, files } = this.segmentFiles(name);
    let enterprises = 0;
    for (const kind of KINDS) {
      const file = join(dir, jsonlFile(kind));
      if (!files.has(jsonlFile(kind))) continue;
      const fields = ENTERPRISE_FIELDS[kind];
      let line = 1;
      await parseJsonLines(file, (rows) => {
        if (kind === 'enterprises') enterprises += rows.length;
        if (fields) checkEnds(file, rows as object[], line, enterprises, fields);
        line += rows.length;
        onRows(kind, rows as object[]);
      });
    }
    return {
      removals: removals && files.has(REMOVALS) ? ((await readJsonLines(join(dir, REMOVALS))) as Removal[]) : [],
      systems: files.has(SYSTEMS) ? await readSystems(join(dir, SYSTEMS), enterprises) : undefined,
    };
  }

  /**
   * Keeps with a committed segment that holds the whole graph (the first, committed into an
   * empty directory) the systems derived for it, `enterprises` its enterprises in the order
   * written: written under a temporary name, synced, renamed. A crash leaves it there or not (a
   * store then derives them as it opens); committed rows never change. Call under lock().
   */
  addSystems(
    name: string,
    enterprises: readonly { id: string }[],
    systems: ReadonlyMap<string, EnterpriseSystem>,
  ): void {
    const lines = systemLines(systems, placesOf(enterprises), enterprises.length);
    if (!lines) return;
    const dir = join(this.segmentsPath, name);
    const tmp = join(dir, `.${SYSTEMS}.tmp`);
    writeDurably(tmp, lines.join(''));
    renameSync(tmp, join(dir, SYSTEMS));
    syncDir(dir);
  }

  /** A segment's folder and the files in it; throws SegmentMissing when it cannot be read. */
  private segmentFiles(name: string): { dir: string; files: Set<string> } {
    const dir = join(this.segmentsPath, name);
    try {
      return { dir, files: new Set(readdirSync(dir)) };
    } catch (e) {
      throw new SegmentMissing(
        `The data directory is damaged: ${dir}, named by ${join(this.path, MANIFEST)}, cannot be read (${(e as NodeJS.ErrnoException).code})`,
      );
    }
  }
}

/** A segment the manifest names is not there (perhaps compacted away since the manifest was read). */
export class SegmentMissing extends Error {}
