import { EDGE_STYLES, OUTSIDE_STYLE, RELATION_KINDS, ROLE_STYLES, ROLES } from '../graph/style';

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

/** 图例: every node and edge style of the graph, from the same tables the stylesheet is built from. */
export function Legend() {
  return (
    <section className="panel legend" data-testid="legend" aria-label="图例">
      <h3>图例</h3>
      <ul>
        {ROLES.map((role) => {
          const style = ROLE_STYLES[role];
          return (
            <li key={role} title={style.description}>
              <NodeSwatch color={style.color} border={style.border} />
              <span>{style.label}</span>
              <small>{style.description}</small>
            </li>
          );
        })}
        <li title={OUTSIDE_STYLE.description}>
          <NodeSwatch color={ROLE_STYLES.AFFILIATE.tint} border={ROLE_STYLES.AFFILIATE.border} outside />
          <span>{OUTSIDE_STYLE.label}</span>
          <small>{OUTSIDE_STYLE.description}</small>
        </li>
        {RELATION_KINDS.map((kind) => {
          const style = EDGE_STYLES[kind];
          return (
            <li key={kind} title={style.description}>
              <EdgeSwatch color={style.color} dashed={style.lineStyle === 'dashed'} />
              <span>{style.label}</span>
              <small>{style.description}</small>
            </li>
          );
        })}
      </ul>
      <p className="hint">单击选中企业；再次单击、双击或点“展开”加载其关联企业。</p>
    </section>
  );
}
