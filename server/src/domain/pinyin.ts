import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials (拼音首字母) of Chinese names, so that `cjsm` finds 长江商贸. A character with
 * several readings (长 cháng/zhǎng, 行 xíng/háng) gives each of its initials: a name has one
 * spelling of initials per combination of readings, at most MAX_VARIANTS of them. Characters that
 * are not Chinese keep themselves (lower-cased, full-width as half-width); punctuation is left out.
 */
export const MAX_VARIANTS = 8;

const readings = new Map<string, string[]>();

/** The initials a character can have, from pinyin-pro's dictionary, looked up once per character. */
function initialsOfChar(ch: string): string[] {
  let found = readings.get(ch);
  if (!found) {
    if (/[\p{Script=Han}]/u.test(ch)) {
      const all = pinyin(ch, { pattern: 'first', toneType: 'none', multiple: true, type: 'array' });
      found = [...new Set(all.map((s) => s.toLowerCase()).filter((s) => /^[a-z]$/.test(s)))];
    } else found = /[\p{L}\p{N}]/u.test(ch) ? [ch.toLowerCase()] : [];
    readings.set(ch, found);
  }
  return found;
}

/** Every spelling of a text's initials (one per combination of readings), at most MAX_VARIANTS. */
export function initialsOf(text: string): string[] {
  let variants = [''];
  // full-width letters and digits as half-width: ＴＣＬ spells tcl
  for (const ch of text.normalize('NFKC')) {
    const options = initialsOfChar(ch);
    if (options.length === 0) continue;
    const next: string[] = [];
    for (const v of variants) for (const o of options) if (next.length < MAX_VARIANTS) next.push(v + o);
    variants = next;
  }
  return variants;
}

/** A query of Latin letters only is read as pinyin initials. */
export const isInitialsQuery = (q: string): boolean => /^[a-z]{2,}$/i.test(q.trim());

/** Whether the letters of `q` appear in `text` in order (not necessarily together). */
export function isSubsequence(q: string, text: string): boolean {
  let i = 0;
  for (const ch of text) if (ch === q[i] && ++i === q.length) return true;
  return q.length === 0;
}

/**
 * How well initials match a query (lower-cased): 0 the short name's initials are the query,
 * 1 a name's initials start with it, 2 contain it, 3 hold its letters in order (hbsm in
 * hbcjsmwljtyxgs, 湖北长江商贸物流…); undefined for no match.
 */
export function initialsRank(q: string, shortName: readonly string[], name: readonly string[]): number | undefined {
  if (shortName.includes(q)) return 0;
  const both = [...shortName, ...name];
  if (both.some((v) => v.startsWith(q))) return 1;
  if (both.some((v) => v.includes(q))) return 2;
  if (both.some((v) => isSubsequence(q, v))) return 3;
  return undefined;
}
