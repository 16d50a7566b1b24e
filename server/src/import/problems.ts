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
    readonly problems: readonly ImportProblem[],
    /** Why, when it is not the input alone (the store changed while the import was checked). */
    readonly reason?: string,
  ) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = problems.length > 50 ? `\n… and ${problems.length - 50} more` : '';
    const what = reason ? `: ${reason}` : ' in the input';
    super(`${problems.length} problem(s)${what}; nothing was written:\n${shown.join('\n')}${more}`);
    this.name = 'ImportError';
  }
}
