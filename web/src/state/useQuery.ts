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
  const [state, setState] = useState<Loadable<Data>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: variables are compared by their JSON (key)
  useEffect(() => {
    if (variables === null) return;
    const abort = new AbortController();
    setState({ kind: 'loading' });
    request(document, variables, abort.signal).then(
      (data) => setState({ kind: 'ready', data }),
      (error: unknown) => {
        if (!abort.signal.aborted)
          setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [document, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
