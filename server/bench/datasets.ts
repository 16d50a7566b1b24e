import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateScale, type Size } from '@chain-atlas/seeds/scale';
import { importFiles } from '../src/import/importer';
import { DATASETS_DIR } from '../src/paths';
import type { ImportTarget } from '../src/store/port';

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

const NODE_FILES = [
  'enterprises.jsonl',
  'chains.jsonl',
  'segments.jsonl',
  'feeds.jsonl',
  'leaders.jsonl',
  'leads.jsonl',
];

/** A data set's files split into two folders: the nodes, then the relationships between them. */
export function splitNodesAndRelationships(
  source: string,
  scratch: string,
  prefix: string,
): { nodesDir: string; relsDir: string } {
  const nodesDir = join(scratch, `${prefix}-nodes`);
  const relsDir = join(scratch, `${prefix}-relationships`);
  for (const dir of [nodesDir, relsDir]) mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(source))
    copyFileSync(join(source, file), join(NODE_FILES.includes(file) ? nodesDir : relsDir, file));
  return { nodesDir, relsDir };
}

/** Imports the nodes, then the relationships; rows a second of each step. */
export async function importInTwoSteps(target: ImportTarget, dirs: { nodesDir: string; relsDir: string }) {
  let t = performance.now();
  const nodes = await importFiles(target, { paths: [dirs.nodesDir] });
  const nodeSeconds = (performance.now() - t) / 1e3;
  t = performance.now();
  const rels = await importFiles(target, { paths: [dirs.relsDir] });
  const relSeconds = (performance.now() - t) / 1e3;
  const enterprises = nodes.counts.enterprises.added;
  const c = rels.counts;
  const relationships = c.controls.added + c.supplies.added + c.inSegment.added + c.anchors.added;
  return {
    enterprises,
    relationships,
    enterprisesPerSecond: enterprises / nodeSeconds,
    relationshipsPerSecond: relationships / relSeconds,
  };
}
