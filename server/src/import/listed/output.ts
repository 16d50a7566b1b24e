import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Every file a conversion can write, in the order they are listed. */
export const OUTPUT_FILES = [
  'enterprises.jsonl',
  'chains.jsonl',
  'segments.jsonl',
  'feeds.jsonl',
  'in_segment.jsonl',
  'products.jsonl',
  'supplies.jsonl',
  'anchors.jsonl',
  'controls.jsonl',
  'district.jsonl',
  'conversion-report.json',
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

/**
 * Writes the files into a temporary folder beside `out`, then moves each into `out` (a rename, so
 * no reader sees half a file) and removes files of an earlier conversion this one does not write.
 * Other files in `out` are left alone.
 */
export function writeOutput(out: string, files: Map<OutputFile, string>): void {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const temp = mkdtempSync(join(dirname(target), '.listed-'));
  try {
    for (const [name, text] of files) writeFileSync(join(temp, name), text);
    mkdirSync(target, { recursive: true });
    for (const name of OUTPUT_FILES) {
      if (files.has(name)) renameSync(join(temp, name), join(target, name));
      else if (existsSync(join(target, name))) rmSync(join(target, name));
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
