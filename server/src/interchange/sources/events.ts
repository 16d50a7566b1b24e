import type { Kind } from '../format';
import type { ImportProblem, Location } from '../problems';

/** What a source reads out of a file: the start of a table of some kind, then its records. */
export type TableEvent =
  | { type: 'table'; kind: Kind; at: Location }
  | { type: 'header'; values: unknown[]; at: Location }
  | { type: 'values'; values: unknown[]; at: Location }
  | { type: 'object'; value: unknown; at: Location }
  | { type: 'problem'; problem: ImportProblem };

export type Encoding = 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'gbk', 'utf-16le'];
