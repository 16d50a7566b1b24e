import { createReadStream, type ReadStream, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { TABLE_NAMES } from '../format';
import { kindOfFileName } from '../table-names';
import type { TableEvent } from './events';

/**
 * Workbooks up to this size are read whole, in memory; larger ones are streamed. The streaming
 * reader writes a sheet that comes before the shared strings to a temporary file, and when the
 * workbook is damaged it can go on working after the read has given up and fail on a file that is
 * gone, outside anything that could catch it (an uncaught exception: the import would crash).
 * Read whole, a workbook's problems are the read's own.
 */
export const WHOLE_WORKBOOK_BYTES = 32 * 1024 * 1024;

/**
 * An .xlsx workbook with one sheet per kind, named as the kind (enterprises, controls, … or
 * 企业, 股权, …), a row at a time; the first row of a sheet is its header.
 */
export async function* readWorkbook(
  path: string,
  file: string,
  wholeUpTo = WHOLE_WORKBOOK_BYTES,
): AsyncGenerator<TableEvent[]> {
  if (statSync(path).size <= wholeUpTo) yield* readWhole(path, file);
  else yield* readStreamed(path, file);
}

/** A workbook read whole (exceljs's Workbook.xlsx.load). */
async function* readWhole(path: string, file: string): AsyncGenerator<TableEvent[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  } catch (e) {
    yield [unreadable(file, e as Error)];
    return;
  }
  for (const sheet of workbook.worksheets) {
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      rows.push(row);
    });
    yield* sheetEvents(file, sheet.name, rows);
  }
}

/**
 * The events of one sheet, read whole or streamed: its table, its header and its rows (or a
 * problem: an unknown sheet).
 */
async function* sheetEvents(
  file: string,
  name: string,
  rows: Iterable<ExcelJS.Row> | AsyncIterable<ExcelJS.Row>,
): AsyncGenerator<TableEvent[]> {
  const kind = kindOfFileName(name);
  if (!kind) {
    yield [{ type: 'problem', problem: { file, sheet: name, line: 0, message: unknownSheet(name) } }];
    return;
  }
  yield [{ type: 'table', kind, at: { file, sheet: name, line: 0 } }];
  let header: number | undefined;
  let batch: TableEvent[] = [];
  for await (const row of rows) {
    const event = rowEvent(file, name, row, header);
    if (!event) continue;
    if (event.type === 'header') header = event.values.length;
    batch.push(event);
    if (batch.length >= 1024) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A row as the header (the first with a value) or as values padded to the header; undefined when empty. */
function rowEvent(file: string, sheet: string, row: ExcelJS.Row, header: number | undefined): TableEvent | undefined {
  const values = cellValues(row.values as unknown[]);
  if (values.every((v) => v === undefined || v === '')) return undefined;
  const at = { file, sheet, line: row.number };
  if (header === undefined) return { type: 'header', values, at };
  // trailing empty cells are not missing fields
  while (values.length > header && (values.at(-1) === undefined || values.at(-1) === '')) values.pop();
  while (values.length < header) values.push(undefined);
  return { type: 'values', values, at };
}

const unknownSheet = (name: string) => {
  const known = Object.values(TABLE_NAMES)
    .map((names) => names.join('/'))
    .join(', ');
  return `unknown sheet '${name}'; sheets are named ${known}`;
};

const unreadable = (file: string, e: Error): TableEvent => ({
  type: 'problem',
  problem: { file, line: 0, message: `not readable as an .xlsx workbook: ${workbookError(e)}` },
});

/** A workbook streamed a row at a time (exceljs's WorkbookReader), for the big ones. */
async function* readStreamed(path: string, file: string): AsyncGenerator<TableEvent[]> {
  const input = createReadStream(path);
  const broken = watchUnzip(input);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  // every step races the unzip parser's failure: see watchUnzip
  const next = <T>(iterator: AsyncIterator<T>) => Promise.race([iterator.next(), broken]);
  try {
    const sheets = workbook[Symbol.asyncIterator]();
    for (let s = await next(sheets); !s.done; s = await next(sheets)) {
      const sheet = s.value as unknown as { name: string } & AsyncIterable<ExcelJS.Row>;
      const rows = sheet[Symbol.asyncIterator]();
      yield* sheetEvents(file, sheet.name, { [Symbol.asyncIterator]: () => ({ next: () => next(rows) }) });
    }
  } catch (e) {
    yield [unreadable(file, e as Error)];
  } finally {
    input.destroy();
  }
}

/**
 * A promise that rejects when the unzip parser exceljs pipes `input` into fails. When inflating a
 * damaged entry fails, that parser emits the error, but exceljs's reader is then waiting on the
 * entry, which neither ends nor fails: the read would wait for ever (and a process with nothing
 * else to do would exit, silently, with nothing read and nothing said).
 */
function watchUnzip(input: ReadStream): Promise<never> {
  let fail: (e: unknown) => void = () => {};
  const broken = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  broken.catch(() => {}); // raced at every step; nobody else waits on it
  input.on('error', fail);
  const pipe = input.pipe.bind(input);
  input.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }) => {
    (destination as unknown as NodeJS.EventEmitter).on('error', fail);
    return pipe(destination, options);
  }) as typeof input.pipe;
  return broken;
}

/** exceljs gives row.values 1-based, with formulas, rich text and links as objects. */
function cellValues(values: unknown[]): unknown[] {
  // Array.from visits the holes of the sparse array that map would skip.
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => {
    const v = values[i + 1];
    if (v === null || typeof v !== 'object' || v instanceof Date) return v ?? undefined;
    const cell = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in cell) return cell.result;
    if (cell.richText) return cell.richText.map((r) => r.text).join('');
    if (typeof cell.text === 'string') return cell.text;
    return undefined;
  });
}

/** What a damaged workbook's error says, without the reader's internals ("Cannot read properties of undefined"). */
export function workbookError(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  // the file system's own words are the user's business (no such file, no permission)
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return e.message;
  // anything exceljs or its unzip parser throws is about its insides, in its words: not the user's
  return 'it is damaged, or not an .xlsx workbook (open it in Excel or WPS and save it again as .xlsx)';
}
