import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateScale, type Size } from '@chain-atlas/seeds/scale';
import { DATASETS_DIR } from '../src/paths';

/** The folder of a scale data set, generated (deterministically) the first time it is asked for. */
export function dataset(size: Size): string {
  const dir = join(DATASETS_DIR, size);
  if (!existsSync(join(dir, 'supplies.jsonl'))) {
    const started = performance.now();
    process.stdout.write(`  generating data set ${size} in ${dir} … `);
    generateScale(size, dir);
    console.log(`${((performance.now() - started) / 1e3).toFixed(1)} s`);
  }
  return dir;
}
