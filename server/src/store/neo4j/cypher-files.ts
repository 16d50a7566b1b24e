import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../../paths';

/**
 * The Cypher of the Neo4j store: the .cypher files in cypher/, read once. schema, import and
 * queries are the store's; test holds the contract tests' set-up and clean-up.
 */
export type CypherFolder = 'schema' | 'import' | 'queries' | 'test';

const cache = new Map<string, string>();

/** The text of cypher/<folder>/<name>.cypher. */
export function cypher(folder: CypherFolder, name: string): string {
  const key = `${folder}/${name}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, folder, `${name}.cypher`), 'utf8');
    cache.set(key, text);
  }
  return text;
}

/** The statements of a file, one per `;`-terminated statement (schema files hold several). */
export function statements(folder: CypherFolder, name: string): string[] {
  return cypher(folder, name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}

/** Every .cypher file, as folder/name. */
export function allCypherFiles(): { folder: CypherFolder; name: string; path: string }[] {
  return (['schema', 'import', 'queries', 'test'] as const).flatMap((folder) =>
    readdirSync(join(CYPHER_DIR, folder))
      .filter((f) => f.endsWith('.cypher'))
      .sort()
      .map((f) => ({ folder, name: f.replace(/\.cypher$/, ''), path: join(CYPHER_DIR, folder, f) })),
  );
}
