import type { ReactNode } from 'react';
import { ROLE_STYLES, ROLES } from '../../graph/style';
import { useT } from '../../i18n/useT';
import type { MapSegment } from './map-geometry';
import { CANDIDATE_COLOR } from './map-style';
import { mapBoxColors } from './needs';

/** The map's legend: how needs, roles, anchors, systems, candidates and evidence are drawn. */
export function MapLegend({
  segments,
  systemColor,
}: {
  segments: readonly MapSegment[];
  systemColor(rootId: string): string | undefined;
}) {
  const { t } = useT();
  const systems = new Map(
    segments.flatMap((s) =>
      s.firms.flatMap((f) => (f.system ? [[f.system.root.id, f.system.root.shortName] as const] : [])),
    ),
  );
  const dash = { FILL: '6 4', EXTEND: '2 3', STRENGTHEN: undefined, OK: undefined } as const;
  return (
    <section className="panel legend" data-testid="map-legend" aria-label={t('legend.title')}>
      <h3>{t('legend.title')}</h3>
      <ul>
        {(['FILL', 'EXTEND', 'STRENGTHEN', 'OK'] as const).map((need) => (
          <Row
            key={need}
            label={t(`need.${need}`)}
            note={need !== 'OK' ? t(`need.${need}.note`) : ''}
            title={need === 'OK' ? undefined : t(`need.${need}.note`)}
          >
            <rect
              x="2"
              y="2"
              width="26"
              height="14"
              rx="3"
              fill={mapBoxColors(need).fill}
              stroke={mapBoxColors(need).border}
              strokeWidth="2"
              strokeDasharray={dash[need]}
            />
          </Row>
        ))}
        {ROLES.map((role) => (
          <Row key={role} label={t(`role.${role}`)}>
            <Chip fill={ROLE_STYLES[role].color} stroke={ROLE_STYLES[role].border} />
          </Row>
        ))}
        <Row label={t('local.false')}>
          <Chip fill={ROLE_STYLES.AFFILIATE.tint} stroke={ROLE_STYLES.AFFILIATE.border} dash="3 2" />
        </Row>
        <Row label={t('map.anchor')}>
          <Chip fill={ROLE_STYLES.ROOT.color} stroke="#212529" width={2} />
          <text x="15" y="13" textAnchor="middle" fontSize="9" fill="#fff">
            ★
          </text>
        </Row>
        {[...systems].map(([root, name]) => (
          <Row key={root} label={t('explorer.systemOf', { name })}>
            <rect x="3" y="4" width="24" height="11" rx="3" fill="#fff" stroke={systemColor(root)} strokeWidth="2.5" />
          </Row>
        ))}
        <Row label={t('map.legend.candidate')}>
          <polygon
            points="15,1 23,9 15,17 7,9"
            fill="#e5dbff"
            stroke={CANDIDATE_COLOR}
            strokeWidth="2"
            strokeDasharray="3 2"
          />
        </Row>
        <Row label={t('map.legend.feeds')}>
          <line x1="2" y1="9" x2="24" y2="9" stroke="#868e96" strokeWidth="1.5" />
          <polygon points="23,5 29,9 23,13" fill="#868e96" />
        </Row>
        <Row label={t('map.legend.evidence')}>
          <line x1="2" y1="9" x2="24" y2="9" stroke={CANDIDATE_COLOR} strokeWidth="2" strokeDasharray="5 3" />
          <polygon points="23,4 29,9 23,14" fill={CANDIDATE_COLOR} />
        </Row>
      </ul>
    </section>
  );
}

/** A firm's chip as the map draws it, at the legend's size. */
function Chip({ fill, stroke, width = 1.5, dash }: { fill: string; stroke: string; width?: number; dash?: string }) {
  return (
    <rect
      x="2"
      y="4"
      width="26"
      height="11"
      rx="3"
      fill={fill}
      stroke={stroke}
      strokeWidth={width}
      strokeDasharray={dash}
    />
  );
}

/** One line of the legend: a 30 × 18 swatch (the shapes given), its name and what it means. */
function Row({
  label,
  note,
  title,
  children,
}: {
  label: string;
  note?: string;
  title?: string | undefined;
  children: ReactNode;
}) {
  return (
    <li title={title}>
      <svg width="30" height="18" aria-hidden="true">
        {children}
      </svg>
      <span>{label}</span>
      <small>{note}</small>
    </li>
  );
}
