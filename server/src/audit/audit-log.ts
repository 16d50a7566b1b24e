import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncDir } from '../platform/file-lock';
import { log } from '../platform/log';
import { type ChainBreak, type ChainReport, ChainVerifier, type Link, linkOf, sha256 } from './chain';
import { capDetail, clipText } from './detail';
import { lockedIfPossible, readTail, type Stamp, sameStamp, stampOf, type Tail } from './log-file';
import { type Actor, DEFAULT_TALLY_LIMITS, READ_CANDIDATES, type Tallied, Tallies, type TallyLimits } from './tallies';

/** What an audit entry records: who did what, when, from where, and how it ended. */
export interface AuditEntry {
  /** Unique, time-ordered within one process: an ISO time and a random suffix. */
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  /** The token's name, `anonymous`, or `cli:<user>` for the command-line importer. */
  who: string;
  role: string;
  /** A mutation's field name (createEnterprise, recordExport, createToken, …), `import`, `readCandidates` or `droppedRefusals`. */
  action: string;
  /** What it acted on, in words: an enterprise key, a chain, a token's name, the imported files. */
  target: string;
  /**
   * The arguments (never a token's value) and, for an import, its files, rows and counts; at most
   * MAX_DETAIL_BYTES of JSON (a larger one is kept as its first bytes, marked `truncated`, with its size).
   */
  detail: Record<string, unknown>;
  /** The client's address, or `local` for the command line. */
  from: string;
  requestId?: string;
  /**
   * `ok`, or the error code that refused or failed it (FORBIDDEN, BAD_INPUT, …); `started` for a
   * mutation or import whose end was never recorded (the process stopped while it ran).
   */
  outcome: string;
  /** When a mutation ended (its outcome recorded after it ran). */
  endedAt?: string;
  /** Its line in the file (from 1), as the chain's breaks name lines. */
  line?: number;
}

/** The line that records how a `started` entry ended, and what it adds to its detail. */
interface Ending {
  ref: string;
  at: string;
  outcome: string;
  detail?: Record<string, unknown>;
}

/** Entries kept in memory for the auditLog query: the newest; the file keeps them all. */
const KEPT = 100_000;
const MAX_TARGET = 200;
const MAX_REQUEST_ID = 100;
/** Lines this process wrote, remembered to tell one edited later (by its offset and hash). */
const MINE_KEPT = 10_000;

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at' | 'line'>;

export interface AuditLogOptions {
  /** How often refusals get a line of their own, and how reads are summed up. */
  tallies?: Partial<TallyLimits>;
  /** The clock (tests). */
  now?: () => number;
}

/**
 * The audit log: one JSON object a line in a file (CHAIN_AUDIT_FILE, default data/audit.jsonl)
 * that the server and the command-line tools append to, one at a time (a lock file beside it).
 * An entry is written whole to a file opened for appending and synced to disk before `record`
 * returns, so that what was acknowledged is on disk; a mutation's entry is written before it runs
 * (`started`) and its outcome after (a line naming the entry, folded into it on reading). A process
 * killed half-way through a write leaves a torn last line: the next entry starts on a line of its
 * own and says so, and readers skip (and count) the torn one.
 *
 * Every line carries the sha-256 of the line before it and its place in the chain (chain.ts), so
 * that a line edited, deleted or added by hand shows as a break in `chain()`; a log written before
 * hashing reads as before, its chain starting at its first hashed line.
 */
export class AuditLog {
  /** Entries read so far, oldest first, and the byte offset read up to. */
  private entries: AuditEntry[] = [];
  private byId = new Map<string, AuditEntry>();
  private verifier = new ChainVerifier();
  private readUpTo = 0;
  private pending: Buffer = Buffer.alloc(0);
  private counter = 0;
  /** The file as this process last read or wrote it. */
  private seen: Stamp | undefined;
  /** The end of the chain as this process last wrote it (or, in memory, the last line). */
  private tail: Tail | undefined;
  /** Offsets of lines this process wrote, and their hashes. */
  private readonly mine = new Map<number, string>();
  /** Breaks found when the file was read again from its start (cut short). */
  private cuts: ChainBreak[] = [];
  /** While the file is read again: the last line it had, which should still be there. */
  private lookFor: { hash: string; seq: number | undefined; lines: number; found: boolean } | undefined;
  private readonly tallies: Tallies;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private sweptAt = Number.NEGATIVE_INFINITY;

  /** `file`: none keeps the entries in memory only (tests, and a server asked to keep no log). */
  constructor(
    readonly file?: string,
    options: AuditLogOptions = {},
  ) {
    this.tallies = new Tallies({ ...DEFAULT_TALLY_LIMITS, ...options.tallies });
    this.now = options.now ?? Date.now;
  }

  /** Appends an entry durably; returns it with its id and time. */
  record(entry: NewAuditEntry): AuditEntry {
    const at = new Date(this.now());
    const full: AuditEntry = {
      id: `${at.getTime().toString(36).padStart(9, '0')}-${(this.counter++).toString(36)}-${randomUUID().slice(0, 8)}`,
      at: at.toISOString(),
      ...entry,
      target: clipText(entry.target, MAX_TARGET),
      detail: capDetail(entry.detail),
      ...(entry.requestId ? { requestId: clipText(entry.requestId, MAX_REQUEST_ID) } : {}),
    };
    this.append(full);
    return full;
  }

  /** Records how the entry `id` (one recorded as `started`) ended: `ok` or an error code, and what to add to its detail. */
  end(id: string, outcome: string, detail?: Record<string, unknown>): void {
    const line: Ending = { ref: id, at: new Date(this.now()).toISOString(), outcome };
    if (detail) line.detail = capDetail(detail);
    this.append(line);
  }

  /**
   * A mutation refused before it did anything (the caller's role): one short line — who, from
   * where, which field, why — for the first few of a caller's refusals a minute; the rest are
   * counted and summed up in one line when the minute is over. Returns whether it was written.
   */
  refused(actor: Actor, action: string, outcome: string): boolean {
    const now = this.now();
    const own = this.tallies.admitRefusal(actor, action, now);
    if (own)
      this.record({
        who: actor.who,
        role: actor.role,
        action,
        target: '',
        detail: {},
        from: actor.from,
        ...(actor.requestId ? { requestId: actor.requestId } : {}),
        outcome,
      });
    this.settle(now);
    return own;
  }

  /**
   * A read of a chain's candidates through the API: the first of a caller's reads of a chain in a
   * minute is written at once (synced, before the candidates are served); the minute's others are
   * counted and summed up in one line at its end.
   */
  candidatesRead(actor: Actor, chain: string, rows: number): void {
    const now = this.now();
    if (this.tallies.noteRead(actor, chain, rows, now))
      this.record({
        who: actor.who,
        role: actor.role,
        action: READ_CANDIDATES,
        target: chain,
        detail: { reads: 1, rows, first: true },
        from: actor.from,
        ...(actor.requestId ? { requestId: actor.requestId } : {}),
        outcome: 'ok',
      });
    this.settle(now);
  }

  /** Writes the summaries of what was counted (refusals, reads) so far; when stopping, and in tests. */
  flush(): void {
    this.writeSummaries(this.tallies.due(this.now(), true));
  }

  /** Writes what is counted and stops the timer that sums it up. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
  }

  /** Every entry, oldest first (the file read from where the last call stopped). */
  all(): readonly AuditEntry[] {
    this.catchUp();
    return this.entries;
  }

  /** Lines that were not whole entries (torn by a crash); read with all(). */
  get torn(): number {
    this.catchUp();
    return this.verifier.torn;
  }

  /** How far the chain of hashes holds, and where it breaks. */
  chain(): ChainReport {
    this.catchUp();
    return this.verifier.report(this.cuts);
  }

  /** Summaries of windows that ended; a timer sums up the others while something is counted. */
  private settle(now: number): void {
    // at most once a second: a sweep goes over every caller followed
    if (now - this.sweptAt >= 1000 || now < this.sweptAt) {
      this.sweptAt = now;
      this.writeSummaries(this.tallies.due(now));
    }
    if (this.tallies.pending && !this.timer) {
      this.timer = setInterval(() => {
        this.writeSummaries(this.tallies.due(this.now()));
        if (!this.tallies.pending && this.timer) {
          clearInterval(this.timer);
          this.timer = undefined;
        }
      }, this.tallies.limits.intervalMs);
      this.timer.unref();
    }
  }

  private writeSummaries(lines: readonly Tallied[]): void {
    for (const line of lines) {
      try {
        this.record(line);
      } catch (e) {
        log().error({ err: e, summary: line }, 'a summary could not be written to the audit log');
      }
    }
  }

  /** One line at the end of the log, chained to the one before it. */
  private append(value: AuditEntry | Ending): void {
    if (!this.file) {
      const tail = this.tail ?? { hash: '', seq: undefined };
      const text = JSON.stringify({ ...value, seq: nextSeq(tail.seq), prev: tail.hash });
      const { hash } = this.ingest(Buffer.from(text, 'utf8'), -1);
      this.tail = { hash, seq: nextSeq(tail.seq) };
      return;
    }
    const file = this.file;
    mkdirSync(dirname(file), { recursive: true });
    lockedIfPossible(`${file}.lock`, () => this.appendToFile(file, value));
  }

  /** Appends a line whole to the file, synced to disk (a new file's folder too); under the log's lock. */
  private appendToFile(file: string, value: AuditEntry | Ending): void {
    const fd = openSync(file, 'a+', 0o600);
    try {
      const before = fstatSync(fd, { bigint: true });
      const size = Number(before.size);
      const cached = this.tail;
      const tail =
        cached && cached.ino === before.ino && cached.size === before.size
          ? { ...cached, torn: undefined }
          : readTail(fd, size);
      const seq = nextSeq(tail.seq);
      const text = JSON.stringify({ ...value, seq, prev: tail.hash, ...(tail.torn ? { torn: tail.torn } : {}) });
      // a line torn by a crash gets no entry glued to its end
      const bytes = Buffer.from(tail.torn !== undefined ? `\n${text}\n` : `${text}\n`, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
      if (size === 0) syncDir(dirname(file));
      const hash = sha256(text);
      const after = fstatSync(fd, { bigint: true });
      this.tail = { ino: after.ino, size: before.size + BigInt(bytes.length), hash, seq };
      this.mine.set(size + (tail.torn !== undefined ? 1 : 0), hash);
      if (this.mine.size > MINE_KEPT) this.mine.delete(this.mine.keys().next().value as number);
      // nobody else changed the file since it was read: what is read next is only this line
      if (this.seen && sameStamp(this.seen, before)) this.seen = stampOf(after);
    } finally {
      closeSync(fd);
    }
  }

  /** Reads what was added since the last call; the whole file again when someone else changed it. */
  private catchUp(): void {
    if (!this.file || !existsSync(this.file)) return;
    const fd = openSync(this.file, 'r');
    try {
      const stat = fstatSync(fd, { bigint: true });
      const size = Number(stat.size);
      if (this.seen && (stat.ino !== this.seen.ino || stat.ctimeNs !== this.seen.ctimeNs || size < this.readUpTo)) {
        // replaced (rotated), cut, or changed by another process (an import, or a hand): read again,
        // to check the chain from its start
        if (stat.ino !== this.seen.ino) {
          this.cuts = [];
          this.mine.clear();
        } else {
          // the last line read, to look for at its place again
          const report = this.verifier.report();
          this.lookFor = { hash: report.head, seq: this.verifier.lastSeq, lines: report.lines, found: false };
          if (size < this.readUpTo) this.mine.clear();
        }
        this.reset();
      }
      const buffer = Buffer.alloc(1 << 20);
      while (this.readUpTo < size) {
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - this.readUpTo), this.readUpTo);
        if (n === 0) break;
        let chunk = Buffer.concat([this.pending, buffer.subarray(0, n)]);
        let offset = this.readUpTo - this.pending.length;
        this.readUpTo += n;
        for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a)) {
          this.ingest(chunk.subarray(0, nl), offset);
          offset += nl + 1;
          chunk = chunk.subarray(nl + 1);
        }
        this.pending = Buffer.from(chunk);
      }
      this.seen = stampOf(stat);
      const lookFor = this.lookFor;
      this.lookFor = undefined;
      if (lookFor && !lookFor.found && lookFor.hash && (this.verifier.lastSeq ?? -1) < (lookFor.seq ?? 0)) {
        this.cuts.push({
          line: this.verifier.report().lines + 1,
          kind: 'deleted',
          message: `the file was cut: the lines after line ${this.verifier.report().lines} are gone (it had ${lookFor.lines})`,
        });
      }
    } finally {
      closeSync(fd);
    }
  }

  private reset(): void {
    this.entries = [];
    this.byId = new Map();
    this.verifier = new ChainVerifier();
    this.readUpTo = 0;
    this.pending = Buffer.alloc(0);
  }

  /** One whole line: checked on the chain, then taken as an entry or an ending. */
  private ingest(bytes: Buffer, offset: number): { hash: string } {
    const { line, hash, value } = this.verifier.add(bytes);
    if (this.lookFor?.hash === hash) this.lookFor.found = true;
    const written = this.mine.get(offset);
    if (written !== undefined && written !== hash)
      this.verifier.addBreak(line, 'edited', `line ${line} was changed after this server wrote it`);
    if (!value) return { hash };
    const v = value as Partial<AuditEntry & Ending>;
    if (typeof v.ref === 'string' && typeof v.outcome === 'string') {
      const started = this.byId.get(v.ref);
      if (started) {
        started.outcome = v.outcome;
        if (v.at) started.endedAt = v.at;
        if (v.detail && typeof v.detail === 'object') started.detail = { ...started.detail, ...v.detail };
      }
    } else if (typeof v.id === 'string' && typeof v.action === 'string') {
      // the parsed line itself, less its link (no copy: a log may hold a million lines)
      const entry = value as unknown as AuditEntry & Partial<Record<keyof Link, unknown>>;
      entry.seq = entry.prev = entry.torn = undefined;
      entry.line = line;
      if (!entry.detail || typeof entry.detail !== 'object') entry.detail = {};
      this.entries.push(entry);
      this.byId.set(entry.id, entry);
      if (this.entries.length > KEPT + KEPT / 10) {
        for (const old of this.entries.splice(0, this.entries.length - KEPT)) this.byId.delete(old.id);
      }
    } else if (linkOf(value)) {
      // hashed, so in the chain, yet nothing this program writes
      this.verifier.addBreak(line, 'garbage', `line ${line} is neither an entry nor an ending`);
    }
    return { hash };
  }
}

const nextSeq = (seq: number | undefined) => (seq === undefined ? 0 : seq + 1);
