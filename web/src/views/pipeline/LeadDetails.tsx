import { Failed, Loading } from '../../components/Status';
import { useT } from '../../i18n/useT';
import { type LeadCard, LeadDetailQuery } from '../../queries/leads';
import { useQuery } from '../../state/useQuery';
import { EffectLine } from './EffectLine';
import { LeadEditForm } from './LeadEditForm';

/**
 * A lead's effect (what its landing would change), contacts and history, asked for when its card
 * opens; for an editor, the form that changes it.
 */
export function LeadDetails({
  card,
  canEdit,
  onSaved,
}: {
  card: LeadCard;
  canEdit: boolean;
  onSaved(lead: LeadCard): void;
}) {
  const id = card.id;
  const { t, list } = useT();
  const [state, retry] = useQuery(LeadDetailQuery, { id }, { perCaller: true });
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <Failed message={state.message} onRetry={retry} />;
  const lead = state.data.lead;
  if (!lead) return null;
  return (
    <div className="lead-details" data-testid="lead-details">
      {lead.effect && <EffectLine effect={lead.effect} />}
      {card.notes && <p>{card.notes}</p>}
      {lead.contacts.length > 0 && (
        <p data-testid="lead-contacts">
          {t('pipeline.contactList', { list: list(lead.contacts.map((c) => `${c.name} ${c.role}`.trim())) })}
        </p>
      )}
      {canEdit && <LeadEditForm lead={card} contacts={lead.contacts} onSaved={onSaved} />}
      <h4>{t('pipeline.history')}</h4>
      <ol className="lead-history">
        {lead.history.map((e) => (
          <li key={`${e.at}-${e.kind}`}>
            <time dateTime={e.at}>{e.at.slice(0, 10)}</time>{' '}
            {t(`pipeline.event.${e.kind}`, {
              by: e.by,
              from: e.from ? t(`lead.stage.${e.from}`) : '',
              to: e.to ? t(`lead.stage.${e.to}`) : '',
              fields: list(e.fields),
            })}
            {e.note && <span className="muted"> — {e.note}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
