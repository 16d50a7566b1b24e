import { useSyncExternalStore } from 'react';
import { ApiError, request } from '../api';
import { type Caller, MeQuery } from '../queries/access';
import { cleanToken, currentToken, keepToken, onTokenRefused } from './token';

/**
 * Who this tab is signed in as. The token itself lives in ./token (sessionStorage); this is what
 * the page shows of it: the caller the server takes it for (`me`), whether the sign-in form is
 * open, why a token was let go, and an epoch that changes whenever the caller changes, so that the
 * queries whose answer depends on the role run again (no reload).
 */
export interface Session {
  /** anonymous: no token; checking: a token kept from before the reload is being asked about; signedIn. */
  status: 'anonymous' | 'checking' | 'signedIn';
  /** Who the server takes the token for; null while checking, or when the server could not be asked. */
  me: Caller | null;
  /** Why the last token was let go: the server no longer knows it. */
  dropped: 'expired' | null;
  /** The sign-in form is open. */
  formOpen: boolean;
  epoch: number;
}

let session: Session = {
  status: currentToken() ? 'checking' : 'anonymous',
  me: null,
  dropped: null,
  formOpen: false,
  epoch: 0,
};
const listeners = new Set<() => void>();

function update(change: Partial<Session>, callerChanged = false): void {
  session = { ...session, ...change, ...(callerChanged ? { epoch: session.epoch + 1 } : {}) };
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The session, re-rendering the component when it changes. */
export const useSession = (): Session => useSyncExternalStore(subscribe, () => session);

/** The session's epoch only: re-renders when the caller changes, not when the form opens. */
export const useCallerEpoch = (): number => useSyncExternalStore(subscribe, () => session.epoch);

// a request anywhere answered 401 for the kept token: signed out, and the page says why
onTokenRefused(() => update({ status: 'anonymous', me: null, dropped: 'expired' }, true));

let checked = false;

/** After a reload with a token kept: asks the server who it is (once). */
export function checkKeptToken(): void {
  if (checked) return;
  checked = true;
  const token = currentToken();
  if (!token) return;
  request(MeQuery, {}, undefined, { token }).then(
    ({ me }) => {
      if (currentToken() === token) update({ status: 'signedIn', me: me.authenticated ? me : null });
    },
    (error: unknown) => {
      if (currentToken() !== token) return;
      if (error instanceof ApiError && error.status === 401) {
        keepToken(null);
        update({ status: 'anonymous', me: null, dropped: 'expired' }, true);
      } else {
        // the server could not be asked: keep the token, say who it is once the server answers again
        update({ status: 'signedIn', me: null });
      }
    },
  );
}

export const openSignIn = () => update({ formOpen: true });
export const closeSignIn = () => update({ formOpen: false });

/** What became of a sign-in: done, or why not (the token is not kept then). */
export type SignInResult = { ok: true } | { ok: false; why: 'malformed' | 'refused' | 'failed'; message?: string };

/**
 * Asks the server who `pasted` stands for; keeps it (and closes the form) only if the server
 * knows it. The token is sent in the Authorization header only.
 */
export async function signIn(pasted: string): Promise<SignInResult> {
  const token = cleanToken(pasted);
  if (!token) return { ok: false, why: 'malformed' };
  try {
    const { me } = await request(MeQuery, {}, undefined, { token });
    if (!me.authenticated) return { ok: false, why: 'refused' };
    keepToken(token);
    update({ status: 'signedIn', me, dropped: null, formOpen: false }, true);
    return { ok: true };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.code === 'FORBIDDEN'))
      return { ok: false, why: 'refused' };
    return { ok: false, why: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export function signOut(): void {
  keepToken(null);
  update({ status: 'anonymous', me: null, dropped: null }, true);
}
