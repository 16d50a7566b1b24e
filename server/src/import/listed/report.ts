import { byText } from './names';

/**
 * What a conversion read, kept and dropped, by file and reason. It goes to conversion-report.json
 * beside the output; it holds no times, so the same input gives the same report.
 */
export class Report {
  readonly read: Record<string, number> = {};
  readonly dropped: Record<string, number> = {};
  readonly notes: Record<string, number> = {};
  written: Record<string, number> = {};
  chains: { id: string; name: string; segments: number; tiers: Record<string, number>; members: number }[] = [];

  /** Rows read from a source file. */
  rows(file: string, n: number): void {
    this.read[file] = (this.read[file] ?? 0) + n;
  }

  /** A row (or item) left out, and why: `file: reason`. */
  drop(file: string, reason: string, n = 1): void {
    const key = `${file}: ${reason}`;
    this.dropped[key] = (this.dropped[key] ?? 0) + n;
  }

  /** Something counted that is not a drop (rows merged, shares left out, …). */
  note(what: string, n = 1): void {
    this.notes[what] = (this.notes[what] ?? 0) + n;
  }

  toJSON(): object {
    return {
      read: sorted(this.read),
      written: this.written,
      dropped: sorted(this.dropped),
      notes: sorted(this.notes),
      chains: this.chains,
    };
  }
}

function sorted(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(counts).sort(byText)) out[key] = counts[key] as number;
  return out;
}
