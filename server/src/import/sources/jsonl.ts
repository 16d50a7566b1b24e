import type { Kind } from '../interchange';
import type { TableEvent } from './events';
import { readLineBatches } from './lines';

/** A JSON Lines file of one kind (UTF-8; a byte order mark is dropped), in batches of events. */
export async function* readJsonLines(path: string, file: string, kind: Kind): AsyncGenerator<TableEvent[]> {
  yield [{ type: 'table', kind, at: { file, line: 0 } }];
  const batches = readLineBatches(path);
  for (;;) {
    let next: IteratorResult<{ first: number; lines: string[] }>;
    try {
      next = await batches.next();
    } catch (e) {
      yield [{ type: 'problem', problem: { file, line: 0, message: (e as Error).message.replace(`${path}: `, '') } }];
      return;
    }
    if (next.done) return;
    const { first, lines } = next.value;
    const events: TableEvent[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = first + i;
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
