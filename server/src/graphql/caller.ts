import type { Caller } from '../auth/roles';
import type { TokenBook } from '../auth/tokens';
import { codedError } from './errors';

/**
 * The bearer token of a request's Authorization header; undefined when there is none (or the
 * header is of another scheme, e.g. a proxy's Basic credentials: they are not ours to judge).
 */
export function bearerToken(request: Request): string | undefined {
  return bearerOf(request.headers.get('authorization'));
}

/** The token of an Authorization header's value (see bearerToken). */
export function bearerOf(header: string | null | undefined): string | undefined {
  if (!header || !/^Bearer\b/i.test(header)) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) {
    throw codedError('FORBIDDEN', 'The Authorization header must be "Bearer <token>".', { http: { status: 401 } });
  }
  return m[1];
}

/** Who sends a request: a token's holder, or the anonymous caller; FORBIDDEN for a token nobody holds. */
export function callerOf(request: Request, tokens: TokenBook): Caller {
  const token = bearerToken(request);
  if (token === undefined) return tokens.anonymous;
  const caller = tokens.callerOf(token);
  if (!caller)
    throw codedError('FORBIDDEN', 'The bearer token is not one this server knows.', { http: { status: 401 } });
  return caller;
}
