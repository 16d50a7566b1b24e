import { NeedsRole } from '../../components/Account';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Status';
import { formatMoney, keyLabel } from '../../format';
import { useT } from '../../i18n/useT';
import type { Firm } from '../../queries/chains';
import type { ChainLead } from '../../queries/leads';
import { MakeLead } from '../pipeline/MakeLead';
import { CandidateList } from './CandidateList';
import { MapLegend } from './MapLegend';
import { NeedBadge } from './needs';
import type { useChainMap } from './useChainMap';

interface MapPanelProps {
  state: ReturnType<typeof useChainMap>;
  selected: Firm | null;
  onHighlight(firmId: string | null): void;
  /** A candidate chosen from the list: its details shown and its evidence kept lit. */
  onPickCandidate(firm: Firm): void;
  systemColor(rootId: string): string | undefined;
  /** The chain's investment leads by firm key. */
  leads: ReadonlyMap<string, ChainLead>;
  /** A lead was made: ask for the leads again. */
  onLeadMade(): void;
}

/** The map's side panel: the segments (a keyboard's way to the gaps), the chosen gap with its candidates, the chosen firm, the legend. */
export function MapPanel({
  state,
  selected,
  onHighlight,
  onPickCandidate,
  systemColor,
  leads,
  onLeadMade,
}: MapPanelProps) {
  const { t, list, lang } = useT();
  const { chain, gapSegment, candidates } = state;
  if (!chain) return null;
  const need = new Map(chain.gapReport.segments.map((s) => [s.segment.id, s]));
  const gap = gapSegment ? need.get(gapSegment.id) : undefined;
  return (
    <aside className="sidebar map-panel" data-testid="map-panel">
      <section className="panel">
        <p className="muted" data-testid="map-leaders">
          {t('punct.labelled', {
            label: t('chains.leaders'),
            value:
              list(chain.leaders.map((l) => t('punct.aside', { text: l.name, aside: l.title }))) || t('chains.none'),
          })}{' '}
          ·{' '}
          {t('punct.labelled', {
            label: t('chains.anchors'),
            value: list(chain.anchors.map((a) => a.shortName)) || t('chains.none'),
          })}
        </p>
        <p className="muted">{t('map.firms', { local: chain.localCount, outside: chain.outsideCount })}</p>
        <ul className="segment-list" aria-label={t('chains.segmentStrip')}>
          {chain.segments.map((s) => {
            const n = need.get(s.id);
            const drawn = state.segments.find((m) => m.id === s.id);
            return (
              <li key={s.id}>
                <button
                  type="button"
                  className="segment-button"
                  aria-pressed={gapSegment?.id === s.id}
                  data-testid="segment-button"
                  data-need={n?.need ?? 'OK'}
                  onClick={() => state.chooseGap(gapSegment?.id === s.id ? null : s.key)}
                >
                  <span className="tier">{t(`tier.${s.tier}`)}</span>
                  <span className="name">{s.name}</span>
                  {n && n.need !== 'OK' && <NeedBadge need={n.need} />}
                </button>
                {drawn && (drawn.hidden > 0 || drawn.expanded) && (
                  <button
                    type="button"
                    className="segment-more"
                    data-testid="segment-more"
                    aria-expanded={!!drawn.expanded}
                    aria-label={`${s.name} · ${drawn.expanded ? t('map.collapse') : t('map.showAll')}`}
                    onClick={() => void state.toggleSegment(s.id)}
                  >
                    {drawn.expanded ? t('map.collapse') : t('map.moreFirms', { n: drawn.hidden })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {!gapSegment && <p className="hint">{t('map.clickGap')}</p>}
      </section>
      {gapSegment && gap && (
        <section className="panel gap-panel" data-testid="gap-panel">
          <h3>
            {t('map.candidates', { segment: gapSegment.name })} {gap.need !== 'OK' && <NeedBadge need={gap.need} />}
          </h3>
          {gap.direction && <p className="muted">{t(`direction.${gap.direction}`)}</p>}
          {gap.reasons.length > 0 && (
            <p className="muted">
              {t('punct.labelled', {
                label: t('map.reasons'),
                value:
                  gap.concerned.length > 0
                    ? t('punct.aside', {
                        text: list(gap.reasons.map((r) => t(`reason.${r}`))),
                        aside: list(gap.concerned.map((c) => c.shortName)),
                      })
                    : list(gap.reasons.map((r) => t(`reason.${r}`))),
              })}
            </p>
          )}
          <p className="muted">{t('map.firms', { local: gap.localCount, outside: gap.outsideCount })}</p>
          {candidates.kind === 'loading' && <Loading />}
          {candidates.kind === 'error' &&
            (candidates.needed ? (
              <NeedsRole needed={candidates.needed} />
            ) : (
              <p className="error">{candidates.message}</p>
            ))}
          {candidates.kind === 'ready' && candidates.data.segment?.candidates && (
            <CandidateList
              candidates={candidates.data.segment.candidates}
              segmentName={gapSegment.name}
              onHighlight={onHighlight}
              onPick={onPickCandidate}
              pickedId={selected?.id ?? null}
              leads={leads}
            />
          )}
        </section>
      )}
      {selected && (
        <section className="panel firm-panel" data-testid="firm-panel">
          <h3>{selected.shortName}</h3>
          <p className="details-name">{selected.name}</p>
          <dl className="facts">
            <dt>{t(keyLabel(selected.key))}</dt>
            <dd className="mono">{selected.key}</dd>
            <dt>{t('explorer.role')}</dt>
            <dd>{t(`role.${selected.role}`)}</dd>
            <dt>{t('explorer.district')}</dt>
            <dd>{t('punct.aside', { text: selected.district ?? '—', aside: t(`local.${selected.local}`) })}</dd>
            <dt>{t('explorer.revenue')}</dt>
            <dd>{formatMoney(selected.revenue, lang)}</dd>
            {selected.system && (
              <>
                <dt>{t('explorer.system')}</dt>
                <dd>
                  <span className="system-ring" style={{ borderColor: systemColor(selected.system.root.id) }} />
                  {selected.system.root.shortName}
                </dd>
              </>
            )}
          </dl>
          <AppLink
            href={`/explore?e=${encodeURIComponent(selected.key)}`}
            className="button"
            data-testid="open-explorer"
          >
            {t('explorer.open')}
          </AppLink>
          <MakeLead
            firm={selected}
            chainKey={chain.key}
            segment={
              gapSegment &&
              candidates.kind === 'ready' &&
              candidates.data.segment?.candidates?.nodes.some((c) => c.enterprise.id === selected.id)
                ? gapSegment
                : undefined
            }
            lead={leads.get(selected.key)}
            onMade={onLeadMade}
          />
        </section>
      )}
      <MapLegend segments={state.segments} systemColor={systemColor} />
    </aside>
  );
}
