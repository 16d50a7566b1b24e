import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { type Gap, NEEDS, type TargetFilters } from './rows';
import { PARAM, type useTargetParams } from './useTargetParams';

interface Props {
  gaps: readonly Gap[];
  filters: TargetFilters;
  raw: { text: string; minScore: string };
  set: ReturnType<typeof useTargetParams>['set'];
  /** Shown after the filters (the count, the export button). */
  children?: ReactNode;
}

/** Need, segment, name and minimum score; every change goes to the URL. */
export function TargetsFilters({ gaps, filters, raw, set, children }: Props) {
  const { t } = useT();
  return (
    <fieldset className="toolbar targets-toolbar">
      <legend className="visually-hidden">{t('targets.filters')}</legend>
      <label>
        {t('targets.filter.need')}
        <select
          data-testid="filter-need"
          value={filters.need ?? ''}
          onChange={(e) => set({ [PARAM.need]: e.target.value })}
        >
          <option value="">{t('targets.filter.needAll')}</option>
          {NEEDS.map((need) => (
            <option key={need} value={need}>
              {t(`need.${need}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('targets.filter.segment')}
        <select
          data-testid="filter-segment"
          value={filters.segment ?? ''}
          onChange={(e) => set({ [PARAM.segment]: e.target.value })}
        >
          <option value="">{t('targets.filter.segmentAll')}</option>
          {gaps.map((gap) => (
            <option key={gap.segment.key} value={gap.segment.key}>
              {`${gap.segment.name} · ${t(`tier.${gap.segment.tier}`)} · ${t(`need.${gap.need}`)}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('targets.filter.text')}
        <input
          type="search"
          data-testid="filter-text"
          value={raw.text}
          placeholder={t('targets.filter.textPlaceholder')}
          onChange={(e) => set({ [PARAM.text]: e.target.value })}
        />
      </label>
      <label>
        {t('targets.filter.minScore')}
        <input
          type="number"
          className="min-score"
          data-testid="filter-min-score"
          value={raw.minScore}
          min={0}
          step={1}
          inputMode="decimal"
          onChange={(e) => set({ [PARAM.minScore]: e.target.value })}
        />
      </label>
      {children}
    </fieldset>
  );
}
