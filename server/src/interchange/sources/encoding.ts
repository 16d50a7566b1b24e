import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { MAX_LINE_BYTES } from '../../domain/limits';
import type { Encoding } from './events';

/**
 * The text encoding of a file: a UTF-8 or UTF-16 byte order mark says so; otherwise text that
 * is valid UTF-8 in its first 256 KB is UTF-8, and anything else is taken as GB18030 (a
 * superset of GBK and GB2312, what Chinese spreadsheet tools write when they save as CSV).
 */
export function detectEncoding(path: string): Encoding {
  const head = Buffer.alloc(256 * 1024);
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, size);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    // stream: true lets a character cut at the end of the sample pass
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * A stream transform from bytes in `encoding` to text, dropping a byte order mark. Bytes that are
 * not text in that encoding stop it with an EncodingError, instead of garbled text; a line longer
 * than `maxLineBytes` stops it with a LineTooLongError (a CSV row is far shorter), before the line
 * is held whole. Either error gives the byte offset where its line starts (lineAt turns it into a
 * line number): a line feed is never part of a longer character in UTF-8, GB18030 or GBK (in
 * UTF-16 it is the unit 0A 00), so the line of bad bytes is found from the start of theirs.
 */
export function decoder(encoding: Encoding, maxLineBytes = MAX_LINE_BYTES): Transform {
  const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const utf16 = encoding === 'utf-16le';
  /** The bytes of the line under way, before the chunk (kept for an error's place). */
  let carry: Buffer[] = [];
  let carryBytes = 0;
  /** The offset in the file of the first byte of the chunk, and of the line under way. */
  let offset = 0;
  let lineStart = 0;
  let started = false;

  /** The offset of the line of the first bytes that are not text in the line under way and `chunk`. */
  const badLine = (chunk: Buffer): number => {
    const bytes = carryBytes > 0 ? Buffer.concat([...carry, chunk]) : chunk;
    let start = 0;
    for (const end of lineEnds(bytes, utf16)) {
      try {
        // the last line may end in a character the next chunk completes
        const last = end >= bytes.length;
        new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start, end), {
          stream: last,
        });
      } catch {
        return lineStart + start;
      }
      start = end;
    }
    return lineStart;
  };

  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(input: Buffer, _enc, done) {
      let chunk = input;
      if (!started) {
        // the byte order mark, which ignoreBOM keeps (a U+FEFF later in the text is text)
        started = true;
        const bom = encoding === 'utf-8' ? UTF8_BOM : utf16 ? UTF16LE_BOM : undefined;
        if (bom && chunk.subarray(0, bom.length).equals(bom)) {
          chunk = chunk.subarray(bom.length);
          offset = lineStart = bom.length;
        }
      }
      const last = lastLineEnd(chunk, carryBytes, utf16);
      // the length of the line under way, up to the end of the chunk or its line end
      const length =
        carryBytes + (last === -1 ? chunk.length : firstLineEnd(chunk, carryBytes, utf16) - (utf16 ? 2 : 1));
      if (length > maxLineBytes) return done(new LineTooLongError(lineStart, maxLineBytes));
      let out: string;
      try {
        out = text.decode(chunk, { stream: true });
      } catch {
        return done(new EncodingError(encoding, badLine(chunk)));
      }
      if (last === -1) {
        carry.push(chunk);
        carryBytes += chunk.length;
      } else {
        carry = last < chunk.length ? [chunk.subarray(last)] : [];
        carryBytes = chunk.length - last;
        lineStart = offset + last;
      }
      offset += chunk.length;
      done(null, out);
    },
    flush(done) {
      try {
        done(null, text.decode());
      } catch {
        done(new EncodingError(encoding, lineStart));
      }
    },
  });
}

/** The line (1-based) of the byte at `offset` of a file: its line ends before it, plus one. */
export async function lineAt(path: string, offset: number, encoding: Encoding): Promise<number> {
  let lines = 1;
  if (offset <= 0) return lines;
  let at = 0;
  let low = -1;
  for await (const read of createReadStream(path, { end: offset - 1 })) {
    const chunk = read as Buffer;
    if (encoding !== 'utf-16le') for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    else
      for (let i = 0; i < chunk.length; i++) {
        if ((at + i) % 2 === 0) low = chunk[i] as number;
        else if (low === 0x0a && chunk[i] === 0x00) lines++;
      }
    at += chunk.length;
  }
  return lines;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

/**
 * The offset just after the last line end of `chunk`, or -1. In UTF-16 a line end is the unit
 * 0A 00 at an even offset of the text; `before` bytes of it came before the chunk.
 */
function lastLineEnd(chunk: Buffer, before: number, utf16: boolean): number {
  if (!utf16) {
    const i = chunk.lastIndexOf(0x0a);
    return i === -1 ? -1 : i + 1;
  }
  for (let i = chunk.length - 2; i >= 0; i--) if (isUnitLf(chunk, i, before)) return i + 2;
  return -1;
}

/** The offset just after the first line end of `chunk` (one is known to be there). */
function firstLineEnd(chunk: Buffer, before: number, utf16: boolean): number {
  if (!utf16) return chunk.indexOf(0x0a) + 1;
  for (let i = 0; i + 1 < chunk.length; i++) if (isUnitLf(chunk, i, before)) return i + 2;
  return chunk.length;
}

const isUnitLf = (chunk: Buffer, i: number, before: number) =>
  (before + i) % 2 === 0 && chunk[i] === 0x0a && chunk[i + 1] === 0x00;

/** The offsets just after each line end of whole lines (and the end, for a last line without one). */
function* lineEnds(bytes: Buffer, utf16: boolean): Generator<number> {
  let start = 0;
  while (start < bytes.length) {
    let end = -1;
    if (!utf16) end = bytes.indexOf(0x0a, start);
    else
      for (let i = start; i + 1 < bytes.length; i += 2)
        if (bytes[i] === 0x0a && bytes[i + 1] === 0x00) {
          end = i;
          break;
        }
    const next = end === -1 ? bytes.length : end + (utf16 ? 2 : 1);
    yield next;
    start = next;
  }
}

export class EncodingError extends Error {
  constructor(
    encoding: Encoding,
    /** The offset in the file of the line where the bytes that are not text are. */
    readonly offset: number,
  ) {
    const hint =
      encoding === 'utf-8'
        ? ' If a Chinese spreadsheet tool saved it, try --encoding gb18030.'
        : ' Try another --encoding.';
    super(`is not ${encoding} text.${hint}`);
  }
}

/** A line far longer than any row: the file is not a table (or its line ends are not LF or CR LF). */
export class LineTooLongError extends Error {
  constructor(
    /** The offset in the file where the line starts. */
    readonly offset: number,
    max: number,
  ) {
    super(`the line is longer than ${max.toLocaleString('en')} bytes: not a table of rows`);
  }
}
