import { MAX_PROBLEMS } from '../domain/limits';

/** Where a row came from: a file and line, or a workbook, sheet and row. */
export interface Location {
  file: string;
  /** 1-based line of a text file, or row of a sheet; 0 for the file as a whole. */
  line: number;
  sheet?: string;
}

/** A problem found in input data, with where it is. */
export interface ImportProblem extends Location {
  field?: string;
  message: string;
  /**
   * The problem is the table's, not one row's (a file that cannot be read on, a header): no row of
   * the table can be trusted, so even an import told to skip invalid rows stops.
   */
  table?: boolean;
}

export function formatLocation(at: Location): string {
  return at.sheet === undefined ? `${at.file}:${at.line}` : `${at.file}[${at.sheet}]:row ${at.line}`;
}

export function formatProblem(p: ImportProblem): string {
  return `${formatLocation(p)}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

/** Thrown when input data has problems; nothing has been written. */
export class ImportError extends Error {
  constructor(
    /** The problems kept to list: the first MAX_PROBLEMS, sorted. */
    readonly problems: readonly ImportProblem[],
    /** Why, when it is not the input alone (the store changed while the import was checked). */
    readonly reason?: string,
    /** How many problems there were, kept or not. */
    readonly total = problems.length,
  ) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = total > shown.length ? `\n… and ${(total - shown.length).toLocaleString('en')} more` : '';
    const what = reason ? `: ${reason}` : ' in the input';
    super(`${total.toLocaleString('en')} problem(s)${what}; nothing was written:\n${shown.join('\n')}${more}`);
    this.name = 'ImportError';
  }
}

/**
 * Problems (or warnings) as they are found: the first `limit` kept to list, every one counted. Two
 * million bad rows would otherwise hold gigabytes of messages nobody reads past the first screen.
 */
export class ProblemList {
  readonly kept: ImportProblem[] = [];
  count = 0;
  /** Whether one of them is a whole table's (stops even an import that skips invalid rows). */
  table = false;

  constructor(private readonly limit = MAX_PROBLEMS) {}

  add = (p: ImportProblem): void => {
    this.count++;
    if (p.table) this.table = true;
    if (this.kept.length < this.limit) this.kept.push(p);
  };

  addAll(other: ProblemList): void {
    for (const p of other.kept) this.add(p);
    this.count += other.count - other.kept.length;
  }
}
