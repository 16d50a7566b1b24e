import type { Enterprise } from '../../domain/model';

/**
 * Substring search on Chinese name and short name. Ranked: exact short name, then a name or
 * short name that starts with the query, then any other match; larger firms first within a rank.
 */
export function searchEnterprises<T extends Enterprise>(all: Iterable<T>, query: string, limit: number): T[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const hits: { e: T; rank: number }[] = [];
  for (const e of all) {
    const name = e.name.toLowerCase();
    const short = e.shortName.toLowerCase();
    let rank: number;
    if (short === q || name === q) rank = 0;
    else if (short.startsWith(q) || name.startsWith(q)) rank = 1;
    else if (short.includes(q) || name.includes(q) || e.id.toLowerCase() === q) rank = 2;
    else continue;
    hits.push({ e, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || (b.e.revenue ?? 0) - (a.e.revenue ?? 0) || a.e.id.localeCompare(b.e.id));
  return hits.slice(0, limit).map((h) => h.e);
}
