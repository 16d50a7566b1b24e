import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a UTF-8 text file, streamed in batches (one per chunk read) with the number of
 * the first line of each batch: far cheaper than a line at a time through readline.
 */
export async function* readLineBatches(path: string): AsyncGenerator<{ first: number; lines: string[] }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let next = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.write(chunk as Buffer);
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (lines.length === 0) continue;
    yield { first: next, lines: lines.map(dropCr) };
    next += lines.length;
  }
  rest += decoder.end();
  if (rest !== '') yield { first: next, lines: [dropCr(rest)] };
}

const dropCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
