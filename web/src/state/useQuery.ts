import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from '../api';
import type { Loadable } from '../components/Status';
import { useCallerEpoch } from './session';

/** A failed request as a view shows it: its message, and the role it needed if that was why. */
export function failure(error: unknown): { kind: 'error'; message: string; needed?: string; code?: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiError)) return { kind: 'error', message };
  const code = error.code ? { code: error.code } : {};
  return error.needsRole && error.needed
    ? { kind: 'error', message, needed: error.needed, ...code }
    : { kind: 'error', message, ...code };
}

/**
 * Runs a query when its variables change (given as their JSON, so that equal variables do not run
 * it again); the answer as loading, error or ready, and a function that runs it again. With
 * `perCaller`, the answer depends on who asks (fields that need a role): it runs again when the
 * tab signs in or out, and an answer given to the caller before is not shown.
 */
export function useQuery<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables | null,
  options: { perCaller?: boolean } = {},
): [Loadable<Data>, () => void] {
  const epoch = useCallerEpoch();
  const key = `${JSON.stringify(variables)}${options.perCaller ? `#${epoch}` : ''}`;
  // the answer with the variables it answers: another query's answer is never shown as this one's
  const [answer, setAnswer] = useState<{ key: string; state: Loadable<Data> }>({ key, state: { kind: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: variables are compared by their JSON (key)
  useEffect(() => {
    if (variables === null) return;
    const abort = new AbortController();
    setAnswer({ key, state: { kind: 'loading' } });
    request(document, variables, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setAnswer({ key, state: { kind: 'ready', data } });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setAnswer({ key, state: failure(error) });
      },
    );
    return () => abort.abort();
  }, [document, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [answer.key === key ? answer.state : { kind: 'loading' }, retry];
}
