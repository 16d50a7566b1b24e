import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** Bad input: the file and line it was found at, and what is wrong. */
export class ConvertError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ConvertError';
  }
}

function mustExist(file: string): void {
  if (!existsSync(file)) throw new ConvertError(file, 0, 'no such file');
  if (!statSync(file).isFile()) throw new ConvertError(file, 0, 'is not a file');
}

/** Each line of a text file with its number (from 1), read as a stream. */
async function* linesOf(file: string): AsyncGenerator<{ text: string; line: number }> {
  mustExist(file);
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    yield { text: line === 1 ? text.replace(/^\uFEFF/, '') : text, line };
  }
}

/** A JSON Lines file's objects, one a line (blank lines passed over); a bad line is an error. */
export async function readJsonl(file: string, each: (row: Record<string, unknown>, line: number) => void) {
  let rows = 0;
  for await (const { text, line } of linesOf(file)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConvertError(file, line, `not valid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new ConvertError(file, line, 'not a JSON object');
    each(value as Record<string, unknown>, line);
    rows += 1;
  }
  return rows;
}

/** The fields of one CSV line ("" inside quotes is a quote); undefined if a quote is left open. */
export function csvFields(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

/** A CSV file's records as objects by header (records on one line each); bad lines are errors. */
export async function readCsv(file: string, each: (row: Record<string, string>, line: number) => void) {
  let header: string[] | undefined;
  let rows = 0;
  for await (const { text, line } of linesOf(file)) {
    if (text.trim() === '') continue;
    const fields = csvFields(text);
    if (!fields) throw new ConvertError(file, line, 'a quoted field is not closed');
    if (!header) {
      header = fields.map((h) => h.trim());
      continue;
    }
    if (fields.length !== header.length)
      throw new ConvertError(file, line, `has ${fields.length} fields, the header has ${header.length}`);
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = fields[i] ?? '';
    });
    each(row, line);
    rows += 1;
  }
  if (!header) throw new ConvertError(file, 0, 'is empty (no header)');
  return rows;
}

/** A required text field of a row, trimmed; a missing or empty one is an error at that line. */
export function textField(row: Record<string, unknown>, field: string, file: string, line: number): string {
  const value = row[field];
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (text === '') throw new ConvertError(file, line, `field '${field}' is missing or empty`);
  return text;
}
