import { formatCount, formatWan, TIER_LABELS } from '../format';
import { OUTSIDE_STYLE, ROLE_STYLES } from '../graph/style';
import type { Enterprise } from '../queries';
import type { ExpandState } from '../state/useExplorer';

interface DetailsPanelProps {
  enterprise: Enterprise | null;
  expandState: ExpandState;
  onExpand(id: string): void;
}

const EXPAND_LABELS: Record<ExpandState, string> = { idle: '展开', pending: '展开中…', done: '已展开' };

/** The selected enterprise: identity, place, role, size, tags and chain segments; and the 展开 button. */
export function DetailsPanel({ enterprise, expandState, onExpand }: DetailsPanelProps) {
  if (!enterprise) {
    return (
      <section className="panel details details-empty" data-testid="details-empty">
        <p className="hint">点击图中的企业查看详情；再次单击或双击可展开其关联企业。</p>
      </section>
    );
  }
  const role = ROLE_STYLES[enterprise.role];
  return (
    <section className="panel details" data-testid="details-panel" aria-label="企业详情">
      <header className="details-header">
        <div>
          <h2>{enterprise.shortName}</h2>
          <p className="details-name">{enterprise.name}</p>
        </div>
        <button
          type="button"
          className="expand-button"
          data-testid="expand-button"
          disabled={expandState !== 'idle'}
          onClick={() => onExpand(enterprise.id)}
        >
          {EXPAND_LABELS[expandState]}
        </button>
      </header>
      <p className="badges">
        <span className="badge" style={{ background: role.color }}>
          {role.label}
        </span>
        <span className={enterprise.local ? 'badge local' : 'badge outside'}>
          {enterprise.local ? '区内企业' : OUTSIDE_STYLE.label}
        </span>
        {enterprise.status && <span className="badge plain">{enterprise.status}</span>}
      </p>
      <dl className="facts">
        <dt>统一社会信用代码</dt>
        <dd className="mono">{enterprise.key}</dd>
        <dt>所在地区</dt>
        <dd>{enterprise.district}</dd>
        <dt>所在园区</dt>
        <dd>{enterprise.park ?? '—'}</dd>
        <dt>营业收入</dt>
        <dd>{formatWan(enterprise.revenue)}</dd>
        <dt>注册资本</dt>
        <dd>{formatWan(enterprise.registeredCapital)}</dd>
        <dt>员工人数</dt>
        <dd>{formatCount(enterprise.employees, '人')}</dd>
        <dt>成立日期</dt>
        <dd>{enterprise.foundedOn ?? '—'}</dd>
      </dl>
      <h3>标签</h3>
      {enterprise.tags.length > 0 ? (
        <ul className="tags">
          {enterprise.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">无</p>
      )}
      <h3>产业链环节</h3>
      {enterprise.segments.length > 0 ? (
        <ul className="segments">
          {enterprise.segments.map((segment) => (
            <li key={segment.id}>
              <span className="chain-name">{segment.chain.name}</span>
              <span className="segment-name">
                {segment.name}（{TIER_LABELS[segment.tier]}）
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">无</p>
      )}
    </section>
  );
}
