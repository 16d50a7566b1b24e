import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from '../../api';
import { type TargetsChain, TargetsQuery } from '../../queries/targets';

export type TargetsState =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; chain: TargetsChain };

/**
 * The chain's gaps and candidates. Like useQuery, but a chain that does not exist (NOT_FOUND, or
 * no chain in the answer) is its own state, so that the view can say so rather than show an error.
 */
export function useChainTargets(chainKey: string): [TargetsState, () => void] {
  const [state, setState] = useState<TargetsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry runs the query again
  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: 'loading' });
    request(TargetsQuery, { id: chainKey }, abort.signal).then(
      (data) => setState(data.chain ? { kind: 'ready', chain: data.chain } : { kind: 'notFound' }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'NOT_FOUND') setState({ kind: 'notFound' });
        else setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [chainKey, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
