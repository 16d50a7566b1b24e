import { useCallback, useEffect, useState } from 'react';
import { ApiError, requestPartial } from '../../api';
import { type TargetsChain, type TargetsHead, TargetsQuery } from '../../queries/targets';
import { useCallerEpoch } from '../../state/session';

export type TargetsState =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  | { kind: 'error'; message: string }
  /** The caller's role is below `needed` (analyst): the chain is named, its leads are not shown. */
  | { kind: 'needsRole'; needed: string; chain: TargetsHead }
  | { kind: 'ready'; chain: TargetsChain };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The chain's gaps and candidates. Like useQuery, but a chain that does not exist (NOT_FOUND, or
 * no chain in the answer) is its own state, and so is a caller whose role may not see the
 * candidates, so that the view can say so rather than show an error. Runs again when the tab signs
 * in or out.
 */
export function useChainTargets(chainKey: string): [TargetsState, () => void] {
  const [state, setState] = useState<TargetsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const epoch = useCallerEpoch();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry runs the query again, `epoch` how signing in does
  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: 'loading' });
    requestPartial(TargetsQuery, { id: chainKey }, abort.signal).then(
      ({ data, errors }) => {
        if (abort.signal.aborted) return;
        const failed = errors[0];
        if (!data.chain) {
          const missing = !failed || errors.some((e) => e.code === 'NOT_FOUND');
          setState(missing ? { kind: 'notFound' } : { kind: 'error', message: failed.message });
        } else if (data.leads && !failed) {
          setState({ kind: 'ready', chain: { ...data.chain, gapReport: data.leads.gapReport } });
        } else {
          const forbidden = errors.find((e) => e.needsRole);
          if (forbidden?.needed) setState({ kind: 'needsRole', needed: forbidden.needed, chain: data.chain });
          // no leads and no error: the chain went (an import) between the two fields
          else setState(failed ? { kind: 'error', message: failed.message } : { kind: 'notFound' });
        }
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'NOT_FOUND') setState({ kind: 'notFound' });
        else setState({ kind: 'error', message: messageOf(error) });
      },
    );
    return () => abort.abort();
  }, [chainKey, attempt, epoch]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
