import type { Lang } from '../../i18n/messages';
import type { T } from '../../i18n/useT';
import type { Gap } from './rows';
import { isTermKey } from './weights';

/** A score term's name: this view's for the six it knows, the server's label for any other. */
export function termLabel(t: T, key: string, serverLabel: string): string {
  return isTermKey(key) ? t(`targets.term.${key}`) : serverLabel;
}

/** What the term's value counts; the server's label for terms this view does not know. */
export function termNote(t: T, key: string, serverLabel: string): string {
  return isTermKey(key) ? t(`targets.term.${key}.note`) : serverLabel;
}

/** Why a firm is listed, in the page's language. */
export const reasonOf = (c: { reason: string; reasonEn: string }, lang: Lang) =>
  lang === 'en' ? c.reasonEn : c.reason;

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
