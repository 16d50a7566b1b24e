import type { Dataset } from '../domain/model';
import { KINDS, type Kind } from '../interchange/format';
import type { ImportProblem, Location } from '../interchange/problems';
import { type RowOptions, RowParser } from '../interchange/rows';
import type { Encoding } from '../interchange/sources/events';
import { type Input, readInput } from './inputs';

/** Where each row of a batch came from, kept compactly: a table list and two numbers a row. */
export class RowPlaces {
  private readonly tables: Omit<Location, 'line'>[] = [];
  private readonly table: number[] = [];
  private readonly line: number[] = [];

  add(at: Location): void {
    let t = this.tables.length - 1;
    const last = this.tables[t];
    if (!last || last.file !== at.file || last.sheet !== at.sheet) {
      this.tables.push(at.sheet === undefined ? { file: at.file } : { file: at.file, sheet: at.sheet });
      t++;
    }
    this.table.push(t);
    this.line.push(at.line);
  }

  at(index: number): Location {
    return { ...(this.tables[this.table[index] ?? 0] ?? { file: '?' }), line: this.line[index] ?? 0 };
  }
}

/** The rows read from the inputs of one import, each kind with the places of its rows. */
export interface Batch {
  rows: Dataset;
  places: { [K in Kind]: RowPlaces };
  /** Rows read, good or bad. */
  rowsRead: number;
}

export interface ReadProgress {
  rows: number;
  file: string;
}

/**
 * Reads every input, a row at a time, into a batch of typed rows; every problem goes to
 * `report`. Rows with problems are left out of the batch.
 */
export async function readBatch(
  inputs: readonly Input[],
  report: (problem: ImportProblem) => void,
  options: {
    encoding?: Encoding;
    onProgress?: (p: ReadProgress) => void;
    rows?: RowOptions;
    /** Each row left out for its problems, with what was read of it. */
    onBadRow?: (at: Location, raw: unknown) => void;
  } = {},
): Promise<Batch> {
  const rows = Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Dataset;
  const places = Object.fromEntries(KINDS.map((k) => [k, new RowPlaces()])) as { [K in Kind]: RowPlaces };
  let rowsRead = 0;
  for (const input of inputs) {
    let parser: RowParser | undefined;
    let readable = true;
    for await (const events of readInput(input, options.encoding)) {
      for (const event of events) {
        if (event.type === 'table') {
          parser = new RowParser(event.kind, report, options.rows);
          readable = true;
          continue;
        }
        if (event.type === 'problem') {
          // a line of JSON Lines that is not JSON is that row's; any other reading problem stops the table
          const rowOnly = input.format === 'jsonl' && event.problem.line > 0;
          report(rowOnly ? event.problem : { ...event.problem, table: true });
          if (rowOnly) options.onBadRow?.(event.problem, undefined);
          continue;
        }
        if (!parser || !readable) continue;
        if (event.type === 'header') {
          readable = parser.header(event.values, event.at);
          continue;
        }
        rowsRead++;
        if ((rowsRead & 0xffff) === 0) options.onProgress?.({ rows: rowsRead, file: input.file });
        const row =
          event.type === 'values' ? parser.values(event.values, event.at) : parser.object(event.value, event.at);
        if (row) {
          (rows[parser.kind] as unknown[]).push(row);
          places[parser.kind].add(event.at);
        } else options.onBadRow?.(event.at, event.type === 'values' ? event.values : event.value);
      }
    }
  }
  options.onProgress?.({ rows: rowsRead, file: '' });
  return { rows, places, rowsRead };
}
