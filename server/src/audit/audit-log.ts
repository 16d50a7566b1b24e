import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { syncDir } from '../file-lock';

/** What an audit entry records: who did what, when, from where, and how it ended. */
export interface AuditEntry {
  /** Unique, time-ordered within one process: an ISO time and a random suffix. */
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  /** The token's name, `anonymous`, or `cli:<user>` for the command-line importer. */
  who: string;
  role: string;
  /** A mutation's field name (createEnterprise, recordExport, createToken, …) or `import`. */
  action: string;
  /** What it acted on, in words: an enterprise key, a chain, a token's name, the imported files. */
  target: string;
  /** The arguments (never a token's value) and, for an import, its counts. */
  detail: Record<string, unknown>;
  /** The client's address, or `local` for the command line. */
  from: string;
  requestId?: string;
  /**
   * `ok`, or the error code that refused or failed it (FORBIDDEN, BAD_INPUT, …); `started` for a
   * mutation whose end was never recorded (the process stopped while it ran).
   */
  outcome: string;
  /** When a mutation ended (its outcome recorded after it ran). */
  endedAt?: string;
}

/** The line that records how a `started` entry ended. */
interface Ending {
  ref: string;
  at: string;
  outcome: string;
}

/** Entries kept in memory for the auditLog query: the newest; the file keeps them all. */
const KEPT = 100_000;

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/**
 * The audit log: one JSON object a line in a file (CHAIN_AUDIT_FILE, default data/audit.jsonl)
 * that the server and the importer both append to. An entry is written whole to a file opened
 * for appending and synced to disk before `record` returns, so that what was acknowledged is on
 * disk; a mutation's entry is written before it runs (`started`) and its outcome after (a line
 * naming the entry, folded into it on reading). A process killed half-way through a write leaves a torn last line:
 * the next entry starts on a line of its own, and readers skip (and count) the torn one.
 */
export class AuditLog {
  /** Entries read so far, oldest first, and the byte offset read up to. */
  private entries: AuditEntry[] = [];
  private readonly byId = new Map<string, AuditEntry>();
  private readUpTo = 0;
  private pending = '';
  private decoder = new StringDecoder('utf8');
  private tornLines = 0;
  private counter = 0;

  /** `file`: none keeps the entries in memory only (tests, and a server asked to keep no log). */
  constructor(readonly file?: string) {}

  /** Appends an entry durably; returns it with its id and time. */
  record(entry: NewAuditEntry): AuditEntry {
    const at = new Date();
    const full: AuditEntry = {
      id: `${at.getTime().toString(36).padStart(9, '0')}-${(this.counter++).toString(36)}-${randomUUID().slice(0, 8)}`,
      at: at.toISOString(),
      ...entry,
    };
    if (this.file) this.append(full);
    else this.take(full);
    return full;
  }

  /** Records how the entry `id` (one recorded as `started`) ended: `ok` or an error code. */
  end(id: string, outcome: string): void {
    const line: Ending = { ref: id, at: new Date().toISOString(), outcome };
    if (this.file) this.append(line);
    else this.take(line);
  }

  /** One line, whole, at the end of the file, synced to disk (a new file's folder too). */
  private append(value: object): void {
    const file = this.file as string;
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a+', 0o600);
    try {
      const size = fstatSync(fd).size;
      const line = `${JSON.stringify(value)}\n`;
      // a line torn by a crash gets no entry glued to its end
      const bytes = Buffer.from(size > 0 && !endsWithNewline(fd, size) ? `\n${line}` : line, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
      if (size === 0) syncDir(dirname(file));
    } finally {
      closeSync(fd);
    }
  }

  /** Every entry, oldest first (the file read from where the last call stopped). */
  all(): readonly AuditEntry[] {
    this.catchUp();
    return this.entries;
  }

  /** Lines that were not whole entries (torn by a crash); read with all(). */
  get torn(): number {
    this.catchUp();
    return this.tornLines;
  }

  private catchUp(): void {
    if (!this.file || !existsSync(this.file)) return;
    const fd = openSync(this.file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size < this.readUpTo) {
        // the file was replaced (rotated): read it again from the start
        this.entries = [];
        this.byId.clear();
        this.readUpTo = 0;
        this.pending = '';
        this.decoder = new StringDecoder('utf8');
        this.tornLines = 0;
      }
      const buffer = Buffer.alloc(1 << 20);
      while (this.readUpTo < size) {
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - this.readUpTo), this.readUpTo);
        if (n === 0) break;
        this.readUpTo += n;
        this.pending += this.decoder.write(buffer.subarray(0, n));
        const lines = this.pending.split('\n');
        this.pending = lines.pop() ?? '';
        for (const line of lines) this.take(line);
      }
    } finally {
      closeSync(fd);
    }
  }

  private take(line: string | AuditEntry | Ending): void {
    let value: unknown = line;
    if (typeof line === 'string') {
      if (line.trim() === '') return;
      try {
        value = JSON.parse(line);
      } catch {
        this.tornLines++;
        return;
      }
    }
    const v = value as Partial<AuditEntry & Ending>;
    if (typeof v.ref === 'string' && typeof v.outcome === 'string') {
      const started = this.byId.get(v.ref);
      if (started) {
        started.outcome = v.outcome;
        if (v.at) started.endedAt = v.at;
      }
    } else if (typeof v.id === 'string' && typeof v.action === 'string') {
      const entry = { ...(v as AuditEntry) };
      this.entries.push(entry);
      this.byId.set(entry.id, entry);
      if (this.entries.length > KEPT) {
        for (const old of this.entries.splice(0, this.entries.length - KEPT)) this.byId.delete(old.id);
      }
    } else {
      this.tornLines++;
    }
  }
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}
