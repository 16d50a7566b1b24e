import { closeSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { readLineBatches } from '../../interchange/sources/lines';

/* JSON Lines files as a data directory holds them: written and synced, read a batch at a time. */

/** Thrown by writeLines when its `stop` says so. */
export class Stopped extends Error {}

export async function readJsonLines(file: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  await parseJsonLines(file, (batch) => {
    for (const row of batch) rows.push(row);
  });
  return rows;
}

/** Parses a JSON Lines file, handing over its rows a batch at a time (a small file in one). */
export async function parseJsonLines(file: string, onRows: (rows: unknown[]) => void): Promise<void> {
  const parse = (lines: readonly string[], first: number) => {
    const rows: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i] as string;
      if (text === '') continue;
      try {
        rows.push(JSON.parse(text));
      } catch (e) {
        throw new Error(`The data directory is damaged: ${file}:${first + i} is not JSON (${(e as Error).message})`);
      }
    }
    onRows(rows);
  };
  // a small file (a curator's edit) at once: streaming it costs several turns of the event loop
  if (statSync(file).size < SMALL_FILE) parse(readUtf8(file).split('\n'), 1);
  else for await (const { first, lines } of readLineBatches(file)) parse(lines, first);
}

const SMALL_FILE = 1 << 20;

function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new Error(`The data directory is damaged: ${file} is not UTF-8 text (${(e as Error).message})`);
  }
}

export async function writeLines(
  file: string,
  rows: readonly object[],
  stop?: () => boolean,
  as: (row: object) => object = (row) => row,
): Promise<void> {
  const fd = openSync(file, 'w', 0o600);
  try {
    let chunk = '';
    for (const row of rows) {
      chunk += `${JSON.stringify(as(row))}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
        if (stop) {
          await new Promise((resolve) => setImmediate(resolve));
          if (stop()) throw new Stopped();
        }
      }
    }
    if (chunk) writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeDurably(file: string, text: string): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
