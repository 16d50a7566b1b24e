import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { KINDS, type Kind, TABLE_NAMES } from '../interchange/format';
import type { ImportProblem } from '../interchange/problems';
import { readCsv } from '../interchange/sources/csv';
import { detectEncoding } from '../interchange/sources/encoding';
import type { Encoding, TableEvent } from '../interchange/sources/events';
import { readJsonLines } from '../interchange/sources/jsonl';
import { readWorkbook } from '../interchange/sources/xlsx';
import { kindOfFileName } from '../interchange/table-names';

/** One input file and how to read it. */
export interface Input {
  path: string;
  /** The name problems are reported under. */
  file: string;
  format: 'jsonl' | 'csv' | 'xlsx';
  /** For JSON Lines and CSV: the kind, from the file name. Workbooks name it per sheet. */
  kind?: Kind;
}

const FORMATS: Record<string, Input['format']> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
};

/** The input files named by paths (files, or folders of files), in the order kinds are read. */
export function resolveInputs(paths: readonly string[]): { inputs: Input[]; problems: ImportProblem[] } {
  const inputs: Input[] = [];
  const problems: ImportProblem[] = [];
  const cwd = process.cwd();
  const add = (path: string, fromFolder: boolean) => {
    const inside = relative(cwd, path);
    const file = inside && !inside.startsWith('..') ? inside : path;
    const format = FORMATS[extname(path).toLowerCase()];
    if (!format) {
      if (!fromFolder) problems.push({ file, line: 0, message: 'is not a .jsonl, .csv or .xlsx file' });
      return;
    }
    const kind = format === 'xlsx' ? undefined : kindOfFileName(path);
    if (format !== 'xlsx' && !kind) {
      const names = KINDS.map((k) => TABLE_NAMES[k].join('/')).join(', ');
      problems.push({
        file,
        line: 0,
        message: `cannot tell what it holds from its name; name it after its kind: ${names}`,
      });
      return;
    }
    inputs.push({ path, file, format, ...(kind ? { kind } : {}) });
  };
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      problems.push({ file: path, line: 0, message: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        // dot files, and the ~$ lock files Office leaves beside an open workbook, are not data
        if (!name.startsWith('.') && !name.startsWith('~$') && statSync(join(path, name)).isFile())
          add(join(path, name), true);
      }
    } else add(path, false);
  }
  const order = (i: Input) => (i.kind ? KINDS.indexOf(i.kind) : -1);
  inputs.sort((a, b) => order(a) - order(b));
  return { inputs, problems };
}

/** The tables of an input, as a stream of batches of events. */
export function readInput(input: Input, encoding?: Encoding): AsyncGenerator<TableEvent[]> {
  switch (input.format) {
    case 'jsonl':
      return readJsonLines(input.path, input.file, input.kind as Kind);
    case 'csv':
      return readCsv(input.path, input.file, input.kind as Kind, encoding ?? detectEncoding(input.path));
    case 'xlsx':
      return readWorkbook(input.path, input.file);
  }
}
