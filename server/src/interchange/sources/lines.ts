import { createReadStream } from 'node:fs';

export interface LineBatch {
  /** The number of the first line of `lines`. */
  first: number;
  /** The lines, without their line ends; a line in `bad` is ''. */
  lines: string[];
  /** Lines that could not be read (with `keepBad`), by index in `lines`: why. */
  bad?: Map<number, string>;
}

export interface LineOptions {
  /** The longest line, in bytes without its line end; a longer one is bad (default: no limit). */
  maxLineBytes?: number;
  /**
   * Report a line that is not UTF-8 text or is too long in the batch's `bad` and read on; without
   * it, such a line stops the reading with an Error naming the file and the line.
   */
  keepBad?: boolean;
}

const NEWLINE = 0x0a;

/**
 * The lines of a UTF-8 text file, streamed in batches (one per chunk read) with the number of
 * the first line of each batch: far cheaper than a line at a time through readline. The bytes are
 * cut into lines before they are decoded (a line feed is never part of a longer UTF-8 character),
 * so a line that is not UTF-8 is known by its number, and the work is linear in the file's size
 * whatever its lines' lengths: a line without a line end is gathered as a list of chunks (and
 * dropped, once it is over `maxLineBytes`), never joined again and again.
 */
export async function* readLineBatches(path: string, options: LineOptions = {}): AsyncGenerator<LineBatch> {
  const max = options.maxLineBytes ?? Number.POSITIVE_INFINITY;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The start of the line under way: chunks without a line end. */
  let carry: Buffer[] = [];
  let carryBytes = 0;
  /** The line under way is over the limit: its bytes are dropped until its end. */
  let tooLong = false;
  let next = 1;

  const badLine = (line: number, why: string): string => {
    if (!options.keepBad) throw new Error(`${path}: line ${line} ${why}`);
    return why;
  };
  const tooLongWhy = () => `is longer than ${max.toLocaleString('en')} bytes`;
  const notUtf8 = 'is not UTF-8 text; JSON Lines files are UTF-8';

  /** Decodes whole lines (`bytes` ends at a line end, or at the end of the file). */
  const decodeLines = (bytes: Buffer, first: number, batch: LineBatch) => {
    let text: string | undefined;
    try {
      text = decoder.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const lines = text.split('\n');
      if (text.endsWith('\n')) lines.pop();
      for (const l of lines) batch.lines.push(dropCr(l));
      return;
    }
    // some line is not UTF-8: find which, a line at a time
    let start = 0;
    let line = first;
    while (start < bytes.length) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end === -1) end = bytes.length;
      try {
        batch.lines.push(dropCr(decoder.decode(bytes.subarray(start, end))));
      } catch {
        setBad(batch, batch.lines.length, badLine(line, notUtf8));
        batch.lines.push('');
      }
      start = end + 1;
      line++;
    }
  };

  // no line inside a chunk is longer than the limit: only the one under way at its start is checked
  const highWaterMark = Math.max(1, Math.min(1 << 20, max));
  let started = false;
  for await (const read of createReadStream(path, { highWaterMark })) {
    let chunk = read as Buffer;
    if (!started) {
      started = true;
      // a byte order mark (a U+FEFF further on is text)
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      if (!tooLong) {
        carry.push(chunk);
        carryBytes += chunk.length;
        if (carryBytes > max) {
          tooLong = true;
          carry = [];
          carryBytes = 0;
        }
      }
      continue;
    }
    const batch: LineBatch = { first: next, lines: [] };
    const firstEnd = chunk.indexOf(NEWLINE);
    let from = 0;
    // the line under way ends in this chunk
    if (tooLong || carryBytes + firstEnd > max) {
      setBad(batch, 0, badLine(next, tooLongWhy()));
      batch.lines.push('');
      from = firstEnd + 1;
    } else if (carryBytes > 0) {
      decodeLines(Buffer.concat([...carry, chunk.subarray(0, firstEnd + 1)]), next, batch);
      from = firstEnd + 1;
    }
    tooLong = false;
    carry = [];
    carryBytes = 0;
    // the other lines that end in it: each is shorter than the chunk
    if (from <= last) decodeLines(chunk.subarray(from, last + 1), next + batch.lines.length, batch);
    const rest = chunk.subarray(last + 1);
    if (rest.length > 0) {
      carry = [rest];
      carryBytes = rest.length;
    }
    next += batch.lines.length;
    yield batch;
  }
  // a last line without a line end
  if (tooLong || carryBytes > max) {
    const batch: LineBatch = { first: next, lines: [''] };
    setBad(batch, 0, badLine(next, tooLongWhy()));
    yield batch;
  } else if (carryBytes > 0) {
    const batch: LineBatch = { first: next, lines: [] };
    decodeLines(Buffer.concat(carry), next, batch);
    yield batch;
  }
}

function setBad(batch: LineBatch, index: number, why: string): void {
  batch.bad ??= new Map();
  batch.bad.set(index, why);
}

const dropCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
