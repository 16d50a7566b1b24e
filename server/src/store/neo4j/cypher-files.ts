import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../../paths';
import type { CypherFile, SchemaFile } from './cypher-catalog';

/**
 * The Cypher of the Neo4j store: the .cypher files in cypher/, read once, named as
 * cypher-catalog.ts lists them (`queries/search`). schema, import and queries are the store's;
 * test holds the contract tests' set-up and clean-up.
 */
export const CYPHER_FOLDERS = ['schema', 'import', 'queries', 'test'] as const;

const cache = new Map<CypherFile, string>();

/** The text of cypher/<file>.cypher. */
export function cypher(file: CypherFile): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${file}.cypher`), 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** The statements of a schema file, one per `;`-terminated statement. */
export function statements(file: SchemaFile): string[] {
  return cypher(file)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}

/** Every .cypher file in cypher/, as `folder/name` (what cypher-catalog.ts must list), and its path. */
export function allCypherFiles(): { file: string; path: string }[] {
  return CYPHER_FOLDERS.flatMap((folder) =>
    readdirSync(join(CYPHER_DIR, folder))
      .filter((f) => f.endsWith('.cypher'))
      .sort()
      .map((f) => ({ file: `${folder}/${f.replace(/\.cypher$/, '')}`, path: join(CYPHER_DIR, folder, f) })),
  );
}
