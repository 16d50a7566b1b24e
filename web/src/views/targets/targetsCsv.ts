import type { CsvCell } from '../../csv';
import { formatScore } from '../../format';
import type { Lang } from '../../i18n/messages';
import type { T } from '../../i18n/useT';
import { gapWhy, reasonOf, termLabel } from './labels';
import { type TargetRow, termColumns } from './rows';

/**
 * The rows as a table for CSV, as the page shows them: a header in the page's language, then one
 * line per firm naming every gap it could fill with its score there, then its best gap with why
 * it is listed (in that language) and its numbers unformatted (revenue in 万元; each score term's
 * value and points, both empty where the term is not known for the firm: it is not counted, not 0).
 */
export function targetsCsvTable(rows: readonly TargetRow[], t: T, lang: Lang): CsvCell[][] {
  const terms = termColumns(rows);
  const header = [
    t('targets.col.rank'),
    t('targets.col.name'),
    t('targets.col.shortName'),
    t('targets.col.creditCode'),
    t('targets.col.district'),
    t('targets.csv.gaps'),
    t('targets.col.bestSegment'),
    t('targets.col.tier'),
    t('targets.col.need'),
    t('targets.col.why'),
    t('targets.col.reason'),
    t('targets.col.score'),
    ...terms.flatMap(({ key, label }) => {
      const name = termLabel(t, key, label);
      return [t('targets.csv.value', { label: name }), t('targets.csv.points', { label: name })];
    }),
    t('targets.col.revenueWan'),
  ];
  const lines = rows.map(({ best, ...row }) => [
    row.rank,
    row.enterprise.name,
    row.enterprise.shortName,
    // the key to match the leads with other records; Excel shows an all-digit code as a rounded number
    // unless the column is imported as text
    row.enterprise.key,
    row.enterprise.district ?? '',
    row.fits
      .map((fit) =>
        t('targets.csv.gap', {
          segment: fit.gap.segment.name,
          tier: t(`tier.${fit.gap.segment.tier}`),
          need: t(`need.${fit.gap.need}`),
          score: formatScore(fit.score, lang),
        }),
      )
      .join(t('targets.listSep')),
    best.gap.segment.name,
    t(`tier.${best.gap.segment.tier}`),
    t(`need.${best.gap.need}`),
    gapWhy(t, best.gap),
    reasonOf(best, lang),
    row.score,
    ...terms.flatMap(({ key }) => {
      const term = best.terms.find((x) => x.key === key);
      return !term || term.missing ? [null, null] : [term.value, term.points];
    }),
    row.enterprise.revenue,
  ]);
  return [header, ...lines];
}

/** 招商目标-商贸物流.csv, or targets-logistics.csv in English. */
export const targetsFileName = (t: T, chain: { name: string; key: string }) =>
  t('targets.file', { name: chain.name, key: chain.key });
