import { MAX_PROBLEMS, MAX_REJECTS_KEPT } from '../domain/limits';
import type { Dataset } from '../domain/model';
import { ImportError, type ImportProblem, type Location, ProblemList } from '../interchange/problems';
import type { Encoding } from '../interchange/sources/events';
import type { ApplyCounts, ImportTarget, ImportView } from '../store/port';
import { type Batch, type ReadProgress, readBatch } from './batch';
import { checkBatch } from './check';
import { type Derivation, deriveFields } from './derive';
import { resolveInputs } from './inputs';
import { placeKey, placeOf, withoutRows } from './reject';

export interface ReadOptions {
  /** The encoding of CSV files; detected per file when not given. */
  encoding?: Encoding;
  onProgress?: (progress: ReadProgress) => void;
  /** Keep columns the format does not know (as enterprise attributes) instead of refusing them. */
  keepExtraColumns?: boolean;
  /**
   * Write the valid rows and leave out the invalid ones (returned as `rejected`), like
   * neo4j-admin's --skip-bad-relationships; without it, any problem stops the whole import.
   * A problem of a whole table (an unreadable file, a bad header) stops it all the same.
   */
  skipInvalid?: boolean;
}

export interface ImportOptions extends ReadOptions {
  /** Files, or folders of files. */
  paths: readonly string[];
  dryRun?: boolean;
}

/**
 * A row left out of an import, with every problem found in it; past the first MAX_REJECTS_KEPT
 * rows left out, by its place alone (so that millions of bad rows do not fill the memory).
 */
export interface RejectedRow extends Location {
  problems?: { field?: string; message: string }[];
  /** The row as read (a JSON object, a CSV or sheet row's cells, or the typed row). */
  row?: unknown;
}

export interface Checked {
  rows: Dataset;
  files: string[];
  rowsRead: number;
  /** Worth saying; stopped nothing. The first MAX_PROBLEMS of them. */
  warnings: ImportProblem[];
  /** How many warnings there were, kept or not. */
  warningCount: number;
  /** With skipInvalid: the rows left out. */
  rejected: RejectedRow[];
  derivation: Derivation;
}

export interface ImportSummary extends Omit<Checked, 'rows'> {
  counts: ApplyCounts;
  dryRun: boolean;
  /** Reading and checking; writing (or, for a dry run, counting). */
  seconds: { check: number; write: number };
}

/** A view of an empty store. */
export const EMPTY_VIEW: ImportView = {
  has: () => false,
  holdingsInto: () => [],
  home: () => undefined,
  derivedOf: () => undefined,
  named: () => [],
  segment: () => undefined,
};

/** Rounds of checks with skipInvalid: leaving a row out can make another invalid (a reference to it). */
const MAX_ROUNDS = 10;

/**
 * Reads and checks every row of the inputs, and every reference against the store's view, then
 * derives what rows leave out (short names, `local`). With any problem, throws an ImportError
 * listing them all; with skipInvalid, leaves the rows with problems out instead.
 */
export async function readChecked(
  paths: readonly string[],
  viewOf: (rows: Dataset) => ImportView | Promise<ImportView>,
  options: ReadOptions = {},
): Promise<Checked> {
  const { batch, view, ...checked } = await readUnderived(paths, viewOf, options);
  const derivation = deriveFields(batch.rows.enterprises, batch.rows.district[0] ?? view.home(), view);
  return {
    ...checked,
    rows: batch.rows,
    ...moreWarnings(checked, derivationWarnings(batch, view, checked.files, derivation)),
    derivation,
  };
}

/** What readChecked finds before it derives: the batch of rows that passed, and the view they were checked on. */
async function readUnderived(
  paths: readonly string[],
  viewOf: (rows: Dataset) => ImportView | Promise<ImportView>,
  options: ReadOptions,
): Promise<Omit<Checked, 'rows' | 'derivation'> & { batch: Batch; view: ImportView }> {
  // problems and warnings are kept up to MAX_PROBLEMS each, and counted beyond
  const problems = new ProblemList();
  const warnings = new ProblemList();
  // with skipInvalid: every row left out, by place; its problems and the row as read for the first MAX_REJECTS_KEPT
  const rejected = new Set<string>();
  const details = new Map<string, ImportProblem[]>();
  const raws = new Map<string, unknown>();
  const report = (p: ImportProblem) => {
    problems.add(p);
    if (!options.skipInvalid || p.table) return;
    const key = placeKey(p);
    rejected.add(key);
    const list = details.get(key);
    if (list) list.push(p);
    else if (details.size < MAX_REJECTS_KEPT) details.set(key, [p]);
  };
  const keepRaw = (key: string, raw: unknown) => {
    if (details.has(key) && !raws.has(key)) raws.set(key, raw);
  };
  const { inputs, problems: found } = resolveInputs(paths);
  for (const p of found) report({ ...p, table: true });
  if (inputs.length === 0 && problems.count === 0)
    report({ file: paths.join(' '), line: 0, message: 'no input files', table: true });
  let batch: Batch = await readBatch(inputs, report, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    rows: { keepExtraColumns: options.keepExtraColumns ?? false, warn: warnings.add },
    ...(options.skipInvalid ? { onBadRow: (at: Location, raw: unknown) => keepRaw(placeKey(at), raw) } : {}),
  });
  const view = await viewOf(batch.rows);
  let handled = 0;
  for (let round = 0; ; round++) {
    const roundWarnings = new ProblemList();
    checkBatch(batch, view, report, roundWarnings.add);
    const clean = problems.count === handled;
    if (!clean && (!options.skipInvalid || problems.table || round >= MAX_ROUNDS))
      throw new ImportError(problems.kept.sort(byPlace), undefined, problems.count);
    if (clean) {
      warnings.addAll(roundWarnings);
      break;
    }
    handled = problems.count;
    batch = withoutRows(batch, rejected, keepRaw);
  }
  const rows: RejectedRow[] = [];
  for (const key of rejected) {
    const list = details.get(key);
    if (!list) {
      rows.push(placeOf(key));
      continue;
    }
    rows.push({
      ...location(list[0] as ImportProblem),
      problems: list.map((p) => (p.field ? { field: p.field, message: p.message } : { message: p.message })),
      ...(raws.get(key) !== undefined ? { row: raws.get(key) } : {}),
    });
  }
  return {
    batch,
    view,
    files: inputs.map((i) => i.file),
    rowsRead: batch.rowsRead,
    warnings: warnings.kept,
    warningCount: warnings.count,
    rejected: rows,
  };
}

/** What the derivation is worth saying: enterprises taken as outside the district for want of a home or a place. */
function derivationWarnings(
  batch: Batch,
  view: ImportView,
  files: readonly string[],
  derivation: Derivation,
): ImportProblem[] {
  const home = batch.rows.district[0] ?? view.home();
  if (derivation.derived.local > 0 && !home)
    return [
      {
        file: files[0] ?? '',
        line: 0,
        message: `no home district is known (give a district table, e.g. district.csv with 名称 江汉区): ${derivation.derived.local} enterprise(s) without 'local' are taken as outside the district`,
      },
    ];
  if (derivation.unlocated > 0)
    return [
      {
        file: files[0] ?? '',
        line: 0,
        message: `${derivation.unlocated} enterprise(s) give neither 'local' nor a district, address, city or province: taken as outside ${home?.name}`,
      },
    ];
  return [];
}

/**
 * The checks of `batch` again, on the store's view at the moment of writing: under the embedded
 * store's lock, or in Neo4j's write transaction after its write lock. Another import or an edit
 * may have committed since the rows were first checked (two imports each holding 60% of one
 * firm); the import is then refused, naming each conflict with its file, line and field.
 */
export function recheck(batch: Batch, view: ImportView): void {
  const problems = new ProblemList();
  checkBatch(batch, view, problems.add, undefined, { storeOnly: true });
  if (problems.count > 0) throw new ImportError(problems.kept.sort(byPlace), CHANGED_MEANWHILE, problems.count);
}

const CHANGED_MEANWHILE =
  'the store changed while the import was read and checked (another import or an edit committed first), ' +
  'and the rows no longer fit it; run the import again';

const location = (p: Location): Location =>
  p.sheet === undefined ? { file: p.file, line: p.line } : { file: p.file, sheet: p.sheet, line: p.line };

/** Reads a whole data set from interchange files, checked as an import into an empty store. */
export async function readDataset(paths: readonly string[]): Promise<Dataset> {
  return (await readChecked(paths, () => EMPTY_VIEW)).rows;
}

/**
 * Imports interchange files into a store: reads and checks everything first; with any
 * problem, throws an ImportError listing them all and writes nothing (with skipInvalid: writes
 * the valid rows and returns the others as `rejected`). The rows are checked again, and their
 * short names and `local` derived, on the store as it is when they are written, under the
 * store's lock: what committed meanwhile is counted, and a conflict with it writes nothing.
 */
export async function importFiles(target: ImportTarget, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  if (options.dryRun) {
    const { rows, ...checked } = await readChecked(options.paths, (rows) => target.view(rows), options);
    const done = performance.now();
    const { counts } = await target.plan(rows);
    return { ...checked, counts, dryRun: true, seconds: seconds(started, done, performance.now()) };
  }
  const { batch, view: _view, ...checked } = await readUnderived(options.paths, (rows) => target.view(rows), options);
  const done = performance.now();
  const files = checked.files;
  const note = `import ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
  let derived: { derivation: Derivation; warnings: ImportProblem[] } | undefined;
  const counts = await target.commit(batch.rows, note, (view) => {
    recheck(batch, view);
    // as the checks: on the store as it is now (an enterprise another write added is no longer new)
    const derivation = deriveFields(batch.rows.enterprises, batch.rows.district[0] ?? view.home(), view);
    derived = { derivation, warnings: derivationWarnings(batch, view, files, derivation) };
  });
  const { derivation, warnings } = derived ?? { derivation: NOTHING_DERIVED, warnings: [] };
  return {
    ...checked,
    ...moreWarnings(checked, warnings),
    derivation,
    counts,
    dryRun: false,
    seconds: seconds(started, done, performance.now()),
  };
}

/** The warnings with some more (a few, of the derivation), kept within MAX_PROBLEMS. */
const moreWarnings = (checked: { warnings: ImportProblem[]; warningCount: number }, more: ImportProblem[]) => ({
  warnings: [...checked.warnings, ...more].slice(0, MAX_PROBLEMS),
  warningCount: checked.warningCount + more.length,
});

const NOTHING_DERIVED: Derivation = { unlocated: 0, derived: { shortName: 0, local: 0 } };

const seconds = (started: number, checked: number, written: number) => ({
  check: (checked - started) / 1e3,
  write: (written - checked) / 1e3,
});

/** Files that cannot be read and headers first (they explain what follows), then by place. */
function byPlace(a: ImportProblem, b: ImportProblem): number {
  const early = (p: ImportProblem) => (p.line === 0 || p.table || /column/.test(p.message) ? 0 : 1);
  return (
    early(a) - early(b) ||
    a.file.localeCompare(b.file) ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    a.line - b.line
  );
}
