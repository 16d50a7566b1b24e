import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type DocumentNode, print } from '@0no-co/graphql.web';

/** SHA-256 in hex (Node's WebCrypto). */
async function sha256(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const QUERIES_DIR = fileURLToPath(new URL('../src/queries/', import.meta.url));

/**
 * The web app's operations (every query exported by a module of src/queries/) by the SHA-256 of
 * their printed text: the persisted-operations manifest that the server accepts when trusted
 * documents are on.
 */
export async function persistedOperations(): Promise<Record<string, string>> {
  const texts: string[] = [];
  for (const file of readdirSync(QUERIES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const module = (await import(pathToFileURL(`${QUERIES_DIR}${file}`).href)) as Record<string, unknown>;
    for (const d of Object.values(module)) {
      const doc = d as DocumentNode;
      if (
        typeof d === 'object' &&
        d !== null &&
        doc.kind === 'Document' &&
        doc.definitions.some((x) => x.kind === 'OperationDefinition')
      )
        texts.push(print(doc));
    }
  }
  const entries = await Promise.all(texts.map(async (text) => [await sha256(text), text] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const formatManifest = (manifest: Record<string, string>) => `${JSON.stringify(manifest, null, 2)}\n`;
