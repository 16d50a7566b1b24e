import { codedError } from '../domain/errors';
import type { Dataset } from '../domain/model';
import { RowPlaces } from '../import/batch';
import { checkBatch } from '../import/check';
import { KINDS, type Kind } from '../interchange/format';
import type { ImportProblem } from '../interchange/problems';
import { RowParser } from '../interchange/rows';
import { emptyDataset, type ImportView } from '../store/port';

/**
 * A curation change is checked exactly as an import row is: the same field parsers (RowParser)
 * and the same checks across rows and against the store (checkBatch). Its problems come back as
 * one BAD_INPUT error naming each field of the mutation's input.
 */
export function parseRow<K extends Kind>(kind: K, input: Record<string, unknown>, source: string): Dataset[K][number] {
  const problems: ImportProblem[] = [];
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
  const row = new RowParser(kind, (p) => problems.push(p)).object(given, { file: source, line: 0 });
  if (!row || problems.length > 0) throw inputError(problems);
  return row as unknown as Dataset[K][number];
}

/** A data set of one row. */
export function single<K extends Kind>(kind: K, row: Dataset[K][number]): Dataset {
  const rows = emptyDataset();
  (rows[kind] as unknown[]).push(row);
  return rows;
}

/**
 * The checks an import of these rows would get against the store (references, self-loops, share
 * sums), as a function of the store's view, for the store to run when it writes.
 */
export function crossCheck(rows: Dataset): (view: ImportView) => void {
  return (view) => {
    const places = Object.fromEntries(KINDS.map((k) => [k, new RowPlaces()])) as Record<Kind, RowPlaces>;
    for (const kind of KINDS) for (const _row of rows[kind]) places[kind].add({ file: 'input', line: 0 });
    const problems: ImportProblem[] = [];
    checkBatch({ rows, places, rowsRead: 1 }, view, (p) => problems.push(p));
    if (problems.length > 0) throw inputError(problems);
  };
}

/** One BAD_INPUT error for the problems of a mutation's input, each with its field. */
export function inputError(problems: readonly ImportProblem[]) {
  const list = problems.map((p) => ({ field: p.field ? `input.${p.field}` : 'input', message: p.message }));
  return codedError('BAD_INPUT', list.map((p) => `${p.field}: ${p.message}`).join('; '), {
    argument: 'input',
    problems: list,
  });
}
