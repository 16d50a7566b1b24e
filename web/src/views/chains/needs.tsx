import { useT } from '../../i18n/useT';

export type Need = 'FILL' | 'EXTEND' | 'STRENGTHEN' | 'OK';

/** The colours of the needs, shared by the badges, the strip and the map's stylesheet. */
export const NEED_COLORS: Record<Need, { fill: string; border: string; text: string }> = {
  FILL: { fill: '#fff0f0', border: '#e03131', text: '#c92a2a' },
  EXTEND: { fill: '#fff4e6', border: '#f76707', text: '#d9480f' },
  STRENGTHEN: { fill: '#fff9db', border: '#f59f00', text: '#b57600' },
  OK: { fill: '#ebfbee', border: '#40c057', text: '#2b8a3e' },
};

/** A segment's box on the map and its swatch in the map's legend: a segment that needs nothing stays plain. */
export const mapBoxColors = (need: Need) =>
  need === 'OK'
    ? { fill: '#ffffff', border: '#ced4da' }
    : { fill: NEED_COLORS[need].fill, border: NEED_COLORS[need].border };

/** The need of each segment of a report: FILL, EXTEND, STRENGTHEN, or OK where none names it. */
export function needOf(report: {
  fill: readonly { segment: { id: string } }[];
  extend: readonly { segment: { id: string } }[];
  strengthen: readonly { segment: { id: string } }[];
}): (segmentId: string) => Need {
  const needs = new Map<string, Need>();
  for (const [need, list] of [
    ['FILL', report.fill],
    ['EXTEND', report.extend],
    ['STRENGTHEN', report.strengthen],
  ] as const)
    for (const s of list) needs.set(s.segment.id, need);
  return (id) => needs.get(id) ?? 'OK';
}

export function NeedBadge({ need, count }: { need: Exclude<Need, 'OK'>; count?: number }) {
  const { t } = useT();
  const c = NEED_COLORS[need];
  if (count === 0) return null;
  return (
    <span
      className="need-badge"
      style={{ background: c.fill, borderColor: c.border, color: c.text }}
      title={t(`need.${need}.note`)}
      data-need={need}
    >
      {t(`need.${need}`)}
      {count !== undefined && ` ${count}`}
    </span>
  );
}

/** The segments of a chain as a row of cells, upstream to downstream, coloured by need. */
export function SegmentStrip({ segments }: { segments: readonly { id: string; need: Need; covered: boolean }[] }) {
  const { t } = useT();
  return (
    <div className="segment-strip" role="img" aria-label={t('chains.segmentStrip')}>
      {segments.map((s) => {
        const c = NEED_COLORS[s.need];
        return (
          <span
            key={s.id}
            className={s.covered ? 'cell' : 'cell uncovered'}
            style={{ background: c.fill, borderColor: c.border }}
            title={t(`need.${s.need}`)}
          />
        );
      })}
    </div>
  );
}
