/**
 * The bearer token the app sends, kept for this tab only (sessionStorage: it goes when the tab
 * closes, and never into the URL, localStorage or a cookie). Nothing here logs it.
 */

const KEY = 'chain-atlas.token';

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    // no sessionStorage (a test under Node, storage turned off): the token lives in memory only
    return null;
  }
}

let current: string | null = stored();
const refusedListeners = new Set<() => void>();

/** The token to send, or null for the anonymous caller. */
export const currentToken = (): string | null => current;

/** Keeps a token (the server has accepted it) for this tab, or forgets it (null). */
export function keepToken(token: string | null): void {
  current = token;
  try {
    if (token === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, token);
  } catch {
    // memory only
  }
}

/**
 * The server answered 401 to a request that carried `sent`: it does not know that token (any more).
 * If it is still the one kept, it is forgotten and the session is told.
 */
export function tokenRefused(sent: string): void {
  if (current !== sent) return;
  keepToken(null);
  for (const listener of refusedListeners) listener();
}

/** Called whenever the kept token is refused by the server and so forgotten. */
export function onTokenRefused(listener: () => void): () => void {
  refusedListeners.add(listener);
  return () => refusedListeners.delete(listener);
}

/**
 * A token as pasted, cleaned: blanks around it and a leading "Bearer " taken off. Undefined when
 * what is left cannot be a token (empty, or with blanks, control characters or non-ASCII letters,
 * which an HTTP header cannot carry).
 */
export function cleanToken(text: string): string | undefined {
  const token = text.trim().replace(/^Bearer\s+/i, '');
  return /^[\x21-\x7e]+$/.test(token) ? token : undefined;
}
