import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { AppLink } from '../../components/AppLink';
import { useT } from '../../i18n/useT';
import type { LeadCard, LeadStage } from '../../queries/leads';
import { NEEDS_REASON, STAGES, stageBeside } from './board';
import { LeadDetails } from './LeadDetails';

interface Props {
  lead: LeadCard;
  canMove: boolean;
  /** On the district's board: the card names its chain. */
  showChain: boolean;
  /** A move this card asks the reason for (a drag onto 搁置 or 流失). */
  asking: LeadStage | null;
  onAsk(stage: LeadStage | null): void;
  onMove(lead: LeadCard, stage: LeadStage, note?: string): void;
  /** The lead as an edit left it. */
  onSaved(lead: LeadCard): void;
}

/**
 * A lead's card: the firm (to the explorer), its gap (to the chain map), owner, next step and due
 * date, days at its stage. An editor moves it by dragging, with its "move to" list, or with ← and
 * → while it has the focus; a move to 搁置 or 流失 asks why first.
 */
export function LeadCardView({ lead, canMove, showChain, asking, onAsk, onMove, onSaved }: Props) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const reasonInput = useRef<HTMLInputElement>(null);
  // the form opens on a move to 搁置 or 流失: the focus goes to its reason
  useEffect(() => {
    if (asking) reasonInput.current?.focus();
  }, [asking]);
  const name = lead.enterprise.shortName || lead.enterprise.name;
  const ask = (stage: LeadStage) => {
    if (NEEDS_REASON.has(stage)) {
      setReason('');
      onAsk(stage);
    } else onMove(lead, stage);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!canMove || e.target !== e.currentTarget) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const next = step === 0 ? undefined : stageBeside(lead.stage, step);
    if (!next) return;
    e.preventDefault();
    ask(next);
  };
  const stageName = t(`lead.stage.${lead.stage}`);
  return (
    <li
      className={`lead-card${lead.overdue ? ' overdue' : ''}`}
      data-testid="lead-card"
      data-lead={lead.key}
      data-firm={lead.enterprise.key}
      data-stage={lead.stage}
      draggable={canMove}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the card takes the focus so that ← and → move it
      tabIndex={0}
      aria-label={`${lead.enterprise.name} · ${stageName}`}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-lead', lead.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
    >
      <AppLink
        className="lead-firm"
        href={`/explore?e=${encodeURIComponent(lead.enterprise.key)}`}
        title={t('pipeline.openFirm')}
        data-testid="lead-firm"
      >
        {lead.enterprise.name}
      </AppLink>
      {(showChain || lead.segment) && (
        <p className="lead-where">
          {showChain && <span>{lead.chain.name}</span>}
          {lead.segment && (
            <AppLink
              href={`/chains/${encodeURIComponent(lead.chain.key)}?gap=${encodeURIComponent(lead.segment.key)}`}
              title={t('pipeline.openGap')}
              data-testid="lead-gap"
            >
              {lead.segment.name}
            </AppLink>
          )}
        </p>
      )}
      <p className="lead-owner">{t('pipeline.owner', { name: lead.owner })}</p>
      {lead.nextStep && <p>{t('pipeline.next', { text: lead.nextStep })}</p>}
      <p className="lead-meta">
        {lead.dueOn && (
          <span className={lead.overdue ? 'lead-due overdue' : 'lead-due'} data-testid="lead-due">
            {lead.overdue && <strong>{t('pipeline.overdue')} </strong>}
            {t('pipeline.due', { date: lead.dueOn })}
          </span>
        )}
        <span className="lead-age" data-testid="lead-age">
          {t('pipeline.days', { n: lead.daysInStage })}
        </span>
      </p>
      {lead.reason && <p className="lead-reason">{t('pipeline.reason', { text: lead.reason })}</p>}
      {canMove && asking === null && (
        <label className="lead-move">
          <span>{t('pipeline.moveTo')}</span>
          <select
            aria-label={t('pipeline.moveLabel', { name })}
            data-testid="lead-move"
            value=""
            onChange={(e) => e.target.value && ask(e.target.value as LeadStage)}
          >
            <option value="">{stageName}</option>
            {STAGES.filter((s) => s !== lead.stage).map((s) => (
              <option key={s} value={s}>
                {t(`lead.stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {asking && (
        <form
          className="lead-reason-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) onMove(lead, asking, reason.trim());
          }}
        >
          <label>
            {t('pipeline.reasonPrompt', { stage: t(`lead.stage.${asking}`) })}
            <input
              ref={reasonInput}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="lead-reason-input"
            />
          </label>
          <button type="submit" disabled={!reason.trim()} data-testid="lead-reason-ok">
            {t('pipeline.confirm')}
          </button>
          <button type="button" onClick={() => onAsk(null)}>
            {t('pipeline.cancel')}
          </button>
        </form>
      )}
      <button
        type="button"
        className="lead-details-toggle"
        aria-expanded={open}
        data-testid="lead-details-toggle"
        onClick={() => setOpen(!open)}
      >
        {open ? t('pipeline.hideDetails') : t('pipeline.details')}
      </button>
      {/* asked anew after a move (its key changes) */}
      {open && <LeadDetails key={lead.updatedAt} card={lead} canEdit={canMove} onSaved={onSaved} />}
    </li>
  );
}
