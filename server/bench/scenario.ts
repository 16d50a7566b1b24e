import type { Size } from '@chain-atlas/seeds/scale';

/** A benchmark scenario as run.ts runs it. */
export interface Scenario {
  /** What --only names it by (and its aliases: B8 runs with B7). */
  id: string;
  aliases?: string[];
  /** Where its figures are kept in latest.json (default: its id); `-SIZE` added when per size. */
  key?: string;
  /** Run once per set of --sizes, or once. */
  perSize: boolean;
  /** Run when --only is not given (a quick run runs every scenario). */
  byDefault: boolean;
  /** Its figures; throws when it cannot run, or its two sides disagree; `only`: the ids asked for. */
  run: (size: Size, only: ReadonlySet<string>) => Promise<unknown> | unknown;
}

/** A scenario that cannot run here, and says why (NEO4J_URI not set): a failure under CI. */
export class Skipped extends Error {}

/** Throws, naming the scenario and what differs, unless `a` and `b` are the same JSON. */
export function agree(scenario: string, what: string, a: unknown, b: unknown): void {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  if (x === y) return;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const around = (s: string) => s.slice(Math.max(0, i - 60), i + 60);
  throw new Error(`${scenario}: ${what} differ at character ${i}: …${around(x)}… against …${around(y)}…`);
}

/** Throws, naming the scenario, unless `ok`. */
export function check(scenario: string, ok: boolean, message: string): asserts ok {
  if (!ok) throw new Error(`${scenario}: ${message}`);
}

export interface Outcome {
  label: string;
  seconds: number;
  skipped?: string;
  failed?: string;
}

/** Prints a line per scenario run; true when one failed (or was skipped, with `skipFails`). */
export function printOutcomes(outcomes: readonly Outcome[], { skipFails }: { skipFails: boolean }): boolean {
  console.log('\nQuick run:');
  let failed = false;
  for (const o of outcomes) {
    const time = `${o.seconds.toFixed(1)} s`;
    if (o.failed !== undefined) {
      failed = true;
      console.log(`  ✗ ${o.label}, ${time}: ${o.failed}`);
    } else if (o.skipped !== undefined) {
      failed ||= skipFails;
      console.log(
        `  ${skipFails ? '✗' : '-'} ${o.label} skipped: ${o.skipped}${skipFails ? ' (under CI it must run)' : ''}`,
      );
    } else console.log(`  ✓ ${o.label}, ${time}`);
  }
  const total = outcomes.reduce((sum, o) => sum + o.seconds, 0);
  console.log(`  ${failed ? 'FAILED' : 'passed'}, ${total.toFixed(0)} s in all`);
  return failed;
}

/** A relationship's key, the same for a store's relation and a data set's row: from>to:product. */
export const relationKey = (r: { from: string; to: string; product?: string }): string =>
  `${r.from}>${r.to}:${r.product ?? ''}`;
