import { AppLink } from '../../components/AppLink';
import { formatMoney, formatScore } from '../../format';
import { useT } from '../../i18n/useT';
import { gapWhy, reasonOf } from './labels';
import type { SortKey, TargetRow, TargetSort } from './rows';
import { termColumns } from './rows';
import { TermCell, TermHead } from './TermCells';

interface Props {
  chainName: string;
  chainKey: string;
  rows: readonly TargetRow[];
  sort: TargetSort;
  onSort: (key: SortKey) => void;
}

/**
 * The ranked table: one row per (gap, candidate) with why it is listed, its score (0–100) and each
 * score term's points (value and weight on hover; "—" for a term not known for the firm).
 */
export function TargetsTable({ chainName, chainKey, rows, sort, onSort }: Props) {
  const { t, lang } = useT();
  const terms = termColumns(rows);
  const columnName: Record<SortKey, string> = {
    score: t('targets.col.score'),
    revenue: t('targets.col.revenue'),
    name: t('targets.col.enterprise'),
  };
  /**
   * A column that sorts: a click anywhere in its header cell sorts (the cell takes the click, the
   * button's own included, as it bubbles up), and the button inside is what the keyboard reaches
   * (Enter or Space clicks it).
   */
  const sortable = (key: SortKey, className?: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={`sortable${className ? ` ${className}` : ''}`}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
        data-testid={`sort-head-${key}`}
        onClick={() => onSort(key)}
      >
        <button type="button" className="sort-button" data-testid={`sort-${key}`}>
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
          {terms.map((column) => (
            <TermHead key={column.key} column={column} />
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
              <span className="reason" data-testid="target-reason">
                {reasonOf(row, lang)}
              </span>
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
              <strong data-testid="target-score">{formatScore(row.score, lang)}</strong>
              {/* out of 100, the most a score can be */}
              <span className="score-bar" aria-hidden="true">
                <span style={{ width: `${Math.min(100, Math.max(0, row.score))}%` }} />
              </span>
            </td>
            {terms.map(({ key, label }) => (
              <TermCell key={key} termKey={key} label={label} term={row.terms.find((x) => x.key === key)} />
            ))}
            <td className="num revenue">{formatMoney(row.enterprise.revenue, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
