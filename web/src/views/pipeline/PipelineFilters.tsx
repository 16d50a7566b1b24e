import { useT } from '../../i18n/useT';
import type { BoardFilters } from './board';

interface Props {
  filters: BoardFilters;
  onChange(next: BoardFilters): void;
  choices: { owners: string[]; gaps: { key: string; name: string }[] };
  shown: number;
  onExport(): void;
}

/** The board's filters (owner, overdue, gap) and its export. */
export function PipelineFilters({ filters, onChange, choices, shown, onExport }: Props) {
  const { t } = useT();
  return (
    <div className="pipeline-filters" data-testid="pipeline-filters">
      <label>
        {t('pipeline.filter.owner')}
        <select
          data-testid="filter-owner"
          value={filters.owner ?? ''}
          onChange={(e) => onChange({ ...filters, owner: e.target.value || null })}
        >
          <option value="">{t('pipeline.filter.ownerAll')}</option>
          {choices.owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pipeline.filter.gap')}
        <select
          data-testid="filter-gap"
          value={filters.gap ?? '*'}
          onChange={(e) => onChange({ ...filters, gap: e.target.value === '*' ? null : e.target.value })}
        >
          <option value="*">{t('pipeline.filter.gapAll')}</option>
          {choices.gaps.map((g) => (
            <option key={g.key} value={g.key}>
              {g.name}
            </option>
          ))}
          <option value="">{t('pipeline.filter.noGap')}</option>
        </select>
      </label>
      <label className="pipeline-check">
        <input
          type="checkbox"
          data-testid="filter-overdue"
          checked={filters.overdue}
          onChange={(e) => onChange({ ...filters, overdue: e.target.checked })}
        />
        {t('pipeline.filter.overdue')}
      </label>
      <button
        type="button"
        className="export-button"
        data-testid="pipeline-export"
        title={t('pipeline.export.title', { n: shown })}
        disabled={shown === 0}
        onClick={onExport}
      >
        {t('pipeline.export')}
      </button>
    </div>
  );
}
