import { useCallback } from 'react';
import { useSearchParams } from 'wouter';
import { DEFAULT_SORT, isGapNeed, type SortKey, type TargetFilters, type TargetSort } from './rows';
import { formatWeights, parseWeights, type Weights } from './weights';

/** The search params of the view; `lang` belongs to the shell and is never touched here. */
export const PARAM = {
  need: 'need',
  segment: 'segment',
  text: 'q',
  minScore: 'min',
  sort: 'sort',
  dir: 'dir',
  /** The score's weights that differ from the defaults: `productMatch:4,proximity:0` (weights.ts). */
  weights: 'w',
} as const;
type Param = (typeof PARAM)[keyof typeof PARAM];

const SORT_KEYS: readonly SortKey[] = ['score', 'revenue', 'name'];

/** A minimum score from its text: a finite number, or none. */
export function parseMinScore(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** The filters a URL names; a segment that is not one of `segmentKeys` (a stale link) filters nothing. */
export function parseFilters(params: URLSearchParams, segmentKeys: readonly string[]): TargetFilters {
  const need = params.get(PARAM.need);
  const segment = params.get(PARAM.segment);
  return {
    need: isGapNeed(need) ? need : null,
    segment: segment !== null && segmentKeys.includes(segment) ? segment : null,
    text: params.get(PARAM.text) ?? '',
    minScore: parseMinScore(params.get(PARAM.minScore) ?? ''),
  };
}

export function parseSort(params: URLSearchParams): TargetSort {
  const key = params.get(PARAM.sort);
  const dir = params.get(PARAM.dir);
  if (!SORT_KEYS.includes(key as SortKey)) return DEFAULT_SORT;
  return { key: key as SortKey, dir: dir === 'asc' || dir === 'desc' ? dir : defaultDir(key as SortKey) };
}

/** Numbers largest first, names A to Z (pinyin order). */
export const defaultDir = (key: SortKey) => (key === 'name' ? 'asc' : 'desc');

/** The sort after a click on a column's header: the other direction, or the column in its own. */
export const nextSort = (current: TargetSort, key: SortKey): TargetSort =>
  current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: defaultDir(key) };

/**
 * The view's filters, sort and weights, kept in the URL (replacing the history entry, so that typing does
 * not fill the back button), with setters. Default values are left out of the URL.
 */
export function useTargetParams(segmentKeys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (changes: Partial<Record<Param, string | null>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes)) {
            if (value == null || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const sort = parseSort(params);
  const setSort = useCallback(
    (s: TargetSort) =>
      set({
        [PARAM.sort]: s.key === DEFAULT_SORT.key && s.dir === DEFAULT_SORT.dir ? null : s.key,
        [PARAM.dir]: s.dir === defaultDir(s.key) ? null : s.dir,
      }),
    [set],
  );
  const setWeights = useCallback((w: Weights) => set({ [PARAM.weights]: formatWeights(w) }), [set]);
  const clearFilters = useCallback(
    () => set({ [PARAM.need]: null, [PARAM.segment]: null, [PARAM.text]: null, [PARAM.minScore]: null }),
    [set],
  );
  return {
    filters: parseFilters(params, segmentKeys),
    /** As typed, for the inputs (a half-typed number stays as it is). */
    raw: { text: params.get(PARAM.text) ?? '', minScore: params.get(PARAM.minScore) ?? '' },
    sort,
    weights: parseWeights(params.get(PARAM.weights)),
    set,
    setSort,
    setWeights,
    clearFilters,
  };
}
