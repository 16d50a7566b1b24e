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

/**
 * The fields of a kind's rows that name an enterprise. Where that enterprise is one of the
 * segment's own, the segment names it by its place in its enterprises file (a number: 0 for the
 * first row): opening it into an empty graph then finds the enterprise without looking its id up,
 * and keeps one copy of the id (B13).
 */
export const ENTERPRISE_FIELDS: Partial<Record<Kind, readonly string[]>> = {
  controls: ['from', 'to'],
  supplies: ['from', 'to'],
  inSegment: ['enterpriseId'],
  anchors: ['enterpriseId'],
  products: ['enterpriseId'],
};

/**
 * Throws naming the file and line when an enterprise given by place (in one of `fields`) is not
 * one of the segment's `enterprises` (`first`: the line of rows[0]; a segment's files have no
 * blank lines).
 */
export function checkEnds(
  file: string,
  rows: readonly object[],
  first: number,
  enterprises: number,
  fields: readonly string[],
): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Record<string, unknown>;
    for (const field of fields) {
      const end = r[field];
      if (typeof end === 'number' && !(Number.isInteger(end) && end >= 0 && end < enterprises)) {
        throw new Error(
          `The data directory is damaged: ${file}:${first + i} names an enterprise by place, ${end}, ` +
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
  // An enterprise of the segment is named by its place in it (ENTERPRISE_FIELDS), and a
  // relationship's row says its kind: the graph keeps the row read back as it is, and a field
  // added to a parsed row costs it a store of properties of its own (B13).
  const places =
    data.enterprises.length > 0 && (systems || KINDS.some((k) => ENTERPRISE_FIELDS[k] && data[k].length > 0))
      ? placesOf(data.enterprises)
      : undefined;
  for (const kind of KINDS) {
    rows[kind] = data[kind].length;
    if (rows[kind] > 0)
      await writeLines(join(dir, jsonlFile(kind)), data[kind] as readonly object[], stop, asWritten(kind, places));
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

/** How a segment writes a row of `kind`: see writeSegment. */
function asWritten(kind: Kind, places: Map<string, number> | undefined): ((row: object) => object) | undefined {
  const fields = ENTERPRISE_FIELDS[kind];
  if (!fields) return undefined;
  const tag = kind === 'controls' ? 'CONTROLS' : kind === 'supplies' ? 'SUPPLIES' : undefined;
  return (row) => {
    let copy: Record<string, unknown> | undefined = tag ? { kind: tag, ...row } : undefined;
    if (places)
      for (const field of fields) {
        const place = places.get((row as Record<string, string>)[field] as string);
        if (place === undefined) continue;
        copy ??= { ...row };
        copy[field] = place;
      }
    return copy ?? row;
  };
}

/**
 * For the crash tests: CHAIN_FAILPOINT=<name> kills this process, as a power cut would, at
 * that point of a write.
 */
export function failpoint(name: string): void {
  if (process.env.CHAIN_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
