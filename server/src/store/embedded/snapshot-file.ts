import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { ChainSnapshot, SnapshotFigures } from '../../domain/snapshot';
import { withFileLock } from '../../platform/file-lock';
import type { StoredSnapshot } from '../snapshot-delta';
import { checkSnapshot, isStoredSnapshot, SnapshotList, type SnapshotLog } from '../snapshots';

/**
 * Chain snapshots kept in a data directory: one JSON object a line in `snapshots.jsonl`, appended
 * and synced under `snapshots.lock`, so that the importer (another process) and the server can
 * both add to it. Each reader picks up the lines added since it last looked. A line a crash left
 * half-written (no newline) is cut off by the next writer; any other line that is not a snapshot
 * is an error that names the file and the line.
 */
export class SnapshotFile implements SnapshotLog {
  private list = new SnapshotList();
  /** Bytes read so far: whole lines only. */
  private readBytes = 0;
  private lines = 0;

  constructor(private readonly path: string) {}

  async add(snapshots: readonly ChainSnapshot[]): Promise<void> {
    snapshots.forEach(checkSnapshot);
    if (snapshots.length === 0) return;
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    withFileLock(`${this.path.replace(/\.jsonl$/, '')}.lock`, () => {
      this.cutTornTail();
      // as changes from each chain's latest snapshot, as every writer has left the file
      this.refresh();
      const text = Buffer.from(
        this.list
          .encodeAll(snapshots)
          .map((s) => `${JSON.stringify(s)}\n`)
          .join(''),
      );
      const fd = openSync(this.path, 'a', 0o600);
      try {
        for (let at = 0; at < text.length; ) at += writeSync(fd, text, at);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
    this.refresh();
  }

  async figures(chainIds: readonly string[], since?: string): Promise<SnapshotFigures[][]> {
    this.refresh();
    return chainIds.map((id) => this.list.figures(id, since));
  }

  async at(chainId: string, at: string): Promise<ChainSnapshot | undefined> {
    this.refresh();
    return this.list.at(chainId, at);
  }

  /** Reads the whole lines added since the last read. */
  private refresh(): void {
    const size = existsSync(this.path) ? statSync(this.path).size : 0;
    if (size < this.readBytes) {
      // the directory was replaced under us: read the new file from its start
      this.list = new SnapshotList();
      this.readBytes = 0;
      this.lines = 0;
    }
    if (size <= this.readBytes) return;
    const bytes = this.read(this.readBytes, size);
    const end = bytes.lastIndexOf(0x0a);
    if (end < 0) return; // a line being written
    const lines = bytes.subarray(0, end).toString('utf8').split('\n');
    const parsed = lines.map((line, i) => this.parse(line, this.lines + i + 1));
    for (const s of parsed) this.list.push(s);
    this.lines += lines.length;
    this.readBytes += end + 1;
  }

  private parse(line: string, number: number): StoredSnapshot {
    const where = `${this.path}, line ${number}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message}).`);
    }
    const s = value as StoredSnapshot;
    if (!isStoredSnapshot(s)) throw new Error(`${where}: not a chain snapshot.`);
    try {
      checkSnapshot(s);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`);
    }
    return s;
  }

  /** Under the lock: a last line without its newline was left by a writer that died; it goes. */
  private cutTornTail(): void {
    if (!existsSync(this.path)) return;
    const size = statSync(this.path).size;
    if (size === 0) return;
    const from = Math.max(0, size - 65_536);
    let tail = this.read(from, size);
    let start = from;
    // find the end of the last whole line, reading further back when the torn line is long
    while (tail.lastIndexOf(0x0a) < 0 && start > 0) {
      start = Math.max(0, start - 1_048_576);
      tail = this.read(start, size);
    }
    const keep = tail.lastIndexOf(0x0a) < 0 ? 0 : start + tail.lastIndexOf(0x0a) + 1;
    if (keep < size) truncateSync(this.path, keep);
  }

  private read(from: number, to: number): Buffer {
    const buffer = Buffer.alloc(to - from);
    const fd = openSync(this.path, 'r');
    try {
      for (let at = 0; at < buffer.length; ) {
        const n = readSync(fd, buffer, at, buffer.length - at, from + at);
        if (n === 0) break;
        at += n;
      }
    } finally {
      closeSync(fd);
    }
    return buffer;
  }
}
