import type { TargetsChain, TargetsGap } from '../../queries/targets';

/** The needs that have candidates (an OK segment has none). */
export const NEEDS = ['FILL', 'EXTEND', 'STRENGTHEN'] as const;
export type GapNeed = (typeof NEEDS)[number];

export type Gap = TargetsGap & { need: GapNeed };
type Candidate = NonNullable<TargetsGap['candidates']>['nodes'][number];
export type Term = Candidate['terms'][number];

/** One lead: a candidate for one gap (an enterprise that fits several gaps is several rows). */
export interface TargetRow {
  /** Unique: the segment's id and the enterprise's. */
  id: string;
  /** Place by score among all the chain's rows; equal scores share a place (1, 2, 2, 4). */
  rank: number;
  gap: Gap;
  score: number;
  terms: readonly Term[];
  /** Why it is listed, in Chinese and in English. */
  reason: string;
  reasonEn: string;
  enterprise: Candidate['enterprise'];
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

/** Every (gap, candidate), best score first, ranked. */
export function targetRows(gaps: readonly Gap[]): TargetRow[] {
  const rows = gaps.flatMap((gap) =>
    // null only when refused, and a refused report is never shown as rows (useChainTargets)
    (gap.candidates?.nodes ?? []).map((c) => ({
      id: `${gap.segment.id}|${c.enterprise.id}`,
      rank: 0,
      gap,
      score: c.score,
      terms: c.terms,
      reason: c.reason,
      reasonEn: c.reasonEn,
      enterprise: c.enterprise,
    })),
  );
  rows.sort(
    (a, b) =>
      b.score - a.score ||
      (b.enterprise.revenue ?? -1) - (a.enterprise.revenue ?? -1) ||
      a.gap.segment.order - b.gap.segment.order ||
      collator.compare(a.enterprise.name, b.enterprise.name),
  );
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    row.rank = previous && previous.score === row.score ? previous.rank : i + 1;
  });
  return rows;
}

/** The score terms of the rows, in the order the server gives them, with their weight where it is the same in every row. */
export function termColumns(rows: readonly TargetRow[]): { key: string; label: string; weight: number | null }[] {
  const columns = new Map<string, { key: string; label: string; weight: number | null }>();
  for (const row of rows) {
    for (const term of row.terms) {
      const seen = columns.get(term.key);
      if (!seen) columns.set(term.key, { key: term.key, label: term.label, weight: term.weight });
      else if (seen.weight !== term.weight) seen.weight = null;
    }
  }
  return [...columns.values()];
}

export function filterRows(rows: readonly TargetRow[], f: TargetFilters): TargetRow[] {
  const text = f.text.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (f.need === null || row.gap.need === f.need) &&
      (f.segment === null || row.gap.segment.key === f.segment) &&
      (f.minScore === null || row.score >= f.minScore) &&
      (text === '' ||
        row.enterprise.name.toLocaleLowerCase().includes(text) ||
        row.enterprise.shortName.toLocaleLowerCase().includes(text)),
  );
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
