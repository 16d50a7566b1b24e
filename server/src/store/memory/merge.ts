/**
 * An update changes only the fields a row gives: a column a file leaves out, or leaves empty, keeps
 * what is stored (and an empty tag list keeps the stored tags).
 */
export function givesNothingNew(stored: object, row: object): boolean {
  const old = stored as Record<string, unknown>;
  return Object.entries(row).every(([k, v]) => {
    const u = old[k];
    if (Array.isArray(v) && k === 'tags' && v.length === 0) return true;
    return Array.isArray(u) && Array.isArray(v) ? u.join('\u0000') === v.join('\u0000') : u === v;
  });
}

/** The stored record with what `row` gives in place of what it held. */
export function mergeUpdate<T extends object>(stored: T, row: T): T {
  const merged = { ...stored, ...row } as T & { tags?: string[] };
  const oldTags = (stored as { tags?: string[] }).tags;
  if (Array.isArray(merged.tags) && merged.tags.length === 0 && oldTags) merged.tags = oldTags;
  return merged;
}
