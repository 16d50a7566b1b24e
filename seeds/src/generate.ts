/**
 * Writes the demo data set to seeds/data/ (or checks that the files there are what the
 * generator makes, with --check). Usage: pnpm seed [--check] [--out DIR]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toJsonLines } from '@chain-atlas/server/interchange/format';
import { buildDemoDataset } from './demo';

export const DEMO_DATA_DIR = new URL('../data/', import.meta.url).pathname;

// pnpm passes a `--` through to the script: drop it.
const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const { values } = parseArgs({ args, options: { check: { type: 'boolean' }, out: { type: 'string' } } });
const dir = values.out ?? DEMO_DATA_DIR;
const files = toJsonLines(buildDemoDataset());

if (values.check) {
  const stale = [...files].filter(([name, text]) => {
    try {
      return readFileSync(join(dir, name), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`Out of date: ${stale.map(([n]) => n).join(', ')}. Run: pnpm seed`);
    process.exit(1);
  }
  console.log(`${files.size} files in ${dir} are what the generator makes.`);
} else {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  console.log(`Wrote ${files.size} files to ${dir}`);
}
