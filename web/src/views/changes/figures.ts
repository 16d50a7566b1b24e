import type { SparkSeries } from '../../components/Sparkline';
import type { T } from '../../i18n/useT';
import type { Figures } from '../../queries/changes';

/** The figures 自上次会议以来 compares, in the order it lists them. */
export const FIGURES = [
  'coverage',
  'fill',
  'extend',
  'strengthen',
  'localSourcing',
  'chokepoints',
  'members',
  'localMembers',
  'links',
] as const;

export type FigureKey = (typeof FIGURES)[number];

/** Shares are shown as percentages; the rest are counts. */
const SHARES: ReadonlySet<FigureKey> = new Set(['coverage', 'localSourcing']);

/** Figures that are better lower: gaps and single sources. */
const LOWER_IS_BETTER: ReadonlySet<FigureKey> = new Set(['fill', 'extend', 'strengthen', 'chokepoints']);

export function formatFigure(key: FigureKey, figures: Figures, lang: 'zh' | 'en'): string {
  const v = figures[key];
  if (v == null) return '—';
  return SHARES.has(key) ? `${Math.round(v * 100)}%` : v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
}

/** The change of a figure, signed (percentage points for shares), and whether it is good news. */
export function deltaOf(
  key: FigureKey,
  before: Figures,
  after: Figures,
  lang: 'zh' | 'en',
): { text: string; tone: 'up' | 'down' | 'same' } {
  const a = before[key];
  const b = after[key];
  if (a == null || b == null) return { text: a === b ? '' : '—', tone: 'same' };
  const d = SHARES.has(key) ? Math.round(b * 100) - Math.round(a * 100) : b - a;
  if (d === 0) return { text: '—', tone: 'same' };
  const better = LOWER_IS_BETTER.has(key) ? d < 0 : d > 0;
  const unit = SHARES.has(key) ? (lang === 'zh' ? ' 个百分点' : ' pp') : '';
  return { text: `${d > 0 ? '+' : '−'}${Math.abs(d)}${unit}`, tone: better ? 'up' : 'down' };
}

/** The default moment: 30 days before `today`, as a date. */
export function sinceDefault(today: Date): string {
  return new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A chain's trend: its coverage and local sourcing at every snapshot and now, as the sparkline of
 * its card, its changes and its brief draw it.
 */
export function trend(
  t: T,
  snapshots: readonly { takenAt: string; figures: Pick<Figures, 'coverage' | 'localSourcing'> }[],
  now: Pick<Figures, 'coverage' | 'localSourcing'>,
): { times: string[]; series: SparkSeries[] } {
  return {
    times: [...snapshots.map((s) => s.takenAt), new Date().toISOString()],
    series: [
      {
        key: 'coverage',
        label: t('changes.figure.coverage'),
        color: '#2563eb',
        values: [...snapshots.map((s) => s.figures.coverage), now.coverage],
      },
      {
        key: 'sourcing',
        label: t('changes.figure.localSourcing'),
        color: '#16a34a',
        values: [...snapshots.map((s) => s.figures.localSourcing), now.localSourcing],
      },
    ],
  };
}
