import type { Dataset } from '../domain/model';
import type { ApplyCounts } from '../store/memory/memory-store';
import { type ReadProgress, readBatch } from './batch';
import { checkBatch, type ImportView } from './check';
import { resolveInputs } from './inputs';
import { ImportError, type ImportProblem } from './problems';
import type { Encoding } from './sources/events';

/** A store that can take an import. */
export interface ImportTarget {
  /** What the checks need to know of the store, for these rows (a remote store looks them up). */
  view(rows: Dataset): ImportView | Promise<ImportView>;
  /** What importing the rows would add, update and leave as it is, without doing it. */
  plan(data: Dataset): { counts: ApplyCounts } | Promise<{ counts: ApplyCounts }>;
  /**
   * Writes the rows durably and applies them, all or nothing. `check`, when given, is run on the
   * store's view as it is at the moment of writing (under the store's lock, or in the write
   * transaction), and stops the write by throwing.
   */
  commit(data: Dataset, note: string, check?: (view: ImportView) => void): Promise<ApplyCounts>;
}

export interface ImportOptions {
  /** Files, or folders of files. */
  paths: readonly string[];
  dryRun?: boolean;
  /** The encoding of CSV files; detected per file when not given. */
  encoding?: Encoding;
  onProgress?: (progress: ReadProgress) => void;
}

export interface ImportSummary {
  files: string[];
  rowsRead: number;
  counts: ApplyCounts;
  dryRun: boolean;
  /** Reading and checking; writing (or, for a dry run, counting). */
  seconds: { check: number; write: number };
}

/** A view of an empty store. */
export const EMPTY_VIEW: ImportView = { has: () => false, holdingsInto: () => [] };

/**
 * Reads and checks every row of the inputs, and every reference against the store's view; with any
 * problem, throws an ImportError listing them all.
 */
export async function readChecked(
  paths: readonly string[],
  viewOf: (rows: Dataset) => ImportView | Promise<ImportView>,
  options: Omit<ImportOptions, 'paths' | 'dryRun'> = {},
): Promise<{ rows: Dataset; files: string[]; rowsRead: number }> {
  const problems: ImportProblem[] = [];
  const report = (p: ImportProblem) => problems.push(p);
  const { inputs, problems: found } = resolveInputs(paths);
  problems.push(...found);
  if (inputs.length === 0 && problems.length === 0)
    report({ file: paths.join(' '), line: 0, message: 'no input files' });
  const batch = await readBatch(inputs, report, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  checkBatch(batch, await viewOf(batch.rows), report);
  if (problems.length > 0) throw new ImportError(problems.sort(byPlace));
  return { rows: batch.rows, files: inputs.map((i) => i.file), rowsRead: batch.rowsRead };
}

/** Reads a whole data set from interchange files, checked as an import into an empty store. */
export async function readDataset(paths: readonly string[]): Promise<Dataset> {
  return (await readChecked(paths, () => EMPTY_VIEW)).rows;
}

/**
 * Imports interchange files into a store: reads and checks everything first; with any
 * problem, throws an ImportError listing them all and writes nothing.
 */
export async function importFiles(target: ImportTarget, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { rows, files, rowsRead } = await readChecked(options.paths, (rows) => target.view(rows), options);
  const checked = performance.now();
  const note = `import ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
  const counts = options.dryRun ? (await target.plan(rows)).counts : await target.commit(rows, note);
  const written = performance.now();
  return {
    files,
    rowsRead,
    counts,
    dryRun: options.dryRun ?? false,
    seconds: { check: (checked - started) / 1e3, write: (written - checked) / 1e3 },
  };
}

/** Files that cannot be read and headers first (they explain what follows), then by place. */
function byPlace(a: ImportProblem, b: ImportProblem): number {
  const early = (p: ImportProblem) => (p.line === 0 || /column/.test(p.message) ? 0 : 1);
  return (
    early(a) - early(b) ||
    a.file.localeCompare(b.file) ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    a.line - b.line
  );
}
