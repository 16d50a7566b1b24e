import { useState } from 'react';
import { request } from '../../api';
import { useT } from '../../i18n/useT';
import { type ChainLead, CreateLeadMutation } from '../../queries/leads';
import { useSession } from '../../state/session';
import { failure } from '../../state/useQuery';
import { LeadBadge } from './LeadBadge';

interface Props {
  firm: { key: string; name: string };
  chainKey: string;
  /** The gap it would fill, when it is a candidate of one. */
  segment?: { key: string; name: string } | undefined;
  /** Its lead on the chain, if it is one. */
  lead: ChainLead | undefined;
  onMade(): void;
}

/**
 * Any firm of a chain's map made a lead of the chain (editors), or its stage when it is one
 * already; nothing for a caller below editor whose firm is not a lead.
 */
export function MakeLead({ firm, chainKey, segment, lead, onMade }: Props) {
  const { t } = useT();
  const me = useSession().me;
  const [state, setState] = useState<{ kind: 'idle' | 'making' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  if (lead) return <LeadBadge stage={lead.stage} testId="firm-lead" />;
  if (!me || (me.role !== 'editor' && me.role !== 'admin')) return null;
  const make = async () => {
    setState({ kind: 'making' });
    try {
      await request(CreateLeadMutation, {
        input: { enterprise: firm.key, chain: chainKey, segment: segment?.key ?? null, owner: me.name },
      });
      setState({ kind: 'idle' });
      onMade();
    } catch (error) {
      setState({ kind: 'error', message: failure(error).message });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="firm-make-lead"
        disabled={state.kind === 'making'}
        title={t('lead.make.title', { name: firm.name, segment: segment?.name ?? '—' })}
        onClick={() => void make()}
      >
        {state.kind === 'making' ? t('lead.making') : t('lead.make')}
      </button>
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('lead.makeFailed', { message: state.message })}
        </p>
      )}
    </>
  );
}
