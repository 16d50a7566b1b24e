import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Kind } from '../interchange';
import type { TableEvent } from './events';

/** A JSON Lines file of one kind, a line at a time (UTF-8; a byte order mark is dropped). */
export async function* readJsonLines(path: string, file: string, kind: Kind): AsyncGenerator<TableEvent> {
  yield { type: 'table', kind, at: { file, line: 0 } };
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield { type: 'problem', problem: { file, line, message: `not valid JSON: ${(e as Error).message}` } };
      continue;
    }
    yield { type: 'object', value, at: { file, line } };
  }
}
