import { AppLink } from '../../components/AppLink';
import { Sparkline } from '../../components/Sparkline';
import { Empty, Failed, Loading } from '../../components/Status';
import { useT } from '../../i18n/useT';
import { useTitle } from '../../i18n/useTitle';
import { type ChainSummary, ChainsOverviewQuery } from '../../queries/chains';
import { useQuery } from '../../state/useQuery';
import { trend } from '../changes/figures';
import { NeedBadge, needOf, SegmentStrip } from './needs';

const percent = (v: number | null | undefined) => (v == null ? '—' : `${Math.round(v * 100)}%`);

/** 产业链总览: every chain as a card — who leads and anchors it, its firms, coverage and gaps; each opens its map. */
export function ChainsOverview() {
  const { t } = useT();
  useTitle(t('nav.chains'));
  const [state, retry] = useQuery(ChainsOverviewQuery, {});
  return (
    <main className="page chains-page" data-testid="chains-overview">
      <h2>{t('chains.title')}</h2>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <Failed message={state.message} onRetry={retry} />}
      {state.kind === 'ready' && state.data.chains.nodes.length === 0 && <Empty />}
      {state.kind === 'ready' && state.data.chains.nodes.length > 0 && (
        <>
          <p className="muted intro">{t('chains.intro', { n: state.data.chains.totalCount })}</p>
          <ul className="chain-cards">
            {state.data.chains.nodes.map((chain) => (
              <ChainCard key={chain.id} chain={chain} />
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

function ChainCard({ chain }: { chain: ChainSummary }) {
  const { t, list } = useT();
  const report = chain.gapReport;
  const need = needOf(report);
  const covered = chain.segments.filter((s) => s.covered).length;
  return (
    <li className="chain-card" data-testid="chain-card" data-chain={chain.key}>
      <header>
        <h3>
          <AppLink href={`/chains/${encodeURIComponent(chain.key)}`}>{chain.name}</AppLink>
        </h3>
        <div className="badges">
          <NeedBadge need="FILL" count={report.fill.length} />
          <NeedBadge need="EXTEND" count={report.extend.length} />
          <NeedBadge need="STRENGTHEN" count={report.strengthen.length} />
        </div>
      </header>
      {chain.description && <p className="muted description">{chain.description}</p>}
      <dl className="chain-facts">
        <dt>{t('chains.leaders')}</dt>
        <dd data-testid="chain-leaders">
          {list(chain.leaders.map((l) => t('punct.aside', { text: l.name, aside: l.title }))) || t('chains.none')}
        </dd>
        <dt>{t('chains.anchors')}</dt>
        <dd>{list(chain.anchors.map((a) => a.shortName)) || t('chains.none')}</dd>
        <dt>{t('chains.local')}</dt>
        <dd data-testid="local-count">{chain.localCount}</dd>
        <dt>{t('chains.outside')}</dt>
        <dd>{chain.outsideCount}</dd>
        <dt>{t('chains.coverage')}</dt>
        <dd>{t('chains.coverageValue', { covered, total: chain.segments.length })}</dd>
        <dt>{t('chains.sourcing')}</dt>
        <dd>{percent(report.sourcing.overall.byCount)}</dd>
      </dl>
      <SegmentStrip segments={chain.segments.map((s) => ({ id: s.id, need: need(s.id), covered: s.covered }))} />
      <ChainTrend chain={chain} />
      <footer>
        <AppLink className="button primary" href={`/chains/${encodeURIComponent(chain.key)}`} data-testid="open-map">
          {t('chains.openMap')}
        </AppLink>
        <AppLink className="button" href={`/chains/${encodeURIComponent(chain.key)}/targets`}>
          {t('chains.openTargets')}
        </AppLink>
        <AppLink
          className="button"
          href={`/chains/${encodeURIComponent(chain.key)}/changes`}
          data-testid="open-changes"
        >
          {t('changes.nav')}
        </AppLink>
        <AppLink className="button" href={`/chains/${encodeURIComponent(chain.key)}/brief`} data-testid="open-brief">
          {t('brief.nav')}
        </AppLink>
      </footer>
    </li>
  );
}

/** Coverage and local sourcing at every snapshot of the chain, and now. */
function ChainTrend({ chain }: { chain: ChainSummary }) {
  const { t } = useT();
  if (chain.snapshots.length === 0) return null;
  // coverage as snapshots count it: of the segments that are not groups
  const groups = new Set(chain.segments.flatMap((s) => (s.parent ? [s.parent.id] : [])));
  const leaves = chain.segments.filter((s) => !groups.has(s.id));
  const coverageNow = leaves.length === 0 ? null : leaves.filter((s) => s.covered).length / leaves.length;
  const sourcingNow = chain.gapReport.sourcing.overall.byCount;
  const { times, series } = trend(t, chain.snapshots, { coverage: coverageNow, localSourcing: sourcingNow });
  const label = t('changes.sparkline', {
    coverage: percent(coverageNow),
    sourcing: percent(sourcingNow),
    n: chain.snapshots.length,
  });
  return (
    <div className="chain-trend">
      <Sparkline times={times} series={series} label={label} />
      <span className="muted">{t('changes.trend')}</span>
    </div>
  );
}
