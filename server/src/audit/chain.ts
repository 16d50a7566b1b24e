import { hash } from 'node:crypto';

/** The hex sha-256 of a line's bytes (its canonical text: the line exactly as written, without its newline). */
export const sha256 = (bytes: Buffer | string): string => hash('sha256', bytes, 'hex');

/**
 * What the writer adds to every line of the audit log, so that a line changed, removed or added
 * by hand shows: `seq`, its place in the chain (0 for the first line, or the first after a line
 * that is not in the chain); `prev`, the sha-256 of the line before it ('' for the first line of a
 * file); `torn`, when the line before it was torn by a crash (a write cut short), that torn text's
 * sha-256 (`prev` then names the last whole line before it).
 */
export interface Link {
  seq: number;
  prev: string;
  torn?: string;
}

export type BreakKind = 'edited' | 'deleted' | 'garbage' | 'unchained';

/** Where the chain of hashes does not hold, and what that means. */
export interface ChainBreak {
  /** The line of the file (from 1) where it shows. */
  line: number;
  kind: BreakKind;
  message: string;
}

/** How far the log's chain of hashes holds. */
export interface ChainReport {
  /** No break: every line from `chainedFrom` on follows the one before it. */
  intact: boolean;
  /** Whole lines read. */
  lines: number;
  /** The first line that carries a hash; undefined while there is none (a log written before hashing). */
  chainedFrom: number | undefined;
  /** Lines before `chainedFrom`: written before hashing, so nothing vouches for them. */
  unchained: number;
  /** Lines torn by a crash (a write cut short), which the next write marked as such: no break. */
  torn: number;
  /** The sha-256 of the last whole line: note it, and a later report that no longer has it on the chain says the log was rewritten. */
  head: string;
  /** The first MAX_BREAKS breaks, in order. */
  breaks: ChainBreak[];
  /** Every break, with those not listed. */
  breakCount: number;
}

const MAX_BREAKS = 100;

/** The link a parsed line carries, if it carries one. */
export function linkOf(value: unknown): Link | undefined {
  const v = value as Partial<Link> | undefined;
  if (!v || typeof v !== 'object' || !Number.isInteger(v.seq) || typeof v.prev !== 'string') return undefined;
  return { seq: v.seq as number, prev: v.prev, ...(typeof v.torn === 'string' ? { torn: v.torn } : {}) };
}

interface Garbage {
  line: number;
  hash: string;
  /** The chain's state before it. */
  before: string;
  beforeSeq: number | undefined;
  /** Whether the chain had started (before it, a log written before hashing counts it as torn). */
  inChain: boolean;
}

/**
 * Checks the audit log's chain of hashes line by line, as it is read: each line must name the
 * hash of the one before it and the next place in the chain. A line changed afterwards no longer
 * has the hash the next line names (`edited`); lines taken out leave a gap in the places
 * (`deleted`); a line that is no entry is `garbage` unless the next write marked it as torn by a
 * crash; an entry without a hash after the chain started is `unchained`. Lines before the first
 * one with a hash were written before hashing: they are read, and counted as unchained.
 */
export class ChainVerifier {
  private line = 0;
  /** The hash of the last whole line that was not garbage, and its place when it is in the chain. */
  private prevHash = '';
  private prevSeq: number | undefined;
  private head = '';
  private chainedFrom: number | undefined;
  private unchained = 0;
  private tornLines = 0;
  private garbage: Garbage | undefined;
  private readonly breaks: ChainBreak[] = [];
  private breakCount = 0;

  /** Takes the next whole line (without its newline); returns its hash and, when it is a JSON object, its value. */
  add(bytes: Buffer): { line: number; hash: string; value: Record<string, unknown> | undefined } {
    const line = ++this.line;
    const hash = sha256(bytes);
    this.head = hash;
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      value = undefined;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.settleGarbage(undefined);
      this.garbage = {
        line,
        hash,
        before: this.prevHash,
        beforeSeq: this.prevSeq,
        inChain: this.chainedFrom !== undefined,
      };
      return { line, hash, value: undefined };
    }
    const link = linkOf(value);
    // what the writer could have chained this line to: [hash, place] pairs
    const next = (seq: number | undefined) => (seq === undefined ? 0 : seq + 1);
    let accepted: [string, number][] = [[this.prevHash, next(this.prevSeq)]];
    const garbage = this.garbage;
    if (garbage) {
      const tear = link?.torn === garbage.hash && link.prev === garbage.before;
      this.settleGarbage(tear);
      // a torn line is skipped; a whole garbage line is chained over (place 0), or was put in between
      accepted = tear
        ? [[garbage.before, next(garbage.beforeSeq)]]
        : [
            [garbage.hash, 0],
            [garbage.before, next(garbage.beforeSeq)],
          ];
    }
    if (!link) {
      if (this.chainedFrom === undefined) this.unchained++;
      else this.addBreak(line, 'unchained', `line ${line} has no hash: it was added by hand or by another program`);
      this.prevHash = hash;
      this.prevSeq = undefined;
      return { line, hash, value: value as Record<string, unknown> };
    }
    if (this.chainedFrom === undefined) this.chainedFrom = line;
    if (!accepted.some(([prev, seq]) => link.prev === prev && link.seq === seq)) {
      const [prev, seq] = accepted[0] as [string, number];
      if (link.seq > seq && link.prev !== prev)
        this.addBreak(
          line,
          'deleted',
          line === 1
            ? `the log starts at place ${link.seq} of its chain: the ${link.seq} line(s) before line 1 are gone`
            : `${link.seq - seq} line(s) are gone before line ${line}`,
        );
      else if (link.prev !== prev)
        this.addBreak(
          line - 1 || 1,
          'edited',
          line === 1
            ? 'line 1 names a line before it that is not there'
            : `line ${line - 1} was changed after it was written: line ${line} names another hash for it`,
        );
      else
        this.addBreak(line, 'edited', `line ${line} was changed after it was written: its place in the chain is wrong`);
    }
    this.prevHash = hash;
    this.prevSeq = link.seq;
    return { line, hash, value: value as Record<string, unknown> };
  }

  /** A break found by other means (a line this process wrote that reads back otherwise; a file cut short). */
  addBreak(line: number, kind: BreakKind, message: string): void {
    this.breakCount++;
    if (this.breaks.length < MAX_BREAKS) this.breaks.push({ line, kind, message });
  }

  report(extra: readonly ChainBreak[] = []): ChainReport {
    const breaks = [...this.breaks];
    let breakCount = this.breakCount;
    // a garbage line the next write has not explained yet
    const pending = this.garbage?.inChain
      ? [{ line: this.garbage.line, kind: 'garbage' as const, message: garbageMessage(this.garbage.line) }]
      : [];
    for (const b of [...extra, ...pending]) {
      breakCount++;
      if (breaks.length < MAX_BREAKS) breaks.push(b);
    }
    breaks.sort((a, b) => a.line - b.line);
    return {
      intact: breakCount === 0,
      lines: this.line,
      chainedFrom: this.chainedFrom,
      unchained: this.unchained,
      torn: this.tornLines,
      head: this.head,
      breaks,
      breakCount,
    };
  }

  /** The place of the last line, when it is in the chain. */
  get lastSeq(): number | undefined {
    return this.prevSeq;
  }

  /** Lines torn by a crash (before the chain: every line that was no entry). */
  get torn(): number {
    return this.tornLines;
  }

  /** Decides what the pending garbage line was: torn by a crash (`tear`), or a break. */
  private settleGarbage(tear: boolean | undefined): void {
    const g = this.garbage;
    if (!g) return;
    this.garbage = undefined;
    if (tear || !g.inChain) this.tornLines++;
    else this.addBreak(g.line, 'garbage', garbageMessage(g.line));
    if (!tear) {
      // a whole line the writer may have chained over
      this.prevHash = g.hash;
      this.prevSeq = undefined;
    }
  }
}

const garbageMessage = (line: number) => `line ${line} is not an entry: garbage, or an entry damaged`;
