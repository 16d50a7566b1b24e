import { useMemo, useState } from 'react';
import { request } from '../../api';
import { neededMessage } from '../../components/Account';
import { AppLink } from '../../components/AppLink';
import { Empty } from '../../components/Status';
import { downloadCsv, toCsv } from '../../csv';
import { useT } from '../../i18n/useT';
import { RecordExportMutation } from '../../queries/access';
import { CreateLeadMutation } from '../../queries/leads';
import type { TargetsChain } from '../../queries/targets';
import { useSession } from '../../state/session';
import { failure } from '../../state/useQuery';
import { useChainLeads } from '../pipeline/useChainLeads';
import { filterRows, gapsOf, leadCount, sortRows, type TargetRow, targetRows } from './rows';
import { TargetsFilters } from './TargetsFilters';
import { TargetsTable } from './TargetsTable';
import { TargetsWeights } from './TargetsWeights';
import { targetsCsvTable, targetsFileName } from './targetsCsv';
import { nextSort, useTargetParams } from './useTargetParams';

interface Props {
  chain: TargetsChain;
  /** Scoring again with other weights: the rows shown are the last ones. */
  reloading: boolean;
  /** Why that failed. */
  failed?: string | undefined;
  onRetry(): void;
}

/** The view once the chain has loaded: title and counts, filters, weights, export, the ranked table. */
export function TargetsBody({ chain, reloading, failed, onRetry }: Props) {
  const { t, lang } = useT();
  const gaps = useMemo(() => gapsOf(chain), [chain]);
  const all = useMemo(() => targetRows(gaps), [gaps]);
  const segmentKeys = useMemo(() => gaps.map((g) => g.segment.key), [gaps]);
  const { filters, raw, sort, weights, set, setSort, setWeights, clearFilters } = useTargetParams(segmentKeys);
  const shown = sortRows(filterRows(all, filters), sort);
  const truncated = gaps.flatMap((g) =>
    g.candidates && g.candidates.totalCount > g.candidates.nodes.length ? [g.candidates] : [],
  );
  const filtered =
    filters.need !== null || filters.segment !== null || filters.text.trim() !== '' || filters.minScore !== null;
  const [exporting, setExporting] = useState<
    { kind: 'idle' } | { kind: 'recording' } | { kind: 'error'; message: string; needed?: string }
  >({ kind: 'idle' });
  const [leads, reloadLeads] = useChainLeads(chain.key);
  const session = useSession();
  const me = session.me;
  const [making, setMaking] = useState<string | null>(null);
  const [makeError, setMakeError] = useState<string | null>(null);
  /** Makes a candidate a lead of the chain, for its best gap, owned by the one who asks. */
  const makeLead = async (row: TargetRow) => {
    if (!me) return;
    setMaking(row.enterprise.key);
    setMakeError(null);
    try {
      await request(CreateLeadMutation, {
        input: { enterprise: row.enterprise.key, chain: chain.key, segment: row.best.gap.segment.key, owner: me.name },
      });
      reloadLeads();
    } catch (error) {
      setMakeError(t('lead.makeFailed', { message: failure(error).message }));
    } finally {
      setMaking(null);
    }
  };
  const canMake = me?.role === 'editor' || me?.role === 'admin';
  /** The export is recorded in the server's audit log first; the file is saved only if that worked. */
  const exportCsv = async () => {
    const table = targetsCsvTable(shown, t, lang);
    const fileName = targetsFileName(t, chain);
    setExporting({ kind: 'recording' });
    try {
      await request(RecordExportMutation, { chain: chain.key, format: 'csv', rows: shown.length });
    } catch (error) {
      setExporting(failure(error));
      return;
    }
    downloadCsv(fileName, toCsv(table));
    setExporting({ kind: 'idle' });
  };

  return (
    <>
      <header className="targets-header">
        <AppLink href={`/chains/${encodeURIComponent(chain.key)}`} className="back-link" data-testid="targets-back">
          {t('targets.back', { name: chain.name })}
        </AppLink>
        <h2>{t('targets.title', { name: chain.name })}</h2>
        <p className="targets-summary" data-testid="targets-summary">
          {t('targets.summary', { gaps: gaps.length, rows: leadCount(all), firms: all.length })}
        </p>
        <p className="targets-intro">
          {t('targets.intro')} {t('targets.missingNote')}
        </p>
        {truncated.length > 0 && (
          <p className="targets-note" role="note">
            {t('targets.truncated', { n: Math.min(...truncated.map((c) => c.nodes.length)) })}
          </p>
        )}
      </header>
      {all.length === 0 ? (
        <Empty>{gaps.length === 0 ? t('targets.noGaps') : t('targets.noCandidates')}</Empty>
      ) : (
        <>
          <TargetsFilters gaps={gaps} filters={filters} raw={raw} set={set}>
            <span className="targets-count" data-testid="targets-count" aria-live="polite">
              {t('targets.shown', { shown: shown.length, total: all.length })}
            </span>
            <button
              type="button"
              className="button primary"
              data-testid="export-csv"
              disabled={shown.length === 0 || exporting.kind === 'recording'}
              title={t('targets.export.title', { n: shown.length })}
              onClick={() => void exportCsv()}
            >
              {exporting.kind === 'recording' ? t('targets.export.recording') : t('action.exportCsv')}
            </button>
          </TargetsFilters>
          <TargetsWeights
            weights={weights}
            onChange={setWeights}
            reloading={reloading}
            failed={failed}
            onRetry={onRetry}
          />
          {exporting.kind === 'error' && (
            <p className="targets-export-error" role="alert" data-testid="export-error">
              {t('targets.export.failed', {
                message: exporting.needed ? neededMessage(t, exporting.needed) : exporting.message,
              })}
            </p>
          )}
          {makeError && (
            <p className="targets-export-error" role="alert" data-testid="make-lead-error">
              {makeError}
            </p>
          )}
          {shown.length === 0 ? (
            <Empty>
              <p>{t('targets.noMatch')}</p>
              {filtered && (
                <button type="button" className="button" onClick={clearFilters} data-testid="clear-filters">
                  {t('targets.clearFilters')}
                </button>
              )}
            </Empty>
          ) : (
            <div className={`targets-scroll${reloading ? ' reloading' : ''}`} aria-busy={reloading}>
              <TargetsTable
                chainName={chain.name}
                chainKey={chain.key}
                rows={shown}
                sort={sort}
                onSort={(key) => setSort(nextSort(sort, key))}
                leads={leads}
                onMakeLead={canMake ? (row) => void makeLead(row) : undefined}
                making={making}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
