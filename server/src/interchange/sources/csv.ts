import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { MAX_LINE_BYTES } from '../../domain/limits';
import type { Kind } from '../format';
import { decoder, EncodingError, LineTooLongError, lineAt } from './encoding';
import type { Encoding, TableEvent } from './events';

/** A CSV file of one kind, streamed: its header, then a record at a time with its line number. */
export async function* readCsv(
  path: string,
  file: string,
  kind: Kind,
  encoding: Encoding,
): AsyncGenerator<TableEvent[]> {
  yield [{ type: 'table', kind, at: { file, line: 0 } }];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    trim: false,
    // a stray quote would make the rest of the file one record, held whole
    max_record_size: MAX_LINE_BYTES,
  });
  const reading = pipeline(createReadStream(path), decoder(encoding), parser);
  // its failure is the parser's too, and is met below; it may come while the reader is elsewhere
  // (finding the line of a problem) or after it stopped reading early
  reading.catch(() => {});
  let first = true;
  let failed = false;
  let batch: TableEvent[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const at = { file, line: info.lines };
      if (first) {
        first = false;
        batch.push({ type: 'header', values: record, at });
      } else batch.push({ type: 'values', values: record, at });
      if (batch.length >= 1024) {
        yield batch;
        batch = [];
      }
    }
    yield batch;
    await reading;
  } catch (e) {
    failed = true;
    const error = e as Error & { lines?: number };
    const message = e instanceof EncodingError ? error.message : `not readable as CSV: ${error.message}`;
    // the decoder's errors know where their line starts; csv-parse's, its number
    const line =
      e instanceof EncodingError || e instanceof LineTooLongError
        ? await lineAt(path, e.offset, encoding)
        : (error.lines ?? 0);
    yield [...batch, { type: 'problem', problem: { file, line, message } }];
  }
  if (first && !failed) yield [{ type: 'problem', problem: { file, line: 1, message: 'has no header row' } }];
}
