import { useMemo } from 'react';
import { type ChainLead, ChainLeadsQuery } from '../../queries/leads';
import { useQuery } from '../../state/useQuery';

/**
 * A chain's leads by firm key, for the chain map's candidates and the targets table; an empty map
 * while loading, and for a caller who may not see leads (below analyst). `reload` asks again (after
 * a lead was made).
 */
export function useChainLeads(chainKey: string | null): [ReadonlyMap<string, ChainLead>, () => void] {
  const [state, reload] = useQuery(ChainLeadsQuery, chainKey === null ? null : { chain: chainKey }, {
    perCaller: true,
  });
  const byFirm = useMemo(() => {
    const map = new Map<string, ChainLead>();
    if (state.kind !== 'ready') return map;
    // a firm lost once may be a lead again: the open one wins
    for (const l of state.data.leads.nodes)
      if (!map.has(l.enterprise.key) || l.stage !== 'LOST') map.set(l.enterprise.key, l);
    return map;
  }, [state]);
  return [byFirm, reload];
}
