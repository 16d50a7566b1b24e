import type { T } from '../../i18n/useT';
import type { Gap } from './rows';

/** The score terms this view knows by key (anything else shows the server's label). */
const TERM_KEYS = ['WORKS_IN_SEGMENT', 'LINKS_INTO_CHAIN', 'ANCHORS_SERVED', 'SIZE'] as const;
type TermKey = (typeof TERM_KEYS)[number];
const isTermKey = (key: string): key is TermKey => (TERM_KEYS as readonly string[]).includes(key);

export function termLabel(t: T, key: string, serverLabel: string): string {
  return isTermKey(key) ? t(`targets.term.${key}`) : serverLabel;
}

/** What the term's value counts; the server's label for terms this view does not know. */
export function termNote(t: T, key: string, serverLabel: string): string {
  return isTermKey(key) ? t(`targets.term.${key}.note`) : serverLabel;
}

/** Why the segment is a gap: its STRENGTHEN reasons, the way an EXTEND grows, or what FILL means. */
export function gapWhy(t: T, gap: Gap): string {
  switch (gap.need) {
    case 'FILL':
      return t('need.FILL.note');
    case 'EXTEND':
      return gap.direction ? t(`direction.${gap.direction}`) : t('need.EXTEND.note');
    case 'STRENGTHEN':
      return gap.reasons.length > 0
        ? gap.reasons.map((r) => t(`reason.${r}`)).join(t('targets.listSep'))
        : t('need.STRENGTHEN.note');
  }
}
