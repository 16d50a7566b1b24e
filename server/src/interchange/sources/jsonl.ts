import { MAX_LINE_BYTES } from '../../domain/limits';
import type { Kind } from '../format';
import type { TableEvent } from './events';
import { type LineBatch, readLineBatches } from './lines';

/**
 * A JSON Lines file of one kind (UTF-8; a byte order mark is dropped), in batches of events. A line
 * that is not UTF-8 or not JSON, or is longer than MAX_LINE_BYTES, is a problem of that line's row
 * (a line feed always ends a line): the lines after it are read on.
 */
export async function* readJsonLines(path: string, file: string, kind: Kind): AsyncGenerator<TableEvent[]> {
  yield [{ type: 'table', kind, at: { file, line: 0 } }];
  const batches = readLineBatches(path, { maxLineBytes: MAX_LINE_BYTES, keepBad: true });
  for (;;) {
    let next: IteratorResult<LineBatch>;
    try {
      next = await batches.next();
    } catch (e) {
      yield [{ type: 'problem', problem: { file, line: 0, message: (e as Error).message.replace(`${path}: `, '') } }];
      return;
    }
    if (next.done) return;
    const { first, lines, bad } = next.value;
    const events: TableEvent[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = first + i;
      const why = bad?.get(i);
      if (why !== undefined) {
        events.push({ type: 'problem', problem: { file, line, message: why } });
        continue;
      }
      const text = line === 1 ? (lines[i] as string).replace(/^\uFEFF/, '') : (lines[i] as string);
      if (text.trim() === '') continue;
      try {
        events.push({ type: 'object', value: JSON.parse(text), at: { file, line } });
      } catch (e) {
        events.push({ type: 'problem', problem: { file, line, message: `not valid JSON: ${(e as Error).message}` } });
      }
    }
    yield events;
  }
}
