/** pnpm seed:scale -- S|M|L [--out DIR]: writes a scale data set (default data/datasets/<size>/). */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASETS_DIR } from '@chain-atlas/server/paths';
import { generateScale, SIZES, type Size } from './scale';

// pnpm passes a `--` through to the script: drop it, or it would end the options
const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const { values, positionals: args } = parseArgs({
  args: argv,
  allowPositionals: true,
  options: { out: { type: 'string' } },
});
const size = (args[0] ?? '').toUpperCase();
if (!(size in SIZES)) {
  console.error(`usage: pnpm seed:scale -- ${Object.keys(SIZES).join('|')} [--out DIR]`);
  process.exit(2);
}
const dir = values.out ?? join(DATASETS_DIR, size);
const started = performance.now();
const counts = generateScale(size as Size, dir);
const seconds = ((performance.now() - started) / 1e3).toFixed(1);
console.log(
  `Wrote ${size}: ${counts.enterprises.toLocaleString('en')} enterprises, ${counts.relationships.toLocaleString('en')} relationships to ${dir} in ${seconds} s`,
);
console.log(counts.byKind);
