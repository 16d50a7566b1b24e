import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { NeedsRole } from '../../components/Account';
import { AppLink } from '../../components/AppLink';
import { Failed, Loading } from '../../components/Status';
import { useT } from '../../i18n/useT';
import './targets.css';
import './targets-weights.css';
import { useTitle } from '../../i18n/useTitle';
import { TargetsBody } from './TargetsBody';
import { useChainTargets } from './useChainTargets';
import { PARAM } from './useTargetParams';
import { parseWeights, weightsInput } from './weights';

/**
 * 招商目标: a chain's candidates across all its gaps (补链 · 延链 · 强链) in one ranked, explained,
 * filterable table, exported as CSV. Filters, sort and the score's weights live in the URL, so a
 * link shares the view.
 * Candidates need the analyst role: below it, the view says so and offers to sign in.
 */
export function Targets({ chainKey }: { chainKey: string }) {
  const { t } = useT();
  const [params] = useSearchParams();
  const w = params.get(PARAM.weights);
  const weights = useMemo(() => weightsInput(parseWeights(w)), [w]);
  const [state, retry] = useChainTargets(chainKey, weights);
  useTitle(
    state.kind === 'ready' || state.kind === 'needsRole'
      ? t('targets.title', { name: state.chain.name })
      : state.kind === 'notFound'
        ? t('notFound.title')
        : t('targets.heading'),
  );
  return (
    <main className="page targets-page" data-testid="targets-view">
      {state.kind === 'ready' ? (
        <TargetsBody chain={state.chain} reloading={!!state.reloading} failed={state.failed} onRetry={retry} />
      ) : (
        <>
          <header className="targets-header">
            {state.kind === 'notFound' ? (
              <AppLink href="/" className="back-link">
                {t('targets.backOverview')}
              </AppLink>
            ) : state.kind === 'needsRole' ? (
              <AppLink href={`/chains/${encodeURIComponent(state.chain.key)}`} className="back-link">
                {t('targets.back', { name: state.chain.name })}
              </AppLink>
            ) : (
              <AppLink href={`/chains/${encodeURIComponent(chainKey)}`} className="back-link">
                {t('targets.backMap')}
              </AppLink>
            )}
            <h2>
              {state.kind === 'needsRole' ? t('targets.title', { name: state.chain.name }) : t('targets.heading')}
            </h2>
          </header>
          {state.kind === 'loading' && <Loading />}
          {state.kind === 'error' && <Failed message={state.message} onRetry={retry} />}
          {state.kind === 'needsRole' && <NeedsRole needed={state.needed} />}
          {state.kind === 'notFound' && (
            <div className="status failed" role="alert" data-testid="targets-not-found">
              {t('targets.notFound', { key: chainKey })}
            </div>
          )}
        </>
      )}
    </main>
  );
}
