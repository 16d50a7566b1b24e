import { Random } from '@chain-atlas/seeds/random';
import { toCny } from '../src/domain/currency';
import type { Enterprise } from '../src/domain/model';

/** The top of a ranking that counts as a hit. */
export const TOP = 10;
/** Seed of the random baseline's headline figure, and of the size baseline's tie order. */
export const BASELINE_SEED = 12;
/** The random baseline is also averaged over seeds 1 … RANDOM_SEEDS. */
export const RANDOM_SEEDS = 20;

export interface Quality {
  /** Hidden (firm, segment) pairs. */
  pairs: number;
  /** Share of the pairs ranked in the top TOP. */
  hitsAt10: number;
  /** Mean of 1/rank, 0 for a pair not ranked. */
  mrr: number;
  /** Share of the pairs ranked at all. */
  coverage: number;
}

/** A firm's 1-based rank in a list, best first; undefined when it is not in it. */
export function rankOf(list: readonly string[], id: string): number | undefined {
  const i = list.indexOf(id);
  return i < 0 ? undefined : i + 1;
}

/** Hits@k, MRR and coverage of the ranks of the hidden pairs (undefined: a miss). */
export function quality(ranks: readonly (number | undefined)[], k = TOP): Quality {
  const n = ranks.length;
  const share = (count: number) => (n === 0 ? 0 : count / n);
  return {
    pairs: n,
    hitsAt10: share(ranks.filter((r) => r !== undefined && r <= k).length),
    mrr: share(ranks.reduce<number>((sum, r) => sum + (r === undefined ? 0 : 1 / r), 0)),
    coverage: share(ranks.filter((r) => r !== undefined).length),
  };
}

/** What the random ranking gives on average: a pair in a pool of n is in the top k with chance min(k, n)/n. */
export function expectedRandom(poolSizes: readonly number[], k = TOP): Quality {
  const n = poolSizes.length;
  let hits = 0;
  let mrr = 0;
  for (const size of poolSizes) {
    hits += Math.min(k, size) / size;
    for (let r = 1; r <= size; r++) mrr += 1 / r / size;
  }
  return { pairs: n, hitsAt10: n ? hits / n : 0, mrr: n ? mrr / n : 0, coverage: n ? 1 : 0 };
}

type Sized = Pick<Enterprise, 'revenue' | 'registeredCapital' | 'registeredCapitalCurrency' | 'employees'>;

/**
 * A firm's size for the size-only baseline: revenue (10k CNY), else registered capital in 10k CNY
 * (toCny; a currency without a rate counts as unknown), else employees. Money is compared with
 * money; a firm known only by its employees ranks after every firm with a money figure, and a firm
 * of unknown size last: `tier` 0, 1, 2, then `value`, larger first.
 */
export function sizeOf(e: Sized | undefined): { tier: 0 | 1 | 2; value: number } {
  if (e?.revenue !== undefined) return { tier: 0, value: e.revenue };
  const capital =
    e?.registeredCapital === undefined ? undefined : toCny(e.registeredCapital, e.registeredCapitalCurrency);
  if (capital !== undefined) return { tier: 0, value: capital };
  if (e?.employees !== undefined) return { tier: 1, value: e.employees };
  return { tier: 2, value: 0 };
}

/** Fisher–Yates over a copy, with the given generator. */
export const shuffle = (ids: readonly string[], random: Random): string[] => random.sample(ids, ids.length);

/** The pool by size, largest first; ties (and the unknown, last) in the order `random` shuffles them. */
export function bySize(pool: readonly string[], size: (id: string) => Sized | undefined, random: Random): string[] {
  const keyed = shuffle(pool, random).map((id) => ({ id, ...sizeOf(size(id)) }));
  keyed.sort((a, b) => a.tier - b.tier || b.value - a.value); // stable: ties keep the shuffled order
  return keyed.map((k) => k.id);
}

/** One segment's evaluation input: the model's list (visible members left out) and its hidden firms. */
export interface SegmentRanking {
  segmentId: string;
  list: string[];
  hidden: string[];
}

/** The model's ranks, and the pool the baselines rank: the model's list plus the hidden firms it missed. */
export function poolOf(s: SegmentRanking): string[] {
  const listed = new Set(s.list);
  return [...s.list, ...s.hidden.filter((id) => !listed.has(id))];
}

/** The ranks of every hidden pair under `rank`, segments in the order given. */
export function ranksUnder(segments: readonly SegmentRanking[], rank: (s: SegmentRanking) => string[]) {
  return segments.flatMap((s) => {
    const list = rank(s);
    return s.hidden.map((id) => rankOf(list, id));
  });
}

/** Model, size-only, random (seed BASELINE_SEED), the mean of RANDOM_SEEDS random seeds, and the expectation. */
export function compare(segments: readonly SegmentRanking[], size: (id: string) => Sized | undefined) {
  const model = quality(ranksUnder(segments, (s) => s.list));
  const sizeRandom = new Random(BASELINE_SEED);
  const sizeOnly = quality(ranksUnder(segments, (s) => bySize(poolOf(s), size, sizeRandom)));
  const randomOf = (seed: number) => {
    const random = new Random(seed);
    return quality(ranksUnder(segments, (s) => shuffle(poolOf(s), random)));
  };
  const runs = Array.from({ length: RANDOM_SEEDS }, (_, i) => randomOf(i + 1));
  const mean = (f: (q: Quality) => number) => runs.reduce((sum, q) => sum + f(q), 0) / runs.length;
  const randomMean: Quality = {
    pairs: model.pairs,
    hitsAt10: mean((q) => q.hitsAt10),
    mrr: mean((q) => q.mrr),
    coverage: mean((q) => q.coverage),
  };
  const expected = expectedRandom(segments.flatMap((s) => s.hidden.map(() => poolOf(s).length)));
  return { model, sizeOnly, random: randomOf(BASELINE_SEED), randomMean, expected };
}

/** a / b, or null when b is 0 (JSON has no infinity). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
