import { createReadStream, type ReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { TABLE_NAMES } from '../interchange';
import { kindOfFileName } from '../table-names';
import type { TableEvent } from './events';

/**
 * An .xlsx workbook with one sheet per kind, named as the kind (enterprises, controls, … or
 * 企业, 股权, …), streamed a row at a time; the first row of a sheet is its header.
 */
export async function* readWorkbook(path: string, file: string): AsyncGenerator<TableEvent[]> {
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
      const sheet = s.value;
      const name = (sheet as unknown as { name: string }).name;
      const kind = kindOfFileName(name);
      if (!kind) {
        const known = Object.values(TABLE_NAMES)
          .map((names) => names.join('/'))
          .join(', ');
        const message = `unknown sheet '${name}'; sheets are named ${known}`;
        yield [{ type: 'problem', problem: { file, sheet: name, line: 0, message } }];
        continue;
      }
      yield [{ type: 'table', kind, at: { file, sheet: name, line: 0 } }];
      let header: number | undefined;
      const rows = (sheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      for (let r = await next(rows); !r.done; r = await next(rows)) {
        const row = r.value;
        const values = cellValues(row.values as unknown[]);
        if (values.every((v) => v === undefined || v === '')) continue;
        const at = { file, sheet: name, line: row.number };
        if (header === undefined) {
          header = values.length;
          yield [{ type: 'header', values, at }];
        } else {
          // trailing empty cells are not missing fields
          while (values.length > header && (values.at(-1) === undefined || values.at(-1) === '')) values.pop();
          while (values.length < header) values.push(undefined);
          yield [{ type: 'values', values, at }];
        }
      }
    }
  } catch (e) {
    yield [
      {
        type: 'problem',
        problem: { file, line: 0, message: `not readable as an .xlsx workbook: ${workbookError(e as Error)}` },
      },
    ];
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
