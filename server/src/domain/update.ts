/**
 * The update rule of every store: an update changes only the fields a row gives: a column a file
 * leaves out, or leaves empty, keeps what is stored (and an empty tag list keeps the stored tags).
 * So a row gives nothing new when every field it gives holds that value already.
 */
export function givesNothingNew(stored: object, row: object): boolean {
  const old = stored as Record<string, unknown>;
  return Object.entries(row).every(([k, v]) => {
    const u = old[k];
    if (Array.isArray(v) && k === 'tags' && v.length === 0) return true;
    if (Array.isArray(u) && Array.isArray(v)) return u.join('\u0000') === v.join('\u0000');
    // a plain object (an enterprise's attributes): the same names and values, in any order
    if (isRecord(u) && isRecord(v)) return sameRecord(u, v);
    return u === v;
  });
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The stored record with what `row` gives in place of what it held. */
export function mergeUpdate<T extends object>(stored: T, row: T): T {
  const merged = { ...stored, ...row } as T & { tags?: string[] };
  const oldTags = (stored as { tags?: string[] }).tags;
  if (Array.isArray(merged.tags) && merged.tags.length === 0 && oldTags) merged.tags = oldTags;
  return merged;
}
