import type { TadaDocumentNode } from 'gql.tada';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api';
import type { Loadable } from '../components/Status';

/**
 * Runs a query when its variables change (given as their JSON, so that equal variables do not run
 * it again); the answer as loading, error or ready, and a function that runs it again.
 */
export function useQuery<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables | null,
): [Loadable<Data>, () => void] {
  const key = JSON.stringify(variables);
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
        if (!abort.signal.aborted)
          setAnswer({ key, state: { kind: 'error', message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => abort.abort();
  }, [document, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [answer.key === key ? answer.state : { kind: 'loading' }, retry];
}
