import { useEffect, useMemo, useState } from 'react';
import { request } from '../../api';
import { NeedsRole } from '../../components/Account';
import { AppLink } from '../../components/AppLink';
import { Failed, Loading } from '../../components/Status';
import { downloadCsv, toCsv } from '../../csv';
import { useT } from '../../i18n/useT';
import { useTitle } from '../../i18n/useTitle';
import { RecordExportMutation } from '../../queries/access';
import { type LeadCard, type LeadStage, MoveLeadMutation, PipelineChainQuery } from '../../queries/leads';
import { useSession } from '../../state/session';
import { failure, useQuery } from '../../state/useQuery';
import { type BoardFilters, choices, columnsOf, filterLeads, NO_FILTERS } from './board';
import { EffectSum } from './EffectSum';
import { PipelineBoard } from './PipelineBoard';
import { PipelineFilters } from './PipelineFilters';
import { pipelineCsvTable } from './pipelineCsv';
import { usePipelineLeads } from './usePipelineLeads';
import './pipeline.css';

/**
 * 招商项目: the leads of a chain (`chainKey`) or of the whole district as a board, a column per
 * stage, with filters, the sum of what landing everything signed would change, and a CSV export.
 * Analysts see it; editors move leads. Below analyst, the view says which role it needs.
 */
export function Pipeline({ chainKey }: { chainKey?: string }) {
  const { t, lang } = useT();
  const session = useSession();
  const [state, retry] = usePipelineLeads(chainKey ?? null);
  const [chainState] = useQuery(PipelineChainQuery, chainKey ? { id: chainKey } : null);
  const chain = chainState.kind === 'ready' ? chainState.data.chain : null;
  const title = chainKey ? t('pipeline.title', { name: chain?.name ?? chainKey }) : t('pipeline.district');
  useTitle(title);
  /** Leads as the moves of this page left them, over the answer. */
  const [moved, setMoved] = useState<ReadonlyMap<string, LeadCard>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer holds the moves: they are forgotten
  useEffect(() => setMoved(new Map()), [state]);
  const leads = useMemo(
    () => (state.kind === 'ready' ? state.data.leads.map((l) => moved.get(l.id) ?? l) : []),
    [state, moved],
  );
  const [filters, setFilters] = useState<BoardFilters>(NO_FILTERS);
  const shown = useMemo(() => filterLeads(leads, filters), [leads, filters]);
  const columns = useMemo(() => columnsOf(shown), [shown]);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const role = session.me?.role;
  const canMove = role === 'editor' || role === 'admin';
  /** Bumped at every move: the sum of the effects is asked again. */
  const movesMade = [...moved.values()].map((l) => l.updatedAt).join();

  const onMove = async (lead: LeadCard, stage: LeadStage, note?: string) => {
    setError(null);
    try {
      const answer = await request(MoveLeadMutation, { id: lead.id, stage, note: note ?? null });
      const next = answer.moveLead.lead;
      setMoved((prev) => new Map(prev).set(next.id, next));
      setSaid(t('pipeline.moved', { name: lead.enterprise.name, stage: t(`lead.stage.${stage}`) }));
    } catch (e) {
      setError(t('pipeline.moveFailed', { message: failure(e).message }));
    }
  };

  const exportCsv = async () => {
    setError(null);
    try {
      // recorded in the audit log first, per chain; the file is saved only if that worked
      const perChain = new Map<string, number>();
      for (const l of shown) perChain.set(l.chain.key, (perChain.get(l.chain.key) ?? 0) + 1);
      for (const [key, rows] of perChain) await request(RecordExportMutation, { chain: key, format: 'pipeline', rows });
    } catch (e) {
      setError(t('pipeline.export.failed', { message: failure(e).message }));
      return;
    }
    // 招商项目-商贸物流.csv; in English, of the chain's key: pipeline-logistics.csv
    const name =
      lang === 'en' ? (chainKey ?? 'district') : chainKey ? (chain?.name ?? chainKey) : t('pipeline.allChains');
    downloadCsv(t('pipeline.file', { name }), toCsv(pipelineCsvTable(shown, t)));
  };

  return (
    <main className="page pipeline-page" data-testid="pipeline-view">
      <header className="pipeline-header">
        {chainKey && (
          <p className="pipeline-links">
            <AppLink href={`/chains/${encodeURIComponent(chainKey)}`} className="back-link">
              {t('pipeline.chainMap', { name: chain?.name ?? chainKey })}
            </AppLink>
            <AppLink href={`/chains/${encodeURIComponent(chainKey)}/targets`}>{t('pipeline.targets')}</AppLink>
            <AppLink href="/pipeline">{t('pipeline.district')}</AppLink>
          </p>
        )}
        <h2>{title}</h2>
        {state.kind === 'ready' && (
          <p className="pipeline-summary" data-testid="pipeline-summary">
            {t('pipeline.summary', { n: shown.length, overdue: shown.filter((l) => l.overdue).length })}
          </p>
        )}
        {state.kind === 'ready' && state.data.totalCount > state.data.leads.length && (
          <p className="pipeline-truncated" role="note" data-testid="pipeline-truncated">
            {t('pipeline.truncated', { shown: state.data.leads.length, total: state.data.totalCount })}
          </p>
        )}
        <p className="pipeline-intro muted">{canMove ? t('pipeline.intro') : t('pipeline.readOnly')}</p>
      </header>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' &&
        (state.needed ? <NeedsRole needed={state.needed} /> : <Failed message={state.message} onRetry={retry} />)}
      {state.kind === 'ready' && (
        <>
          <PipelineFilters
            filters={filters}
            onChange={setFilters}
            choices={choices(leads)}
            shown={shown.length}
            onExport={exportCsv}
          />
          <EffectSum key={movesMade} chainKey={chainKey ?? null} />
          {error && (
            <p className="error" role="alert" data-testid="pipeline-error">
              {error}
            </p>
          )}
          <p className="visually-hidden" aria-live="polite" data-testid="pipeline-said">
            {said}
          </p>
          {leads.length === 0 ? (
            <p className="muted" data-testid="pipeline-none">
              {t('pipeline.none')}
            </p>
          ) : (
            <PipelineBoard
              columns={columns}
              canMove={canMove}
              showChain={!chainKey}
              onMove={onMove}
              onSaved={(next) => setMoved((prev) => new Map(prev).set(next.id, next))}
            />
          )}
        </>
      )}
    </main>
  );
}
