import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../domain/model';
import { jsonlFile, KINDS, type Kind } from '../../interchange/format';
import { syncDir } from '../../platform/file-lock';
import type { EnterpriseSystem, Removal } from '../port';
import { writeDurably, writeLines } from './json-lines';
import { placesOf, systemLines } from './kept-systems';

/** The files of one segment of a data directory (see DataDir): writing them, and checking the ends read. */

export const REMOVALS = 'removals.jsonl';
/** The systems derived for the graph a segment holds whole (see writeSegment). */
export const SYSTEMS = 'systems.jsonl';

/** A segment's row counts, per kind, and its removals when it has some. */
export type SegmentRows = { [K in Kind]: number } & { removals?: number };

/** A relationship's row as a segment holds it: an end is an id, or a place among the segment's enterprises. */
export type End = { from: string | number; to: string | number };

/**
 * Throws naming the file and line when an end given by place is not one of the segment's
 * `enterprises` (`first`: the line of rows[0]; a segment's files have no blank lines).
 */
export function checkEnds(file: string, rows: readonly End[], first: number, enterprises: number): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as End;
    for (const end of [r.from, r.to]) {
      if (typeof end === 'number' && !(Number.isInteger(end) && end >= 0 && end < enterprises)) {
        throw new Error(
          `The data directory is damaged: ${file}:${first + i} names an end by place, ${end}, ` +
            `but the segment has ${enterprises} enterprises`,
        );
      }
    }
  }
}

/**
 * Writes a segment's files in `dir` (only those of kinds with rows), synced. Returns its row
 * counts. With `stop`, yields to the event loop every megabyte and gives up when it says so.
 */
export async function writeSegment(
  dir: string,
  data: Dataset,
  removals: readonly Removal[],
  stop?: () => boolean,
  systems?: ReadonlyMap<string, EnterpriseSystem>,
): Promise<SegmentRows> {
  // the graph is the district's business: readable by the server's user only
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const rows = {} as SegmentRows;
  // A relationship between two enterprises of the segment names them by their place in its
  // enterprises file: opening into an empty graph then finds its ends without a look-up by id.
  const places =
    data.enterprises.length > 0 && (systems || data.controls.length + data.supplies.length > 0)
      ? placesOf(data.enterprises)
      : undefined;
  const byPlace = (row: object): object => {
    const r = row as { from: string; to: string };
    const from = places?.get(r.from);
    const to = places?.get(r.to);
    return from === undefined && to === undefined ? row : { ...row, from: from ?? r.from, to: to ?? r.to };
  };
  for (const kind of KINDS) {
    rows[kind] = data[kind].length;
    const ends = places && (kind === 'controls' || kind === 'supplies') ? byPlace : undefined;
    if (rows[kind] > 0) await writeLines(join(dir, jsonlFile(kind)), data[kind] as readonly object[], stop, ends);
  }
  if (removals.length > 0) {
    rows.removals = removals.length;
    await writeLines(join(dir, REMOVALS), removals, stop);
  }
  const lines = systems && places ? systemLines(systems, places, data.enterprises.length) : undefined;
  if (lines) writeDurably(join(dir, SYSTEMS), lines.join(''));
  syncDir(dir);
  return rows;
}

/**
 * For the crash tests: CHAIN_FAILPOINT=<name> kills this process, as a power cut would, at
 * that point of a write.
 */
export function failpoint(name: string): void {
  if (process.env.CHAIN_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
