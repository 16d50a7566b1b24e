import { existsSync, readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { atLeast } from '../auth/roles';
import type { TokenBook } from '../auth/tokens';
import { bearerToken } from './caller';
import { codedError } from './errors';

/** The web app's operations by SHA-256 of their text (web/src/persisted-operations.json). */
export function readPersistedOperations(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(parsed));
}

/**
 * Persisted operations: a request may name one of the web app's operations by its hash
 * (extensions.persistedQuery.sha256Hash) instead of sending its text. With `trusted` on, that is
 * the only way in, except for callers with an analyst token (or above), who keep GraphiQL and
 * their own queries.
 */
export function usePersisted(operations: Map<string, string>, tokens: TokenBook, trusted: boolean): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => operations.get(hash) ?? null,
    allowArbitraryOperations: (request) => {
      if (!trusted) return true;
      const token = bearerToken(request);
      const caller = token ? tokens.callerOf(token) : undefined;
      return caller !== undefined && atLeast(caller.role, 'analyst');
    },
    customErrors: {
      persistedQueryOnly: () =>
        codedError(
          'FORBIDDEN',
          'This server runs only the web app’s own operations. To run a query of your own, send an analyst token: Authorization: Bearer <token>.',
          { http: { status: 403 } },
        ),
      notFound: () =>
        codedError('BAD_INPUT', 'No operation of the web app has that hash (extensions.persistedQuery.sha256Hash).', {
          reason: 'PERSISTED_QUERY_NOT_FOUND',
          http: { status: 400 },
        }),
      keyNotFound: () =>
        codedError('BAD_INPUT', 'The request has no query: send `query`, or the hash of a persisted operation.', {
          http: { status: 400 },
        }),
    },
  });
}
