import { useState } from 'react';
import { useT } from '../../i18n/useT';
import type { LeadCard, LeadStage } from '../../queries/leads';
import { type Column, NEEDS_REASON } from './board';
import { LeadCardView } from './LeadCardView';

interface Props {
  columns: readonly Column[];
  canMove: boolean;
  showChain: boolean;
  onMove(lead: LeadCard, stage: LeadStage, note?: string): void;
  onSaved(lead: LeadCard): void;
}

/** The columns by stage, each with its count and the average days its leads have been there; cards drop onto a column. */
export function PipelineBoard({ columns, canMove, showChain, onMove, onSaved }: Props) {
  const { t } = useT();
  /** The card asking why it moves to 搁置 or 流失, and to which. */
  const [asking, setAsking] = useState<{ id: string; stage: LeadStage } | null>(null);
  const [over, setOver] = useState<LeadStage | null>(null);
  const all = columns.flatMap((c) => c.leads);
  const move = (lead: LeadCard, stage: LeadStage, note?: string) => {
    setAsking(null);
    onMove(lead, stage, note);
  };
  return (
    <div className="pipeline-board" data-testid="pipeline-board">
      {columns.map((column) => (
        <section
          key={column.stage}
          className={`pipeline-column stage-${column.stage}${over === column.stage ? ' drop-over' : ''}`}
          data-testid="pipeline-column"
          data-stage={column.stage}
          aria-labelledby={`column-${column.stage}`}
          onDragOver={(e) => {
            if (!canMove) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            setOver(column.stage);
          }}
          onDragLeave={() => setOver(null)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(null);
            const lead = all.find((l) => l.id === e.dataTransfer.getData('text/x-lead'));
            if (!lead || lead.stage === column.stage) return;
            if (NEEDS_REASON.has(column.stage)) setAsking({ id: lead.id, stage: column.stage });
            else move(lead, column.stage);
          }}
        >
          <header className="pipeline-column-head">
            <h3 id={`column-${column.stage}`}>{t(`lead.stage.${column.stage}`)}</h3>
            <span className="pipeline-count" data-testid="column-count">
              {t('pipeline.count', { n: column.leads.length })}
            </span>
            {column.averageDays !== null && (
              <span className="pipeline-age muted">{t('pipeline.age', { days: column.averageDays })}</span>
            )}
          </header>
          {column.leads.length === 0 ? (
            <p className="pipeline-empty muted">{t('pipeline.empty')}</p>
          ) : (
            <ol className="pipeline-cards">
              {column.leads.map((lead) => (
                <LeadCardView
                  key={lead.id}
                  lead={lead}
                  canMove={canMove}
                  showChain={showChain}
                  asking={asking?.id === lead.id ? asking.stage : null}
                  onAsk={(stage) => setAsking(stage ? { id: lead.id, stage } : null)}
                  onMove={move}
                  onSaved={onSaved}
                />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
