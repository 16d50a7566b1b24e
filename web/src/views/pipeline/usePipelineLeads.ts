import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api';
import type { Loadable } from '../../components/Status';
import type { ResultOf } from '../../graphql';
import { type LeadCard, PipelineQuery } from '../../queries/leads';
import { useCallerEpoch } from '../../state/session';
import { failure } from '../../state/useQuery';

/** The most pages the board reads (100 leads each); a district with more is told it sees a part. */
export const MAX_PAGES = 20;

export interface PipelineLeads {
  leads: LeadCard[];
  totalCount: number;
}

/**
 * Every lead of a chain (null: of the district), read a page of 100 at a time (the API's largest
 * page), up to MAX_PAGES. Asked again when the tab signs in or out; `retry` asks again.
 */
export function usePipelineLeads(chainKey: string | null): [Loadable<PipelineLeads>, () => void] {
  const epoch = useCallerEpoch();
  const [state, setState] = useState<Loadable<PipelineLeads>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `epoch` (sign-in) and `attempt` (retry) ask again
  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: 'loading' });
    (async () => {
      const leads: LeadCard[] = [];
      let after: string | null = null;
      let totalCount = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer: ResultOf<typeof PipelineQuery> = await request(
          PipelineQuery,
          { chain: chainKey, after },
          abort.signal,
        );
        leads.push(...answer.leads.nodes);
        totalCount = answer.leads.totalCount;
        if (!answer.leads.pageInfo.hasNextPage || !answer.leads.pageInfo.endCursor) break;
        after = answer.leads.pageInfo.endCursor;
      }
      return { leads, totalCount };
    })().then(
      (data) => {
        if (!abort.signal.aborted) setState({ kind: 'ready', data });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState(failure(error));
      },
    );
    return () => abort.abort();
  }, [chainKey, epoch, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
