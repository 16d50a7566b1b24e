import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, requestPartial } from '../../api';
import { type TargetsChain, type TargetsHead, TargetsQuery } from '../../queries/targets';
import { useCallerEpoch } from '../../state/session';
import type { WeightsInput } from './weights';

export type TargetsState =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  | { kind: 'error'; message: string }
  /** The caller's role is below `needed` (analyst): the chain is named, its leads are not shown. */
  | { kind: 'needsRole'; needed: string; chain: TargetsHead }
  /**
   * The leads. While other weights are being asked for, the rows of the last ones stay on show
   * (`reloading`); if that fails, they stay, with why (`failed`).
   */
  | { kind: 'ready'; chain: TargetsChain; reloading?: boolean; failed?: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The chain's gaps and candidates, scored with `weights` (null: the defaults). Like useQuery, but
 * a chain that does not exist (NOT_FOUND, or no chain in the answer) is its own state, and so is a
 * caller whose role may not see the candidates, so that the view can say so rather than show an
 * error. Runs again when the tab signs in or out, and when the weights change (keeping the rows).
 */
export function useChainTargets(chainKey: string, weights: WeightsInput | null): [TargetsState, () => void] {
  const [state, setState] = useState<TargetsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const epoch = useCallerEpoch();
  const weightsKey = JSON.stringify(weights);
  /** The chain and caller of the last run: only the weights changed when it is the same. */
  const last = useRef('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry runs the query again, `epoch` how signing in does; the weights are compared by their JSON
  useEffect(() => {
    const abort = new AbortController();
    const same = last.current === `${chainKey}#${epoch}`;
    last.current = `${chainKey}#${epoch}`;
    setState((prev) => (same && prev.kind === 'ready' ? { ...prev, reloading: true } : { kind: 'loading' }));
    /** A failure to rescore keeps the rows of the last weights; any other is the view's state. */
    const fail = (next: TargetsState) =>
      setState((prev) =>
        same && prev.kind === 'ready' && next.kind === 'error'
          ? { ...prev, reloading: false, failed: next.message }
          : next,
      );
    requestPartial(TargetsQuery, { id: chainKey, weights }, abort.signal).then(
      ({ data, errors }) => {
        if (abort.signal.aborted) return;
        const failed = errors[0];
        if (!data.chain) {
          const missing = !failed || errors.some((e) => e.code === 'NOT_FOUND');
          fail(missing ? { kind: 'notFound' } : { kind: 'error', message: failed.message });
        } else if (data.leads && !failed) {
          setState({ kind: 'ready', chain: { ...data.chain, gapReport: data.leads.gapReport } });
        } else {
          const forbidden = errors.find((e) => e.needsRole);
          if (forbidden?.needed) fail({ kind: 'needsRole', needed: forbidden.needed, chain: data.chain });
          // no leads and no error: the chain went (an import) between the two fields
          else fail(failed ? { kind: 'error', message: failed.message } : { kind: 'notFound' });
        }
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'NOT_FOUND') fail({ kind: 'notFound' });
        else fail({ kind: 'error', message: messageOf(error) });
      },
    );
    return () => abort.abort();
  }, [chainKey, weightsKey, attempt, epoch]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
