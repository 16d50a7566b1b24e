import { AppLink } from '../../components/AppLink';
import { formatMoney, formatNumber } from '../../format';
import { useT } from '../../i18n/useT';
import { gapWhy, termLabel, termNote } from './labels';
import type { SortKey, TargetRow, TargetSort } from './rows';
import { termColumns } from './rows';

interface Props {
  chainName: string;
  chainKey: string;
  rows: readonly TargetRow[];
  /** The best score of all the chain's rows (the scale of the score bars). */
  maxScore: number;
  sort: TargetSort;
  onSort: (key: SortKey) => void;
}

/** The ranked table: one row per (gap, candidate), each score term as points (value × weight on hover). */
export function TargetsTable({ chainName, chainKey, rows, maxScore, sort, onSort }: Props) {
  const { t, lang } = useT();
  const terms = termColumns(rows);
  const num = (n: number) => formatNumber(n, lang);
  const columnName: Record<SortKey, string> = {
    score: t('targets.col.score'),
    revenue: t('targets.col.revenue'),
    name: t('targets.col.enterprise'),
  };
  const sortable = (key: SortKey, className?: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className="sort-button" onClick={() => onSort(key)} data-testid={`sort-${key}`}>
          {columnName[key]}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  const head = (label: string, className?: string, title?: string) => (
    <th scope="col" className={className} title={title}>
      {label}
    </th>
  );
  return (
    <table className="targets-table" data-testid="targets-table">
      <caption className="visually-hidden">
        {t('targets.caption', { name: chainName, column: columnName[sort.key], dir: t(`targets.sort.${sort.dir}`) })}
      </caption>
      <thead>
        <tr>
          {head(t('targets.col.rank'), 'num', t('targets.col.rank.note'))}
          {sortable('name')}
          {head(t('targets.col.district'))}
          {head(t('targets.col.segment'))}
          {head(t('targets.col.need'))}
          {sortable('score', 'num')}
          {terms.map(({ key, label, weight }) => (
            <th
              key={key}
              scope="col"
              className="num term"
              title={`${termNote(t, key, label)}${weight !== null ? ` · ${t('targets.term.weight', { weight: num(weight) })}` : ''}`}
            >
              {termLabel(t, key, label)}
              {weight !== null && <small className="term-weight">×{num(weight)}</small>}
            </th>
          ))}
          {sortable('revenue', 'num')}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            data-testid="target-row"
            data-enterprise={row.enterprise.key}
            data-segment={row.gap.segment.key}
          >
            <td className="num rank">{row.rank}</td>
            <td className="enterprise">
              <AppLink
                className="name"
                href={`/explore?e=${encodeURIComponent(row.enterprise.key)}`}
                title={t('targets.openExplorer')}
              >
                {row.enterprise.name}
              </AppLink>
              {row.enterprise.shortName !== row.enterprise.name && (
                <span className="short-name">{row.enterprise.shortName}</span>
              )}
            </td>
            <td className="district">{row.enterprise.district ?? '—'}</td>
            <td className="segment">
              <AppLink
                className="name"
                href={`/chains/${encodeURIComponent(chainKey)}?gap=${encodeURIComponent(row.gap.segment.key)}`}
                title={t('targets.openMap')}
              >
                {row.gap.segment.name}
              </AppLink>
              <span className={`tier tier-${row.gap.segment.tier}`}>{t(`tier.${row.gap.segment.tier}`)}</span>
            </td>
            <td>
              <span className={`need-badge need-${row.gap.need}`} title={gapWhy(t, row.gap)}>
                {t(`need.${row.gap.need}`)}
              </span>
            </td>
            <td className="num score">
              <strong>{num(row.score)}</strong>
              <span className="score-bar" aria-hidden="true">
                <span style={{ width: `${maxScore > 0 ? Math.max(0, (row.score / maxScore) * 100) : 0}%` }} />
              </span>
            </td>
            {terms.map(({ key, label }) => {
              const term = row.terms.find((x) => x.key === key);
              if (!term) return <td key={key} className="num term" />;
              const title = t('targets.term.cell', {
                label: termLabel(t, key, label),
                value: num(term.value),
                weight: num(term.weight),
                points: num(term.points),
              });
              return (
                <td key={key} className={`num term${term.points === 0 ? ' zero' : ''}`} title={title}>
                  <span aria-hidden="true">{num(term.points)}</span>
                  {/* what the tooltip shows, for those who cannot hover: value × weight = points */}
                  <span className="visually-hidden">{title}</span>
                </td>
              );
            })}
            <td className="num revenue">{formatMoney(row.enterprise.revenue, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
