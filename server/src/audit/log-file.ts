import { type BigIntStats, readSync } from 'node:fs';
import { withFileLock } from '../platform/file-lock';
import { linkOf, sha256 } from './chain';

/** The audit log's file on disk: how a change by another writer is told, its tail, its lock. */

/** The file as last seen: what tells a change made by someone else. */
export interface Stamp {
  ino: bigint;
  size: bigint;
  ctimeNs: bigint;
}

/** The end of the chain, as the next line must name it. */
export interface Tail {
  ino?: bigint;
  /** The file's size the tail was read at. */
  size?: bigint;
  hash: string;
  /** Its place, when it is in the chain. */
  seq: number | undefined;
}

export function stampOf(stat: BigIntStats): Stamp {
  return { ino: stat.ino, size: stat.size, ctimeNs: stat.ctimeNs };
}

export function sameStamp(a: Stamp, b: BigIntStats): boolean {
  return a.ino === b.ino && a.size === b.size && a.ctimeNs === b.ctimeNs;
}

/**
 * The last whole line of the file — its hash and place — and the torn text after it, if the file
 * does not end with a newline (a write cut short): read backwards from the end.
 */
export function readTail(fd: number, size: number): Tail & { torn: string | undefined } {
  if (size === 0) return { hash: '', seq: undefined, torn: undefined };
  const CHUNK = 1 << 16;
  let start = size;
  let bytes = Buffer.alloc(0);
  for (;;) {
    const from = Math.max(0, start - CHUNK);
    const chunk = Buffer.alloc(start - from);
    readSync(fd, chunk, 0, chunk.length, from);
    bytes = Buffer.concat([chunk, bytes]);
    start = from;
    const lastNewline = bytes.lastIndexOf(0x0a);
    const wholeEnd = lastNewline; // the last whole line ends here (exclusive)
    if (wholeEnd === -1) {
      if (start > 0) continue;
      // no whole line: everything is one torn line
      return { hash: '', seq: undefined, torn: sha256(bytes) };
    }
    const tornText = bytes.subarray(wholeEnd + 1);
    const lineStart = wholeEnd === 0 ? 0 : bytes.lastIndexOf(0x0a, wholeEnd - 1) + 1;
    if (lineStart === 0 && start > 0) continue;
    const line = bytes.subarray(lineStart, wholeEnd);
    let seq: number | undefined;
    try {
      seq = linkOf(JSON.parse(line.toString('utf8')))?.seq;
    } catch {
      seq = undefined;
    }
    return { hash: sha256(line), seq, torn: tornText.length > 0 ? sha256(tornText) : undefined };
  }
}

/**
 * Runs `fn` holding the log's lock file, so that the server and a command-line tool appending at
 * once do not chain two lines to the same one. Where no lock file can be made (a log on a device,
 * a folder not writable), appends without it.
 */
export function lockedIfPossible(lock: string, fn: () => void): void {
  let ran = false;
  try {
    withFileLock(lock, () => {
      ran = true;
      fn();
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (ran || !(code === 'EACCES' || code === 'EPERM' || code === 'EROFS')) throw e;
    fn();
  }
}
