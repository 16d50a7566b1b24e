import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../domain/model';
import { syncDir, takeLock } from '../../file-lock';
import { jsonlFile, KINDS, type Kind } from '../../import/interchange';
import { readLineBatches } from '../../import/sources/lines';
import type { Removal } from '../port';

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
 */
export interface SegmentInfo {
  name: string;
  rows: { [K in Kind]: number } & { removals?: number };
  createdAt: string;
  /** What wrote it, e.g. "import enterprises.csv (3 files)". */
  note: string;
}

export interface Manifest {
  version: 1;
  segments: SegmentInfo[];
}

const MANIFEST = 'MANIFEST';
const REMOVALS = 'removals.jsonl';
const SEGMENTS = 'segments';

export class DataDir {
  constructor(readonly path: string) {}

  private get segmentsPath(): string {
    return join(this.path, SEGMENTS);
  }

  /** undefined for a data directory nothing was written to yet. */
  readManifest(): Manifest | undefined {
    const file = join(this.path, MANIFEST);
    if (!existsSync(file)) return undefined;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest.version !== 1 || !Array.isArray(manifest.segments)) {
      throw new Error(`${file} is not a Chain Atlas manifest of version 1`);
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
    const manifest = this.readManifest() ?? { version: 1, segments: [] };
    this.removeLeftovers(manifest);
    const name = this.nextName(manifest);
    const tmp = join(this.segmentsPath, `.tmp-${name}-${process.pid}`);
    mkdirSync(tmp, { recursive: true });
    const rows = {} as SegmentInfo['rows'];
    for (const kind of KINDS) {
      rows[kind] = data[kind].length;
      writeLines(join(tmp, jsonlFile(kind)), data[kind] as readonly object[]);
    }
    if (removals.length > 0) {
      rows.removals = removals.length;
      writeLines(join(tmp, REMOVALS), removals);
    }
    syncDir(tmp);
    failpoint('segment-written');
    renameSync(tmp, join(this.segmentsPath, name));
    syncDir(this.segmentsPath);
    failpoint('segment-renamed');
    const next: Manifest = {
      version: 1,
      segments: [...manifest.segments, { name, rows, createdAt: new Date().toISOString(), note }],
    };
    this.commit(next);
    return next;
  }

  private commit(manifest: Manifest): void {
    const tmp = join(this.path, `${MANIFEST}.tmp`);
    writeDurably(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
    failpoint('manifest-written');
    renameSync(tmp, join(this.path, MANIFEST));
    syncDir(this.path);
    failpoint('manifest-renamed');
  }

  private nextName(manifest: Manifest): string {
    const used = [...manifest.segments.map((s) => s.name), ...this.listSegments()].map(Number).filter(Number.isFinite);
    return String(Math.max(0, ...used) + 1).padStart(6, '0');
  }

  private listSegments(): string[] {
    return existsSync(this.segmentsPath) ? readdirSync(this.segmentsPath) : [];
  }

  /** Segments and temporary folders that no manifest names: what a crash left. */
  private removeLeftovers(manifest: Manifest): void {
    const named = new Set(manifest.segments.map((s) => s.name));
    for (const entry of this.listSegments()) {
      if (!named.has(entry)) rmSync(join(this.segmentsPath, entry), { recursive: true, force: true });
    }
  }

  /** The rows of one segment, kind by kind, streamed a line at a time. */
  async *readSegment(name: string): AsyncGenerator<{ kind: Kind; rows: unknown[] }> {
    for (const kind of KINDS) {
      const file = join(this.segmentsPath, name, jsonlFile(kind));
      // a segment written before a kind existed (products, district) has no file for it
      yield { kind, rows: existsSync(file) ? await readJsonLines(file) : [] };
    }
  }

  /** The removals of one segment (none for a segment written by an import). */
  async readRemovals(name: string): Promise<Removal[]> {
    const file = join(this.segmentsPath, name, REMOVALS);
    return existsSync(file) ? ((await readJsonLines(file)) as Removal[]) : [];
  }
}

async function readJsonLines(file: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  for await (const { first, lines } of readLineBatches(file)) {
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i] as string;
      if (text === '') continue;
      try {
        rows.push(JSON.parse(text));
      } catch (e) {
        throw new Error(`The data directory is damaged: ${file}:${first + i} is not JSON (${(e as Error).message})`);
      }
    }
  }
  return rows;
}

/**
 * For the crash tests: CHAIN_FAILPOINT=<name> kills this process, as a power cut would, at
 * that point of a write.
 */
function failpoint(name: string): void {
  if (process.env.CHAIN_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}

function writeLines(file: string, rows: readonly object[]): void {
  const fd = openSync(file, 'w');
  try {
    let chunk = '';
    for (const row of rows) {
      chunk += `${JSON.stringify(row)}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk) writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeDurably(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
