import { createReadStream } from 'node:fs';

/**
 * The lines of a UTF-8 text file, streamed in batches (one per chunk read) with the number of
 * the first line of each batch: far cheaper than a line at a time through readline.
 */
export async function* readLineBatches(path: string): AsyncGenerator<{ first: number; lines: string[] }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let next = 1;
  const notUtf8 = () =>
    new Error(
      `${path}: line ${next + rest.split('\n').length - 1} or after is not UTF-8 text; JSON Lines files are UTF-8.`,
    );
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let decoded: string;
    try {
      decoded = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      throw notUtf8();
    }
    const text = rest + decoded;
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (lines.length === 0) continue;
    yield { first: next, lines: lines.map(dropCr) };
    next += lines.length;
  }
  try {
    // a character cut short by the end of the file
    rest += decoder.decode();
  } catch {
    throw notUtf8();
  }
  if (rest !== '') yield { first: next, lines: [dropCr(rest)] };
}

const dropCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
