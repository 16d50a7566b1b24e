import { closeSync, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
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
 * A stream transform from bytes in `encoding` to text, dropping a byte order mark. Bytes that
 * are not text in that encoding stop it with an error that says so, instead of garbled text.
 */
export function decoder(encoding: Encoding): Transform {
  const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, text.decode(chunk, { stream: true }));
      } catch {
        done(new EncodingError(encoding));
      }
    },
    flush(done) {
      try {
        done(null, text.decode());
      } catch {
        done(new EncodingError(encoding));
      }
    },
  });
}

export class EncodingError extends Error {
  constructor(encoding: Encoding) {
    const hint =
      encoding === 'utf-8'
        ? ' If a Chinese spreadsheet tool saved it, try --encoding gb18030.'
        : ' Try another --encoding.';
    super(`is not ${encoding} text further on.${hint}`);
  }
}
