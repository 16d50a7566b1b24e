import { Fragment, useState } from 'react';
import { AppLink } from '../../components/AppLink';
import { formatMoney, formatScore } from '../../format';
import { useT } from '../../i18n/useT';
import type { ChainLead } from '../../queries/leads';
import { LeadBadge } from '../pipeline/LeadBadge';
import { gapWhy, reasonOf } from './labels';
import type { Fit, SortKey, TargetRow, TargetSort } from './rows';
import { termColumns } from './rows';
import { TermCell, TermHead } from './TermCells';

interface Props {
  chainName: string;
  chainKey: string;
  rows: readonly TargetRow[];
  sort: TargetSort;
  onSort: (key: SortKey) => void;
  /** The chain's leads by firm key: a firm that is one shows its stage. */
  leads: ReadonlyMap<string, ChainLead>;
  /** Makes a firm a lead (editors; absent for the others). */
  onMakeLead?: ((row: TargetRow) => void) | undefined;
  /** The firm being made a lead, by key. */
  making: string | null;
}

/**
 * The ranked table: one row per candidate firm, naming every gap it could fill (segment, need and
 * its score there), with its best fit's reason, score (0–100) and each score term's points (value
 * and weight on hover; "—" for a term not known for the firm). A firm that fits several gaps opens
 * to one line per gap, each with its own score, terms and reason.
 */
export function TargetsTable({ chainName, chainKey, rows, sort, onSort, leads, onMakeLead, making }: Props) {
  const { t, lang } = useT();
  const terms = termColumns(rows);
  /** The firms opened to a line per gap, by id. */
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const gapLink = (fit: Fit) => (
    <AppLink
      className="name"
      href={`/chains/${encodeURIComponent(chainKey)}?gap=${encodeURIComponent(fit.gap.segment.key)}`}
      title={t('targets.openMap')}
    >
      {fit.gap.segment.name}
    </AppLink>
  );
  const needBadge = (fit: Fit) => (
    <span className={`need-badge need-${fit.gap.need}`} title={gapWhy(t, fit.gap)}>
      {t(`need.${fit.gap.need}`)}
    </span>
  );
  const scoreCell = (score: number) => (
    <>
      <strong data-testid="target-score">{formatScore(score, lang)}</strong>
      {/* out of 100, the most a score can be */}
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, score))}%` }} />
      </span>
    </>
  );
  const termCells = (fit: Fit) =>
    terms.map(({ key, label }) => (
      <TermCell key={key} termKey={key} label={label} term={fit.terms.find((x) => x.key === key)} />
    ));
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
          {head(t('targets.col.gaps'), 'gaps', t('targets.col.gaps.note'))}
          {sortable('score', 'num')}
          {terms.map((column) => (
            <TermHead key={column.key} column={column} />
          ))}
          {sortable('revenue', 'num')}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const many = row.fits.length > 1;
          const opened = many && open.has(row.id);
          return (
            <Fragment key={row.id}>
              <tr
                data-testid="target-row"
                data-enterprise={row.enterprise.key}
                data-segments={row.fits.map((fit) => fit.gap.segment.key).join(' ')}
                className={opened ? 'opened' : undefined}
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
                  {leads.get(row.enterprise.key) ? (
                    <LeadBadge stage={(leads.get(row.enterprise.key) as ChainLead).stage} testId="target-lead" />
                  ) : (
                    onMakeLead && (
                      <button
                        type="button"
                        className="make-lead"
                        data-testid="make-lead"
                        disabled={making !== null}
                        title={t('lead.make.title', { name: row.enterprise.name, segment: row.best.gap.segment.name })}
                        onClick={() => onMakeLead(row)}
                      >
                        {making === row.enterprise.key ? t('lead.making') : t('lead.make')}
                      </button>
                    )
                  )}
                  <span className="reason" data-testid="target-reason">
                    {many && (
                      <span className="reason-of">
                        {t('punct.labelled', { label: row.best.gap.segment.name, value: '' })}
                      </span>
                    )}
                    {reasonOf(row.best, lang)}
                  </span>
                </td>
                <td className="district">{row.enterprise.district ?? '—'}</td>
                <td className="gaps">
                  <ul className="fit-list" data-testid="target-gaps">
                    {row.fits.map((fit) => (
                      <li key={fit.gap.segment.id} data-segment={fit.gap.segment.key}>
                        {gapLink(fit)}
                        <span className={`tier tier-${fit.gap.segment.tier}`}>{t(`tier.${fit.gap.segment.tier}`)}</span>
                        {needBadge(fit)}
                        {many && <span className="fit-score">{formatScore(fit.score, lang)}</span>}
                      </li>
                    ))}
                  </ul>
                  {many && (
                    <button
                      type="button"
                      className="fits-toggle"
                      aria-expanded={opened}
                      data-testid="target-fits-toggle"
                      onClick={() => toggle(row.id)}
                    >
                      {t(opened ? 'targets.fits.close' : 'targets.fits.open', { n: row.fits.length })}
                    </button>
                  )}
                </td>
                <td className="num score">{scoreCell(row.score)}</td>
                {termCells(row.best)}
                <td className="num revenue">{formatMoney(row.enterprise.revenue, lang)}</td>
              </tr>
              {opened &&
                row.fits.map((fit) => (
                  <tr
                    key={fit.gap.segment.id}
                    className="fit-row"
                    data-testid="target-fit-row"
                    data-segment={fit.gap.segment.key}
                  >
                    <td className="num rank" />
                    <td className="enterprise">
                      <span className="reason">{reasonOf(fit, lang)}</span>
                    </td>
                    <td className="district" />
                    <td className="gaps">
                      {gapLink(fit)}
                      <span className={`tier tier-${fit.gap.segment.tier}`}>{t(`tier.${fit.gap.segment.tier}`)}</span>
                      {needBadge(fit)}
                    </td>
                    <td className="num score">{scoreCell(fit.score)}</td>
                    {termCells(fit)}
                    <td className="num revenue" />
                  </tr>
                ))}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
