import type { SheetLegendItem } from '../../graph/sheet';
import { ROLE_STYLES } from '../../graph/style';
import type { T } from '../../i18n/useT';
import { mapBoxColors } from './needs';

const DASH = { FILL: [10, 6], EXTEND: [3, 5], STRENGTHEN: undefined, OK: undefined } as const;

/** The chain map's legend on a sheet for a meeting: the needs' cards, the firms' chips, the template's arrows. */
export function mapLegend(t: T): SheetLegendItem[] {
  return [
    ...(['FILL', 'EXTEND', 'STRENGTHEN', 'OK'] as const).map(
      (need): SheetLegendItem => ({
        label: need === 'OK' ? t('need.OK') : `${t(`need.${need}`)}：${t(`need.${need}.note`)}`,
        shape: 'box',
        fill: mapBoxColors(need).fill,
        stroke: mapBoxColors(need).border,
        ...(DASH[need] ? { dash: DASH[need] } : {}),
      }),
    ),
    {
      label: t('map.legend.anchor'),
      shape: 'chip',
      fill: ROLE_STYLES.ROOT.color,
      stroke: '#212529',
      text: '★',
      textColor: '#ffffff',
    },
    {
      label: t('map.legend.localFirm'),
      shape: 'chip',
      fill: ROLE_STYLES.AFFILIATE.color,
      stroke: ROLE_STYLES.AFFILIATE.border,
    },
    {
      label: t('local.false'),
      shape: 'chip',
      fill: ROLE_STYLES.AFFILIATE.tint,
      stroke: ROLE_STYLES.AFFILIATE.border,
      dash: [6, 4],
    },
    { label: t('map.legend.feeds'), shape: 'arrow', stroke: '#868e96' },
  ];
}
