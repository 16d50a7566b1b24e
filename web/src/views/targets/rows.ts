import type { TargetsChain, TargetsGap } from '../../queries/targets';

/** The needs that have candidates (an OK segment has none). */
export const NEEDS = ['FILL', 'EXTEND', 'STRENGTHEN'] as const;
export type GapNeed = (typeof NEEDS)[number];

export type Gap = TargetsGap & { need: GapNeed };
type Candidate = NonNullable<TargetsGap['candidates']>['nodes'][number];
export type Term = Candidate['terms'][number];

/** One lead: how a firm fits one gap, with its score there and why it is listed. */
export interface Fit {
  gap: Gap;
  score: number;
  terms: readonly Term[];
  /** Why it is listed, in Chinese and in English. */
  reason: string;
  reasonEn: string;
}

/**
 * One candidate firm with every gap it could fill (its leads), best score first: a firm that fits
 * several gaps is one row, ranked by its best score.
 */
export interface TargetRow {
  /** Unique: the enterprise's id. */
  id: string;
  /** Place by best score among the rows listed; equal scores share a place (1, 2, 2, 4). */
  rank: number;
  enterprise: Candidate['enterprise'];
  /** Best score first (then chain order); never empty. */
  fits: readonly Fit[];
  /** The first of `fits`. */
  best: Fit;
  /** The best fit's score. */
  score: number;
}

export type SortKey = 'score' | 'revenue' | 'name';
export type SortDir = 'asc' | 'desc';
export interface TargetSort {
  key: SortKey;
  dir: SortDir;
}
export const DEFAULT_SORT: TargetSort = { key: 'score', dir: 'desc' };

export interface TargetFilters {
  need: GapNeed | null;
  /** A segment's key. */
  segment: string | null;
  /** Part of the name or the short name. */
  text: string;
  minScore: number | null;
}

/** Names in pinyin order. */
const collator = new Intl.Collator('zh-CN');

export const isGapNeed = (value: unknown): value is GapNeed => NEEDS.includes(value as GapNeed);

/** The segments that need something, in chain order; not groups (their sub-segments are listed, with the candidates). */
export function gapsOf(chain: TargetsChain): Gap[] {
  return chain.gapReport.segments
    .filter((g): g is Gap => isGapNeed(g.need) && !g.group)
    .sort((a, b) => a.segment.order - b.segment.order);
}

const byFit = (a: Fit, b: Fit) => b.score - a.score || a.gap.segment.order - b.gap.segment.order;

/** A firm's row from its fits (at least one), in ranking order; its rank is set by `ranked`. */
const rowOf = (enterprise: Candidate['enterprise'], fits: Fit[]): TargetRow => {
  const sorted = [...fits].sort(byFit);
  const best = sorted[0] as Fit;
  return { id: enterprise.id, rank: 0, enterprise, fits: sorted, best, score: best.score };
};

/** The rows by best score (then revenue, the best gap's place in the chain, name), ranked. */
function ranked(rows: TargetRow[]): TargetRow[] {
  rows.sort(
    (a, b) =>
      b.score - a.score ||
      (b.enterprise.revenue ?? -1) - (a.enterprise.revenue ?? -1) ||
      a.best.gap.segment.order - b.best.gap.segment.order ||
      collator.compare(a.enterprise.name, b.enterprise.name),
  );
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    row.rank = previous && previous.score === row.score ? previous.rank : i + 1;
  });
  return rows;
}

/** One row per candidate firm, with every gap it fits, best score first, ranked. */
export function targetRows(gaps: readonly Gap[]): TargetRow[] {
  const firms = new Map<string, { enterprise: Candidate['enterprise']; fits: Fit[] }>();
  for (const gap of gaps) {
    // null only when refused, and a refused report is never shown as rows (useChainTargets)
    for (const c of gap.candidates?.nodes ?? []) {
      const fit: Fit = { gap, score: c.score, terms: c.terms, reason: c.reason, reasonEn: c.reasonEn };
      const seen = firms.get(c.enterprise.id);
      if (seen) seen.fits.push(fit);
      else firms.set(c.enterprise.id, { enterprise: c.enterprise, fits: [fit] });
    }
  }
  return ranked([...firms.values()].map(({ enterprise, fits }) => rowOf(enterprise, fits)));
}

/** How many leads (a firm for a gap) the rows hold. */
export const leadCount = (rows: readonly TargetRow[]) => rows.reduce((n, row) => n + row.fits.length, 0);

/** The score terms of the rows, in the order the server gives them, with their weight where it is the same in every row. */
export function termColumns(rows: readonly TargetRow[]): { key: string; label: string; weight: number | null }[] {
  const columns = new Map<string, { key: string; label: string; weight: number | null }>();
  for (const row of rows) {
    for (const term of row.fits.flatMap((fit) => fit.terms)) {
      const seen = columns.get(term.key);
      if (!seen) columns.set(term.key, { key: term.key, label: term.label, weight: term.weight });
      else if (seen.weight !== term.weight) seen.weight = null;
    }
  }
  return [...columns.values()];
}

/**
 * The firms that match: need, segment and minimum score choose among a firm's gaps (a firm is
 * listed with the gaps that match, its score the best of them), the text among firms. Ranked again
 * among those listed.
 */
export function filterRows(rows: readonly TargetRow[], f: TargetFilters): TargetRow[] {
  const text = f.text.trim().toLocaleLowerCase();
  const out: TargetRow[] = [];
  for (const row of rows) {
    if (
      text !== '' &&
      !row.enterprise.name.toLocaleLowerCase().includes(text) &&
      !row.enterprise.shortName.toLocaleLowerCase().includes(text)
    )
      continue;
    const fits = row.fits.filter(
      (fit) =>
        (f.need === null || fit.gap.need === f.need) &&
        (f.segment === null || fit.gap.segment.key === f.segment) &&
        (f.minScore === null || fit.score >= f.minScore),
    );
    if (fits.length > 0) out.push(fits.length === row.fits.length ? { ...row } : rowOf(row.enterprise, fits));
  }
  return ranked(out);
}

/** Sorted by the chosen column; ties keep the ranking's order; unknown revenue last either way. */
export function sortRows(rows: readonly TargetRow[], sort: TargetSort): TargetRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const compare = (a: TargetRow, b: TargetRow): number => {
    switch (sort.key) {
      case 'score':
        return sign * (a.score - b.score);
      case 'name':
        return sign * collator.compare(a.enterprise.name, b.enterprise.name);
      case 'revenue': {
        const x = a.enterprise.revenue;
        const y = b.enterprise.revenue;
        if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
        return sign * (x - y);
      }
    }
  };
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => compare(a.row, b.row) || a.i - b.i)
    .map(({ row }) => row);
}
