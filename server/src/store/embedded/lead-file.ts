import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { codedError } from '../../domain/errors';
import { isLeadStage, type LeadEvent, type LeadRecord } from '../../domain/investment-lead';
import { syncDir, withFileLock } from '../../platform/file-lock';
import { LeadList } from '../lead-list';
import type { LeadFilter, LeadStore } from '../leads-port';

/** The file of the investment leads in a data directory. */
export const LEAD_FILE = 'leads-pipeline.jsonl';

/**
 * The embedded store's investment leads: a LeadList, kept in the data directory as an
 * append-only JSON Lines file, one line per save ({ lead, event }: the lead as it is after the
 * event). A save appends its line and syncs it before it is applied and acknowledged; opening
 * replays every line. A crash in the middle of a write leaves a last line without its line feed:
 * it was never acknowledged, so opening ignores it and the next write cuts it off. Any other line
 * that is not a save is damage: opening (or a write) stops with an error naming the file and the line.
 *
 * Writes take a lock file beside it and first read what another process appended since, so two
 * processes on one directory never write over one another.
 */
export class EmbeddedLeads implements LeadStore {
  readonly file: string;
  private readonly leads = new LeadList();
  /** How far the file is read: the byte after the last complete line. */
  private offset = 0;
  private lines = 0;

  constructor(private readonly dir: string) {
    this.file = join(dir, LEAD_FILE);
    this.catchUp(false);
  }

  async save(lead: LeadRecord, event: LeadEvent): Promise<void> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    withFileLock(`${this.file}.lock`, () => {
      this.catchUp(true);
      this.leads.check(event);
      const fresh = !existsSync(this.file);
      const fd = openSync(this.file, 'a', 0o600);
      try {
        const line = Buffer.from(`${JSON.stringify({ lead, event })}\n`, 'utf8');
        writeSync(fd, line);
        fsyncSync(fd);
        this.offset += line.length;
        this.lines++;
      } finally {
        closeSync(fd);
      }
      if (fresh) syncDir(this.dir);
      this.leads.apply(lead, event);
    });
  }

  async get(ids: readonly string[]): Promise<(LeadRecord | undefined)[]> {
    return this.leads.get(ids);
  }

  async list(filter: LeadFilter): Promise<LeadRecord[]> {
    return this.leads.list(filter);
  }

  async history(ids: readonly string[]): Promise<LeadEvent[][]> {
    return this.leads.history(ids);
  }

  async eventsSince(since: string, chainId?: string): Promise<LeadEvent[]> {
    return this.leads.eventsSince(since, chainId);
  }

  /**
   * Reads and applies the complete lines after `offset`. `writing` (under the lock): a torn last
   * line is cut off, for the next line to start clean.
   */
  private catchUp(writing: boolean): void {
    if (!existsSync(this.file)) return;
    const fd = openSync(this.file, writing ? 'r+' : 'r');
    try {
      const size = fstatSync(fd).size;
      if (size <= this.offset) return;
      const bytes = Buffer.alloc(size - this.offset);
      readSync(fd, bytes, 0, bytes.length, this.offset);
      const end = bytes.lastIndexOf(0x0a) + 1;
      for (const text of bytes.subarray(0, end).toString('utf8').split('\n').slice(0, -1)) {
        this.lines++;
        const { lead, event } = this.parse(text);
        this.leads.apply(lead, event);
      }
      this.offset += end;
      if (writing && end < bytes.length) {
        ftruncateSync(fd, this.offset);
        fsyncSync(fd);
      }
    } finally {
      closeSync(fd);
    }
  }

  private parse(text: string): { lead: LeadRecord; event: LeadEvent } {
    const damaged = (why: string) =>
      codedError('UNAVAILABLE', `${this.file}, line ${this.lines}: ${why}; the investment leads cannot be read.`, {
        file: this.file,
        line: this.lines,
      });
    let value: { lead?: LeadRecord; event?: LeadEvent };
    try {
      value = JSON.parse(text);
    } catch {
      throw damaged('not JSON');
    }
    const { lead, event } = value ?? {};
    if (
      !lead ||
      !event ||
      typeof lead.id !== 'string' ||
      event.leadId !== lead.id ||
      !Number.isInteger(lead.version) ||
      event.version !== lead.version ||
      !isLeadStage(String(lead.stage))
    )
      throw damaged('not a saved lead ({ lead, event } of one id and version)');
    return { lead, event };
  }
}
