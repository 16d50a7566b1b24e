import type { ReactNode } from 'react';
import { AppLink } from '../../components/AppLink';
import { Sparkline } from '../../components/Sparkline';
import { Failed, Loading, NotFound } from '../../components/Status';
import { useT } from '../../i18n/useT';
import { useTitle } from '../../i18n/useTitle';
import {
  type BriefCandidates,
  BriefCandidatesQuery,
  type BriefSegmentNeed,
  type ChainBrief,
  ChainBriefQuery,
} from '../../queries/brief';
import { useExactSearchParams } from '../../state/search-params';
import { useQuery } from '../../state/useQuery';
import { NEED_COLORS } from '../chains/needs';
import { deltaOf, FIGURES, formatFigure, sinceDefault, trend } from '../changes/figures';
import './brief.css';

const TIERS = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const;
const MAX_GAPS = 6;
const MAX_NAMES = 5;
const COMPACT_ABOVE = 18;

/**
 * 链况简报: one A4 page on a chain for the monthly meeting, made from the data — its segments by
 * tier with their needs and counts, its figures now and their change since a day, its main gaps
 * with their best candidates (an analyst's), and what changed. 打印 prints it (or saves a PDF)
 * through the browser; the page's print style fits it on one sheet.
 */
export function BriefView({ chainKey }: { chainKey: string }) {
  const { t, lang } = useT();
  const [params, setParams] = useExactSearchParams();
  const since = params.get('since') ?? sinceDefault(new Date());
  const [state, retry] = useQuery(ChainBriefQuery, { id: chainKey, since }, { perCaller: true });
  const [candidates] = useQuery(BriefCandidatesQuery, { id: chainKey, since }, { perCaller: true });
  const chain = state.kind === 'ready' ? state.data.chain : undefined;
  useTitle(t('brief.title', { name: chain?.name ?? chainKey }));
  if (state.kind === 'ready' && !chain) return <NotFound message={t('map.notFound', { key: chainKey })} />;
  const best = new Map<string, string[]>();
  if (candidates.kind === 'ready')
    for (const s of candidates.data.chain?.gapReport.segments ?? [])
      best.set(
        s.segment.id,
        (s.candidates?.nodes ?? []).map(
          (c) => `${c.enterprise.shortName || c.enterprise.name}（${Math.round(c.score)}）`,
        ),
      );
  return (
    <main className="page brief-page" data-testid="brief">
      <div className="brief-controls no-print">
        <AppLink href={`/chains/${encodeURIComponent(chainKey)}`} className="back">
          {t('changes.back', { name: chain?.name ?? chainKey })}
        </AppLink>
        <label>
          {t('brief.since')}{' '}
          <input
            type="date"
            value={/^\d{4}-\d{2}-\d{2}$/.test(since) ? since : ''}
            data-testid="brief-since"
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (value)
                setParams((p) => {
                  p.set('since', value);
                  return p;
                });
            }}
          />
        </label>
        <button type="button" className="button primary" onClick={() => window.print()} data-testid="brief-print">
          {t('brief.print')}
        </button>
      </div>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <Failed message={state.message} onRetry={retry} />}
      {chain && (
        <article className="brief-sheet" data-testid="brief-sheet">
          <BriefHead chain={chain} since={since} />
          <div className="brief-row">
            <BriefFigures chain={chain} />
            <BriefChanges chain={chain} since={since} />
          </div>
          <BriefMap chain={chain} />
          <BriefGaps
            chain={chain}
            best={best}
            refused={candidates.kind === 'error'}
            loading={candidates.kind === 'loading'}
          />
          <BriefPipeline
            analyst={candidates.kind === 'ready' ? candidates.data.chain : undefined}
            refused={candidates.kind === 'error'}
            since={since}
          />
          <footer className="brief-foot">
            {t('brief.source', {
              host: window.location.host,
              time: new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
            })}
          </footer>
        </article>
      )}
    </main>
  );
}

function BriefHead({ chain, since }: { chain: ChainBrief; since: string }) {
  const { t, list } = useT();
  return (
    <header className="brief-head">
      <div>
        <h2>{t('brief.title', { name: chain.name })}</h2>
        <p>
          {t('brief.meta', { date: new Date().toISOString().slice(0, 10), since: since.slice(0, 10) })}
          {' · '}
          {t('brief.leaders', { names: list(chain.leaders.map((l) => `${l.name}（${l.title}）`)) || '—' })}
          {' · '}
          {t('brief.anchors', { names: list(chain.anchors.map((a) => a.shortName)) || '—' })}
        </p>
      </div>
      <span className="brief-mark">{t('brief.mark')}</span>
    </header>
  );
}

function BriefFigures({ chain }: { chain: ChainBrief }) {
  const { t, lang } = useT();
  const changes = chain.changes;
  return (
    <section className="brief-figures">
      <h3>{t('brief.figures')}</h3>
      {changes ? (
        <table data-testid="brief-figures">
          <thead>
            <tr>
              <th />
              <th>{t('changes.then')}</th>
              <th>{t('changes.now')}</th>
              <th>{t('changes.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((key) => {
              const d = deltaOf(key, changes.before.figures, changes.after.figures, lang);
              return (
                <tr key={key} data-figure={key}>
                  <th scope="row">{t(`changes.figure.${key}`)}</th>
                  <td>{formatFigure(key, changes.before.figures, lang)}</td>
                  <td>{formatFigure(key, changes.after.figures, lang)}</td>
                  <td className={d.tone}>{d.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('brief.noSnapshot')}</p>
      )}
      {chain.snapshots.length > 0 && changes && (
        <Sparkline
          width={220}
          height={36}
          label={t('changes.trend')}
          {...trend(t, chain.snapshots, changes.after.figures)}
        />
      )}
    </section>
  );
}

function BriefChanges({ chain, since }: { chain: ChainBrief; since: string }) {
  const { t, list } = useT();
  const c = chain.changes;
  const names = (items: readonly { firm: { name: string } }[]) =>
    list(items.slice(0, MAX_NAMES).map((m) => m.firm.name)) +
    (items.length > MAX_NAMES ? ` ${t('brief.more', { n: items.length - MAX_NAMES })}` : '');
  const lines: [string, ReactNode][] = c
    ? ([
        [t('brief.changes.gapsClosed'), list(c.gapsClosed.map((g) => g.name))],
        [t('brief.changes.gapsOpened'), list(c.gapsOpened.map((g) => g.name))],
        [t('brief.changes.entered'), names(c.entered)],
        [t('brief.changes.left'), names(c.left)],
      ].filter(([, v]) => v) as [string, ReactNode][])
    : [];
  const unchanged =
    c !== null && c !== undefined && lines.length === 0 && c.linksAdded.length + c.linksLost.length === 0;
  return (
    <section className="brief-changes" data-testid="brief-changes">
      <h3>{t('brief.changes', { since: since.slice(0, 10) })}</h3>
      {!c && <p className="muted">{t('brief.noSnapshot')}</p>}
      {c && !unchanged && (
        <dl>
          {lines.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
          <div>
            <dt>{t('brief.changes.linksLabel')}</dt>
            <dd>{t('brief.changes.links', { added: c.linksAdded.length, lost: c.linksLost.length })}</dd>
          </div>
          {c.withheld > 0 && <p className="muted">{t('changes.withheld', { n: c.withheld })}</p>}
        </dl>
      )}
      {c && unchanged && <p className="muted">{t('brief.noChanges')}</p>}
    </section>
  );
}

/** The segments by tier, each with its need's colour and its firm counts: the chain map on paper. */
function BriefMap({ chain }: { chain: ChainBrief }) {
  const { t } = useT();
  const needs = new Map(chain.gapReport.segments.map((s) => [s.segment.id, s]));
  // a real chain has 15–60 segments: past a handful each tier is a row of chips, one line each,
  // the need told by colour and border (the legend), the firms as local/outside
  const compact = chain.segments.length > COMPACT_ABOVE;
  const top = chain.segments.filter((s) => !s.parent).sort((a, b) => a.order - b.order);
  const childrenOf = (id: string) =>
    chain.segments.filter((s) => s.parent?.id === id).sort((a, b) => a.order - b.order);
  const box = (s: ChainBrief['segments'][number], nested = false): ReactNode => {
    const n = needs.get(s.id);
    const need = (n?.need ?? 'OK') as keyof typeof NEED_COLORS;
    const c = NEED_COLORS[need];
    return (
      <li
        key={s.id}
        className={`brief-segment need-${need}${nested ? ' nested' : ''}`}
        style={{ background: c.fill, borderColor: c.border }}
        data-need={need}
      >
        <strong>{s.name}</strong>
        {need !== 'OK' && !compact && <span style={{ color: c.text }}> · {t(`need.${need}`)}</span>}
        <small>
          {compact
            ? `${n?.localCount ?? 0}/${n?.outsideCount ?? 0}`
            : t('brief.firms', { local: n?.localCount ?? 0, outside: n?.outsideCount ?? 0 })}
        </small>
        {childrenOf(s.id).length > 0 && <ul>{childrenOf(s.id).map((child) => box(child, true))}</ul>}
      </li>
    );
  };
  return (
    <section className={`brief-map${compact ? ' compact' : ''}`} data-testid="brief-map">
      <h3>{t('brief.map')}</h3>
      <div className="brief-tiers">
        {TIERS.map((tier) => (
          <div key={tier} className="brief-tier">
            <h4>{t(`tier.${tier}`)}</h4>
            <ul>{top.filter((s) => s.tier === tier).map((s) => box(s))}</ul>
          </div>
        ))}
      </div>
      <p className="brief-legend">
        {(['FILL', 'EXTEND', 'STRENGTHEN', 'OK'] as const).map((need) => (
          <span
            key={need}
            className={`brief-segment need-${need}`}
            style={{ background: NEED_COLORS[need].fill, borderColor: NEED_COLORS[need].border }}
          >
            {t(`need.${need}`)}
          </span>
        ))}
        {compact && <span>{t('brief.firmsShort')}</span>}
      </p>
    </section>
  );
}

const URGENCY = { FILL: 0, EXTEND: 1, STRENGTHEN: 2, OK: 3 } as const;

function BriefGaps({
  chain,
  best,
  refused,
  loading,
}: {
  chain: ChainBrief;
  best: ReadonlyMap<string, string[]>;
  refused: boolean;
  loading: boolean;
}) {
  const { t, list } = useT();
  const names = new Map(chain.segments.map((s) => [s.id, s.name]));
  const gaps = chain.gapReport.segments
    .filter((s): s is BriefSegmentNeed => s.need !== 'OK' && !s.group)
    .sort((a, b) => URGENCY[a.need] - URGENCY[b.need])
    .slice(0, MAX_GAPS);
  return (
    <section className="brief-gaps" data-testid="brief-gaps">
      <h3>{t('brief.gaps')}</h3>
      {gaps.length === 0 ? (
        <p className="muted">{t('brief.noGaps')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('brief.gap')}</th>
              <th>{t('brief.need')}</th>
              <th>{t('brief.why')}</th>
              <th>{t('brief.candidates')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={g.segment.id} data-testid="brief-gap">
                <td>{names.get(g.segment.id)}</td>
                <td className="nowrap">{t(`need.${g.need}`)}</td>
                <td>{list(g.reasons.map((r) => t(`reason.${r}`))) || t(`need.${g.need as 'FILL'}.note`)}</td>
                <td data-testid="brief-candidates">{loading ? '…' : list(best.get(g.segment.id) ?? []) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refused && <p className="muted">{t('brief.candidatesNeedRole')}</p>}
    </section>
  );
}

/** The chain's leads by stage and those that moved since: the pipeline's state (an analyst's). */
function BriefPipeline({
  analyst,
  refused,
  since,
}: {
  analyst: BriefCandidates | null | undefined;
  refused: boolean;
  since: string;
}) {
  const { t, list } = useT();
  const stage = (s: string | null) => (s ? t(`lead.stage.${s as 'LEAD'}`) : t('changes.leadNew'));
  const stages = analyst?.pipeline ?? [];
  const total = stages.reduce((n, s) => n + s.count, 0);
  const overdue = stages.reduce((n, s) => n + s.overdue, 0);
  const moved = analyst?.leadsMoved ?? [];
  return (
    <section className="brief-pipeline" data-testid="brief-pipeline">
      <h3>{t('brief.pipeline')}</h3>
      {refused && <p className="muted">{t('brief.pipelineNeedRole')}</p>}
      {analyst && total === 0 && <p className="muted">{t('brief.pipelineNone')}</p>}
      {analyst && total > 0 && (
        <>
          <ol className="brief-stages">
            {stages.map((s) => (
              <li key={s.stage} data-stage={s.stage} data-count={s.count}>
                <span>{stage(s.stage)}</span>
                <strong>{s.count}</strong>
              </li>
            ))}
          </ol>
          {overdue > 0 && <p className="muted">{t('brief.pipelineOverdue', { n: overdue })}</p>}
          {moved.length > 0 && (
            <p data-testid="brief-leads-moved">
              {t('brief.leadsMoved', { since: since.slice(0, 10) })}：
              {list(
                moved.slice(0, MAX_NAMES).map((m) =>
                  t('changes.leadMove', {
                    firm: m.lead.enterprise.shortName || m.lead.enterprise.name,
                    from: stage(m.from),
                    to: stage(m.to),
                  }),
                ),
                true,
              )}
              {moved.length > MAX_NAMES && ` ${t('brief.more', { n: moved.length - MAX_NAMES })}`}
            </p>
          )}
        </>
      )}
    </section>
  );
}
