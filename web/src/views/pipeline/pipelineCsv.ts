import type { CsvCell } from '../../csv';
import type { T } from '../../i18n/useT';
import type { LeadCard } from '../../queries/leads';

/** The board as a table for CSV: a header in the page's language, then one line per lead, column by column. */
export function pipelineCsvTable(leads: readonly LeadCard[], t: T): CsvCell[][] {
  const header = [
    t('pipeline.col.stage'),
    t('pipeline.col.firm'),
    t('pipeline.col.code'),
    t('pipeline.col.chain'),
    t('pipeline.col.segment'),
    t('pipeline.col.owner'),
    t('pipeline.col.next'),
    t('pipeline.col.due'),
    t('pipeline.col.overdue'),
    t('pipeline.col.days'),
    t('pipeline.col.reason'),
    t('pipeline.col.notes'),
    t('pipeline.col.updated'),
  ];
  const lines = leads.map((l) => [
    t(`lead.stage.${l.stage}`),
    l.enterprise.name,
    l.enterprise.key,
    l.chain.name,
    l.segment?.name ?? '',
    l.owner,
    l.nextStep ?? '',
    l.dueOn ?? '',
    l.overdue ? t('pipeline.yes') : t('pipeline.no'),
    l.daysInStage,
    l.reason ?? '',
    l.notes ?? '',
    l.updatedAt,
  ]);
  return [header, ...lines];
}
