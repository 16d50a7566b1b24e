import { EDGE_STYLES, RELATION_KINDS, ROLE_STYLES, ROLES } from '../../graph/style';
import { useT } from '../../i18n/useT';

function NodeSwatch({ color, border, outside = false }: { color: string; border: string; outside?: boolean }) {
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <circle
        cx="11"
        cy="11"
        r="8"
        fill={color}
        stroke={border}
        strokeWidth="2"
        strokeDasharray={outside ? '3 2' : undefined}
      />
    </svg>
  );
}

function EdgeSwatch({ color, dashed }: { color: string; dashed: boolean }) {
  return (
    <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">
      <line x1="2" y1="7" x2="25" y2="7" stroke={color} strokeWidth="2" strokeDasharray={dashed ? '5 3' : undefined} />
      <polygon points="24,2 32,7 24,12" fill={color} />
    </svg>
  );
}

/** 图例: every node and edge style of the explorer's graph, from the same tables the stylesheet is built from. */
export function Legend() {
  const { t } = useT();
  return (
    <section className="panel legend" data-testid="legend" aria-label={t('legend.title')}>
      <h3>{t('legend.title')}</h3>
      <ul>
        {ROLES.map((role) => (
          <li key={role} title={t(`role.${role}.note`)}>
            <NodeSwatch color={ROLE_STYLES[role].color} border={ROLE_STYLES[role].border} />
            <span>{t(`role.${role}`)}</span>
            <small>{t(`role.${role}.note`)}</small>
          </li>
        ))}
        <li title={t('local.false.note')}>
          <NodeSwatch color={ROLE_STYLES.AFFILIATE.tint} border={ROLE_STYLES.AFFILIATE.border} outside />
          <span>{t('local.false')}</span>
          <small>{t('local.false.note')}</small>
        </li>
        {RELATION_KINDS.map((kind) => (
          <li key={kind} title={t(`kind.${kind}.note`)}>
            <EdgeSwatch color={EDGE_STYLES[kind].color} dashed={EDGE_STYLES[kind].lineStyle === 'dashed'} />
            <span>{t(`kind.${kind}`)}</span>
            <small>{t(`kind.${kind}.note`)}</small>
          </li>
        ))}
      </ul>
      <p className="hint">{t('explorer.hint')}</p>
    </section>
  );
}
