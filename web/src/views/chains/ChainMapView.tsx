import { useEffect, useMemo, useRef, useState } from 'react';
import { AppLink } from '../../components/AppLink';
import { CanvasActions } from '../../components/CanvasActions';
import { meetingSheet } from '../../components/meeting-sheet';
import { Failed, Loading, NotFound } from '../../components/Status';
import { Canvas, type CanvasHandle } from '../../graph/Canvas';
import type { ModelEdge } from '../../graph/model';
import { SHEET_MAP_AREA } from '../../graph/sheet';
import { useGraphModel } from '../../graph/useModel';
import { useT } from '../../i18n/useT';
import { useTitle } from '../../i18n/useTitle';
import type { Firm } from '../../queries/chains';
import { useChainLeads } from '../pipeline/useChainLeads';
import { MapPanel } from './MapPanel';
import { candidateNodeId, type MapLabels, type MapSegment, segmentNodeId } from './map-geometry';
import { chainMapElements } from './map-layout';
import { mapLegend } from './map-legend';
import { MAP_DETAIL, mapStylesheet, SYSTEM_PALETTE } from './map-style';
import { useChainMap } from './useChainMap';

const stylesheet = mapStylesheet();

/**
 * 产业链全景图: the chain's segments as lanes from upstream to downstream, its firms inside them,
 * anchors and systems marked, gaps drawn in place; a gap opens its candidates and their evidence.
 */
export function ChainMapView({ chainKey }: { chainKey: string }) {
  const { t } = useT();
  const state = useChainMap(chainKey);
  const { chain, segments, gapSegment, mapCandidates } = state;
  const missing =
    (state.map.kind === 'error' && state.map.code === 'NOT_FOUND') || (state.map.kind === 'ready' && !chain);
  useTitle(missing ? t('notFound.title') : t('map.title', { name: chain?.name ?? chainKey }));
  const canvas = useRef<CanvasHandle>(null);
  /** What the canvas draws. */
  const model = useGraphModel();
  /** What the model holds, by element id (as JSON). */
  const drawn = useRef(new Map<string, string>());
  const [selected, setSelected] = useState<Firm | null>(null);
  /** The candidate chosen (by click or from the list), whose evidence stays lit. */
  const pinned = useRef<string | null>(null);

  // systems in the order their roots first appear: the same colour each time the map is drawn
  const systemColor = useMemo(() => {
    const roots = [...new Set(segments.flatMap((s) => s.firms.flatMap((f) => (f.system ? [f.system.root.id] : []))))];
    return (root: string) => SYSTEM_PALETTE[roots.indexOf(root) % SYSTEM_PALETTE.length];
  }, [segments]);

  const mapLabels = useMemo(
    (): MapLabels => ({
      tier: (tier) => t(`tier.${tier}`),
      need: (need) => t(`need.${need}`),
      counts: (s: MapSegment) => t('map.counts', { local: s.localCount, outside: s.outsideCount }),
      more: (n) => `+${n}`,
      collapse: () => t('map.collapse'),
      none: () => t('map.noFirms'),
    }),
    [t],
  );
  /** The chain's investment leads by firm: a candidate that is one shows its stage. */
  const [leads, reloadLeads] = useChainLeads(chainKey);
  const candidates = useMemo(
    () =>
      mapCandidates?.map((c) => {
        const lead = leads.get(c.enterprise.key);
        return lead ? { ...c, lead: t(`lead.stage.${lead.stage}`) } : c;
      }),
    [mapCandidates, leads, t],
  );
  const layoutOptions = useMemo(
    () => ({
      systemColor,
      ...(gapSegment ? { gapId: gapSegment.id } : {}),
      ...(candidates ? { candidates } : {}),
    }),
    [systemColor, gapSegment, candidates],
  );
  const elements = useMemo(
    () => chainMapElements(segments, mapLabels, layoutOptions),
    [segments, mapLabels, layoutOptions],
  );

  // the first drawing fits the view; later ones touch only what changed (nothing else moves)
  useEffect(() => {
    if (elements.length === 0) return;
    const next = new Map(elements.map((e) => [e.data.id as string, JSON.stringify(e)]));
    const before = drawn.current;
    if (before.size === 0) model.replace(elements, { fit: true, maxZoom: 1.5 });
    else {
      model.remove([...before.keys()].filter((id) => !next.has(id)));
      model.upsert(elements.filter((e) => before.get(e.data.id as string) !== next.get(e.data.id as string)));
    }
    drawn.current = next;
    model.setClass(
      segments.map((s) => segmentNodeId(s.id)),
      'selected-gap',
      false,
    );
    if (gapSegment) model.setClass([segmentNodeId(gapSegment.id)], 'selected-gap', true);
  }, [model, elements, segments, gapSegment]);

  const { loadOpen } = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once the chain is there, open what the URL says
  useEffect(() => {
    void loadOpen();
  }, [chain?.id]);

  const onNodeTap = (id: string) => {
    const data = model.data(id) as { kind?: string; segmentId?: string; firmId?: string } | undefined;
    if (!data) return;
    if (data.kind === 'segment' || data.kind === 'more') {
      const segment = chain?.segments.find((s) => s.id === data.segmentId);
      if (data.kind === 'more' && segment) void state.toggleSegment(segment.id);
      else state.chooseGap(segment?.key ?? null);
    } else if (data.kind === 'firm' || data.kind === 'candidate') {
      const firm =
        segments.flatMap((s) => s.firms).find((f) => f.id === data.firmId) ??
        mapCandidates?.find((c) => c.enterprise.id === data.firmId)?.enterprise;
      setSelected(firm ?? null);
      pinned.current = data.kind === 'candidate' ? (data.firmId ?? null) : null;
      highlight(pinned.current);
    }
  };

  /** Lights a candidate's evidence; with none, the evidence of the candidate chosen (if any) stays lit. */
  const highlight = (firmId: string | null) => {
    const lit = firmId ?? pinned.current;
    const evidence = (edges: readonly ModelEdge[]) => edges.filter((e) => e.classes.has('evidence')).map((e) => e.id);
    model.setClass(evidence(model.edges()), 'lit', false);
    if (lit) model.setClass(evidence(model.edgesOf(candidateNodeId(lit))), 'lit', true);
  };

  const pickCandidate = (firm: Firm) => {
    pinned.current = firm.id;
    setSelected(firm);
    model.select(candidateNodeId(firm.id));
    highlight(firm.id);
  };

  if (state.map.kind === 'loading')
    return (
      <main className="page">
        <Loading />
      </main>
    );
  if (missing)
    return (
      <main className="page">
        <NotFound message={t('map.notFound', { key: chainKey })} />
      </main>
    );
  if (state.map.kind === 'error')
    return (
      <main className="page">
        <Failed message={state.map.message} onRetry={state.retry} />
      </main>
    );
  if (!chain) return null;

  return (
    <main className="chain-map" data-testid="chain-map">
      <section className="stage" aria-label={t('map.title', { name: chain.name })}>
        <div className="map-toolbar toolbar">
          <AppLink href="/" className="button">
            {t('map.back')}
          </AppLink>
          <h2>{t('map.title', { name: chain.name })}</h2>
          <label>
            <input
              type="checkbox"
              checked={state.showOutside}
              onChange={(e) => state.setShowOutside(e.target.checked)}
              data-testid="show-outside"
            />
            {t('local.false')}
          </label>
          <CanvasActions
            canvas={canvas}
            fileName={`${t('map.title', { name: chain.name })}.png`}
            sheet={() => ({
              sheet: meetingSheet(t, {
                title: t('map.title', { name: chain.name }),
                subject: t('sheet.chain', { name: chain.name, n: chain.segments.length }),
                legend: mapLegend(t),
              }),
              // wrapped for the sheet's shape, wider than the screen's
              elements: chainMapElements(segments, mapLabels, { ...layoutOptions, view: SHEET_MAP_AREA }),
            })}
          />
          <AppLink href={`/chains/${encodeURIComponent(chain.key)}/targets`} className="button">
            {t('chains.openTargets')}
          </AppLink>
          <AppLink
            href={`/chains/${encodeURIComponent(chain.key)}/pipeline`}
            className="button"
            data-testid="open-pipeline"
          >
            {t('nav.pipeline')}
          </AppLink>
        </div>
        {state.segmentError && (
          <div className="banner error" role="alert" data-testid="segment-error">
            <span>{t('map.segmentFailed', state.segmentError)}</span>
            <button type="button" aria-label={t('action.close')} onClick={state.dismissSegmentError}>
              ×
            </button>
          </div>
        )}
        <Canvas
          ref={canvas}
          model={model}
          stylesheet={stylesheet}
          label={t('map.title', { name: chain.name })}
          onNodeTap={onNodeTap}
          zoomClasses={MAP_DETAIL}
          onBackgroundTap={() => {
            setSelected(null);
            pinned.current = null;
            highlight(null);
          }}
        />
      </section>
      <MapPanel
        state={state}
        selected={selected}
        onHighlight={highlight}
        onPickCandidate={pickCandidate}
        systemColor={systemColor}
        leads={leads}
        onLeadMade={reloadLeads}
      />
    </main>
  );
}
