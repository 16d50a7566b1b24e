import type { Enterprise } from '../../domain/model';
import { enterpriseOrder } from '../../domain/order';
import { initialsOf, initialsRank, isInitialsQuery } from '../../domain/pinyin';
import type { EnterpriseOrder } from '../../domain/records';
import { searchForm } from '../../domain/search-text';

/** `make` of an enterprise, worked out on its first use and kept: a changed enterprise is a new record. */
function perRecord<T>(make: (e: Enterprise) => T): (e: Enterprise) => T {
  const kept = new WeakMap<Enterprise, T>();
  return (e) => {
    let found = kept.get(e);
    if (found === undefined) {
      found = make(e);
      kept.set(e, found);
    }
    return found;
  };
}

/** Initials of an enterprise's names. */
const initials = perRecord((e) => ({ short: initialsOf(e.shortName), name: initialsOf(e.name) }));

/** Names in the form search compares (searchForm). */
const forms = perRecord((e) => ({ short: searchForm(e.shortName), name: searchForm(e.name) }));

/**
 * How well an enterprise's names match a search text: 0 an exact short name or name, 1 a name
 * that starts with it, 2 any other match (or the id itself); undefined for no match. A text of
 * Latin letters only also matches pinyin initials (see initialsRank), ranked after every match of
 * the names: `Tesla` finds 特斯拉（ＴＥＳＬＡ） before a firm whose initials hold t-e-s-l-a.
 * `q` is the text in search form (searchForm): brackets, punctuation and letters of either width
 * alike.
 */
export function matchRank(e: Enterprise, q: string): number | undefined {
  const byName = nameRank(e, q);
  if (byName !== undefined || !isInitialsQuery(q)) return byName;
  const { short, name } = initials(e);
  const rank = initialsRank(q, short, name);
  return rank === undefined ? undefined : 3 + rank;
}

function nameRank(e: Enterprise, q: string): number | undefined {
  const { name, short } = forms(e);
  if (short === q || name === q) return 0;
  if (short.startsWith(q) || name.startsWith(q)) return 1;
  if (short.includes(q) || name.includes(q) || e.id.toLowerCase() === q) return 2;
  return undefined;
}

/**
 * The enterprises among `candidates` whose names contain `text` (all, for an empty text), sorted
 * by `order`. RELEVANCE ranks by matchRank, then larger revenue, then id.
 */
export function searchEnterprises<T extends Enterprise>(
  candidates: Iterable<T>,
  text: string,
  order: EnterpriseOrder,
): T[] {
  const q = searchForm(text);
  const hits: { e: T; rank: number }[] = [];
  for (const e of candidates) {
    const rank = q === '' ? 0 : matchRank(e, q);
    if (rank !== undefined) hits.push({ e, rank });
  }
  if (order === 'RELEVANCE') {
    const revenue = enterpriseOrder('REVENUE');
    hits.sort((a, b) => a.rank - b.rank || revenue(a.e, b.e));
    return hits.map((h) => h.e);
  }
  return hits.map((h) => h.e).sort(enterpriseOrder(order));
}
