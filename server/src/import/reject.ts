import type { Dataset } from '../domain/model';
import { KINDS, type Kind } from '../interchange/format';
import type { Location } from '../interchange/problems';
import { type Batch, RowPlaces } from './batch';

/**
 * The batch without the rows at `places` (keys of file, sheet and line); each row left out goes to
 * `left` with its key. For an import told to skip invalid rows.
 */
export function withoutRows(
  batch: Batch,
  places: ReadonlySet<string>,
  left: (key: string, row: unknown) => void,
): Batch {
  const rows = {} as Record<Kind, unknown[]>;
  const kept = {} as Record<Kind, RowPlaces>;
  for (const kind of KINDS) {
    rows[kind] = [];
    kept[kind] = new RowPlaces();
    (batch.rows[kind] as unknown[]).forEach((row, i) => {
      const at = batch.places[kind].at(i);
      const key = placeKey(at);
      if (places.has(key)) left(key, row);
      else {
        rows[kind].push(row);
        kept[kind].add(at);
      }
    });
  }
  return { rows: rows as unknown as Dataset, places: kept, rowsRead: batch.rowsRead };
}

export const placeKey = (at: Location) => `${at.file}\u0000${at.sheet ?? ''}\u0000${at.line}`;

/** The place a placeKey names. */
export function placeOf(key: string): Location {
  const [file = '', sheet = '', line = '0'] = key.split('\u0000');
  return sheet === '' ? { file, line: Number(line) } : { file, sheet, line: Number(line) };
}
