/** A problem found in input data, with where it is. */
export interface ImportProblem {
  file: string;
  /** 1-based line number. */
  line: number;
  field?: string;
  message: string;
}

export function formatProblem(p: ImportProblem): string {
  return `${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

/** Thrown when input data has problems; nothing has been written. */
export class ImportError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = problems.length > 50 ? `\n… and ${problems.length - 50} more` : '';
    super(`${problems.length} problem(s) in the input; nothing was written:\n${shown.join('\n')}${more}`);
    this.name = 'ImportError';
  }
}
