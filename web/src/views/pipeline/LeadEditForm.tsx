import { type FormEvent, useState } from 'react';
import { request } from '../../api';
import { useT } from '../../i18n/useT';
import { type LeadCard, UpdateLeadMutation } from '../../queries/leads';
import { failure } from '../../state/useQuery';

interface Props {
  lead: LeadCard;
  contacts: readonly { name: string; role: string }[];
  onSaved(lead: LeadCard): void;
}

/** "姓名 职务" a line: contacts as names and roles only. */
const parseContacts = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...role] = line.split(/\s+/);
      return { name, role: role.join(' ') };
    });

/** An editor's form for a lead's owner, next step and its due date, notes and contacts. */
export function LeadEditForm({ lead, contacts, onSaved }: Props) {
  const { t } = useT();
  const [owner, setOwner] = useState(lead.owner);
  const [nextStep, setNextStep] = useState(lead.nextStep ?? '');
  const [dueOn, setDueOn] = useState(lead.dueOn ?? '');
  const [notes, setNotes] = useState(lead.notes ?? '');
  const [people, setPeople] = useState(contacts.map((c) => `${c.name} ${c.role}`.trim()).join('\n'));
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    try {
      const answer = await request(UpdateLeadMutation, {
        id: lead.id,
        input: { owner, nextStep, dueOn, notes, contacts: parseContacts(people) },
      });
      setState({ kind: 'saved' });
      onSaved(answer.updateLead.lead);
    } catch (error) {
      setState({ kind: 'error', message: failure(error).message });
    }
  };
  return (
    <form className="lead-edit" data-testid="lead-edit" onSubmit={(e) => void save(e)}>
      <label>
        {t('pipeline.col.owner')}
        <input value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="lead-edit-owner" required />
      </label>
      <label>
        {t('pipeline.col.next')}
        <input value={nextStep} onChange={(e) => setNextStep(e.target.value)} data-testid="lead-edit-next" />
      </label>
      <label>
        {t('pipeline.col.due')}
        <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} data-testid="lead-edit-due" />
      </label>
      <label>
        {t('pipeline.col.notes')}
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
      </label>
      <label>
        {t('pipeline.contacts')}
        <textarea
          value={people}
          onChange={(e) => setPeople(e.target.value)}
          rows={2}
          placeholder={t('pipeline.contacts.placeholder')}
        />
      </label>
      <button type="submit" disabled={state.kind === 'saving'} data-testid="lead-edit-save">
        {t('pipeline.save')}
      </button>
      {state.kind === 'saved' && <span className="muted"> {t('pipeline.saved')}</span>}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
