import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../domain/model';
import { FILES, KINDS, ROW_SCHEMAS } from './interchange';
import { ImportError, type ImportProblem } from './problems';
import { checkReferences } from './references';

/**
 * Reads a folder of interchange files (docs/data-format.md) into a Dataset, checking every
 * row and every reference first. Throws an ImportError listing every problem with its file,
 * line and field; returns only a data set that is whole.
 */
export function readDatasetFolder(dir: string): Dataset {
  const problems: ImportProblem[] = [];
  const rows = new Map<string, { line: number }[]>();
  const dataset = Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Dataset;

  for (const kind of KINDS) {
    const file = FILES[kind];
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push({ file, line: 0, message: `missing file (expected in ${dir})` });
      continue;
    }
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n');
    const out = dataset[kind] as unknown[];
    const at: { line: number }[] = [];
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const line = i + 1;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        problems.push({ file, line, message: `not valid JSON: ${(e as Error).message}` });
        return;
      }
      const parsed = ROW_SCHEMAS[kind].safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({ file, line, field: issue.path.join('.') || '(row)', message: issue.message });
        }
        return;
      }
      out.push(parsed.data);
      at.push({ line });
    });
    rows.set(kind, at);
  }
  if (problems.length === 0) {
    problems.push(
      ...checkReferences(dataset, (kind, index) => ({ file: FILES[kind], line: rows.get(kind)?.[index]?.line ?? 0 })),
    );
  }
  if (problems.length > 0) throw new ImportError(problems);
  return dataset;
}
