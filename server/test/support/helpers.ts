import { ROLES, type Role } from '../../src/auth/roles';
import { hashToken, TokenBook } from '../../src/auth/tokens';
import { createChainAtlasYoga, type YogaOptions } from '../../src/graphql/yoga';
import { readDataset } from '../../src/import/importer';
import { DEMO_DATA_DIR } from '../../src/paths';
import { MemoryStore } from '../../src/store/memory/memory-store';
import type { GraphStore } from '../../src/store/port';

/** A token for each role, as a test sends it: `Bearer test-<role>`. */
export const TOKENS = Object.fromEntries(ROLES.map((r) => [r, `test-${r}`])) as Record<Role, string>;
export const testTokenBook = (anonymous: Role = 'viewer') =>
  new TokenBook(
    ROLES.map((role) => ({ name: `${role}-tester`, role, sha256: hashToken(TOKENS[role]) })),
    anonymous,
  );

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** A yoga instance over a store (the demo data by default), and a helper that posts a query to it in-process. */
export async function demoApi(options: YogaOptions & { store?: GraphStore } = {}) {
  const store = options.store ?? new MemoryStore(await readDataset([DEMO_DATA_DIR]));
  const yoga = createChainAtlasYoga(store, { tokens: testTokenBook(), ...options });
  async function query<T = Record<string, unknown>>(
    source: string,
    variables: Record<string, unknown> = {},
    role?: Role,
  ): Promise<GraphQLResult<T>> {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(role ? { authorization: `Bearer ${TOKENS[role]}` } : {}),
      },
      body: JSON.stringify({ query: source, variables }),
    });
    return response.json();
  }
  return { store, yoga, query };
}

/** The global id of the enterprise with a short name, through the API. */
export async function idOf(query: Query, shortName: string): Promise<string> {
  const r = await query<{ searchEnterprises: { nodes: { id: string; shortName: string }[] } }>(
    'query($q: String) { searchEnterprises(query: $q, first: 5) { nodes { id shortName } } }',
    { q: shortName },
  );
  const hit = r.data?.searchEnterprises.nodes.find((n) => n.shortName === shortName);
  if (!hit) throw new Error(`no enterprise with short name ${shortName}`);
  return hit.id;
}

export type Query = Awaited<ReturnType<typeof demoApi>>['query'];
