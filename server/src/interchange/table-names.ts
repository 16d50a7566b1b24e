import { basename, extname } from 'node:path';
import { KINDS, type Kind, TABLE_NAMES } from './format';

/**
 * The kind a file or sheet holds, from its name: enterprises.csv, enterprises-2025.csv, 企业.csv,
 * a sheet named 企业 or 企业-2025. The name, or the name followed by - _ . a space or a digit.
 */
export function kindOfFileName(name: string): Kind | undefined {
  const base = basename(name, extname(name)).toLowerCase();
  let best: { kind: Kind; length: number } | undefined;
  for (const kind of KINDS) {
    for (const table of TABLE_NAMES[kind]) {
      const fits = base === table || (base.startsWith(table) && /^[-_. 0-9]/.test(base.slice(table.length)));
      if (fits && table.length > (best?.length ?? 0)) best = { kind, length: table.length };
    }
  }
  return best?.kind;
}
