import type { Sheet, SheetLegendItem } from '../graph/sheet';
import { EDGE_STYLES, RELATION_KINDS, ROLE_STYLES, ROLES } from '../graph/style';
import type { T } from '../i18n/useT';

/** Today as the sheet says it: 2026-12-07, in the reader's own time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What a sheet for a meeting says around a graph's picture: its title and subject, today's date,
 * where the data comes from (this Chain Atlas, by its address), the "内部资料" mark, and the legend.
 */
export function meetingSheet(
  t: T,
  { title, subject, legend }: { title: string; subject: string; legend: readonly SheetLegendItem[] },
): Sheet {
  return {
    title,
    subject,
    date: t('sheet.date', { date: today() }),
    source: t('sheet.source', { host: window.location.host }),
    mark: t('sheet.mark'),
    legend,
  };
}

/** The explorer's legend: the roles of firms, outside firms, and the kinds of links. */
export function explorerLegend(t: T): SheetLegendItem[] {
  return [
    ...ROLES.map(
      (role): SheetLegendItem => ({
        label: t(`role.${role}`),
        shape: 'dot',
        fill: ROLE_STYLES[role].color,
        stroke: ROLE_STYLES[role].border,
      }),
    ),
    {
      label: t('local.false'),
      shape: 'dot',
      fill: ROLE_STYLES.OTHER.tint,
      stroke: ROLE_STYLES.OTHER.border,
      dash: [5, 4],
    },
    ...RELATION_KINDS.map(
      (kind): SheetLegendItem => ({
        label: t(`kind.${kind}`),
        shape: 'arrow',
        stroke: EDGE_STYLES[kind].color,
        ...(EDGE_STYLES[kind].lineStyle === 'dashed' ? { dash: [10, 6] } : {}),
      }),
    ),
  ];
}
