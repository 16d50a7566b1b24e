import type { RefObject } from 'react';
import { CanvasActions } from '../../components/CanvasActions';
import { explorerLegend, meetingSheet } from '../../components/meeting-sheet';
import type { CanvasHandle } from '../../graph/Canvas';
import { useT } from '../../i18n/useT';
import { type ExplorerView, type Kind, type LayoutName, LIMITS, type Show } from '../../state/explorer-url';

interface ExplorerToolbarProps {
  view: ExplorerView;
  /** The segments of the enterprises drawn, for the segment filter. */
  segments: readonly { key: string; label: string }[];
  onChange(change: Partial<ExplorerView>): void;
  /** The canvas the Fit and PNG buttons act on, and the PNG's name. */
  canvas: RefObject<CanvasHandle | null>;
  pngName: string;
  busy: boolean;
}

const LAYOUTS = ['concentric', 'layered', 'force'] as const satisfies readonly LayoutName[];
const SHOWS: readonly Show[] = ['all', 'local', 'outside'];
const SHOW_KEYS = { all: 'local.all', local: 'local.true', outside: 'local.false' } as const;

/** Depth, relationship kinds, layout, local/outside and segment filters, fit and PNG export: real controls, keyboard and all. */
export function ExplorerToolbar({ view, segments, onChange, canvas, pngName, busy }: ExplorerToolbarProps) {
  const { t } = useT();
  const toggleKind = (kind: Kind, on: boolean) => {
    const kinds = on ? [...new Set([...view.kinds, kind])] : view.kinds.filter((k) => k !== kind);
    if (kinds.length > 0) onChange({ kinds, expanded: [], folded: [] });
  };
  return (
    <div className="toolbar explorer-toolbar" data-testid="explorer-toolbar">
      <label>
        {t('explorer.depth')}
        <select
          value={view.depth}
          data-testid="depth"
          onChange={(e) => onChange({ depth: Number(e.target.value) as 1 | 2 | 3, expanded: [], folded: [] })}
        >
          {[1, 2, 3].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="kinds">
        <legend>{t('explorer.kinds')}</legend>
        {(['CONTROLS', 'SUPPLIES'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              data-testid={`kind-${kind}`}
              checked={view.kinds.includes(kind)}
              onChange={(e) => toggleKind(kind, e.target.checked)}
            />
            {t(`kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('explorer.layout')}
        <select
          className="layout-select"
          value={view.layout}
          data-testid="layout"
          onChange={(e) => onChange({ layout: e.target.value as LayoutName })}
        >
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {t(`explorer.layout.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('explorer.limit')}
        <select
          value={view.limit}
          data-testid="limit"
          onChange={(e) => onChange({ limit: Number(e.target.value), expanded: [], folded: [] })}
        >
          {[...new Set([...LIMITS, view.limit])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('explorer.show')}
        <select value={view.show} data-testid="show" onChange={(e) => onChange({ show: e.target.value as Show })}>
          {SHOWS.map((s) => (
            <option key={s} value={s}>
              {t(SHOW_KEYS[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('explorer.segment')}
        <select
          className="segment-select"
          value={view.segment ?? ''}
          data-testid="segment"
          title={segments.find((s) => s.key === view.segment)?.label ?? t('explorer.allSegments')}
          onChange={(e) => onChange({ segment: e.target.value || null })}
        >
          <option value="">{t('explorer.allSegments')}</option>
          {segments.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <CanvasActions
        canvas={canvas}
        fileName={pngName}
        sheet={() => ({
          sheet: meetingSheet(t, {
            title: `${pngName.replace(/\.png$/, '')} · ${t('explorer.title')}`,
            subject: '',
            legend: explorerLegend(t),
          }),
        })}
      />
      {/* always in the page, so that screen readers announce what appears in it */}
      <span className="muted layout-status" role="status">
        {busy ? t('explorer.layoutRunning') : ''}
      </span>
    </div>
  );
}
