import { BASELINE_SEED, type Quality, RANDOM_SEEDS, ratio, TOP } from './b12-metrics';
import type { B12Result } from './b12-quality';
import { printTable } from './stats';

/** The target: the model's Hits@10 at least this many times the size-only ranking's. */
export const TARGET_VS_SIZE = 3;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const times = (v: number | null) => (v === null ? '∞' : `${v.toFixed(2)}×`);

/** Prints B12's tables: the rankings side by side, why pairs were missed, and the times. */
export function printB12(r: B12Result): void {
  const what = r.data === 'listed' ? 'the converted listed-company data (chainkg)' : 'the generated set';
  console.log(
    `\nB12 candidate quality on ${what}: ${r.hiddenFirms} of ${r.firmsWithMemberships} firms' memberships hidden ` +
      `(${pct(r.hideShare)}, seed ${r.hideSeed}): ${r.hiddenPairs} (firm, segment) pairs in ${r.segments} segments; ` +
      `${r.meanPool.toFixed(1)} firms ranked per segment on average`,
  );
  const row = (name: string, q: Quality, vs: number | null | undefined): string[] => [
    name,
    pct(q.hitsAt10),
    q.mrr.toFixed(3),
    pct(q.coverage),
    vs === undefined ? '' : times(vs),
  ];
  printTable(
    ['ranking', `Hits@${TOP}`, 'MRR', 'coverage', `model Hits@${TOP} ÷ this`],
    [
      row('candidatesFor (model)', r.model, undefined),
      row(`size-only (ties in random order, seed ${BASELINE_SEED})`, r.sizeOnly, r.ratios.vsSizeOnly),
      row(`random (seed ${BASELINE_SEED})`, r.random, r.ratios.vsRandom),
      row(`random, mean of seeds 1–${RANDOM_SEEDS}`, r.randomMean, r.ratios.vsRandomMean),
      row('random, expected value', r.expected, ratio(r.model.hitsAt10, r.expected.hitsAt10)),
    ],
  );
  const vs = r.ratios.vsSizeOnly;
  const met = vs === null ? r.model.hitsAt10 > 0 : vs >= TARGET_VS_SIZE;
  console.log(`  target: Hits@${TOP} ≥ ${TARGET_VS_SIZE}× size-only: ${times(vs)} ${met ? '✓' : '✗'}`);
  console.log(
    `  ${r.pairsMakingASegmentProduct} of ${r.hiddenPairs} hidden pairs (${pct(r.pairsMakingASegmentProduct / Math.max(1, r.hiddenPairs))}) ` +
      `have a firm that makes one of the segment's products (recomputed from the visible members)`,
  );
  const missed = Object.values(r.misses).reduce((a, b) => a + b, 0);
  console.log(`\n  hidden pairs the model did not rank (${missed}), by reason`);
  printTable(
    ['reason', 'pairs'],
    Object.entries(r.misses).map(([reason, n]) => [reason, n]),
  );
  console.log('\n  time, s');
  printTable(
    ['step', 's'],
    Object.entries(r.seconds).map(([step, s]) => [step, s.toFixed(2)]),
  );
}
