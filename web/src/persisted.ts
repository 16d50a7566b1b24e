import { type DocumentNode, print } from '@0no-co/graphql.web';
import * as queries from './queries';

/** SHA-256 in hex, in Node and in the browser alike (only Node runs this: the web app reads the manifest). */
async function sha256(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The web app's operations (every query exported by queries.ts) by the SHA-256 of their printed
 * text: the persisted-operations manifest that the server accepts when trusted documents are on.
 */
export async function persistedOperations(): Promise<Record<string, string>> {
  const texts = Object.values(queries as Record<string, unknown>)
    .filter((d): d is DocumentNode => typeof d === 'object' && d !== null && (d as DocumentNode).kind === 'Document')
    .filter((d) => d.definitions.some((def) => def.kind === 'OperationDefinition'))
    .map((d) => print(d));
  const entries = await Promise.all(texts.map(async (text) => [await sha256(text), text] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const formatManifest = (manifest: Record<string, string>) => `${JSON.stringify(manifest, null, 2)}\n`;
