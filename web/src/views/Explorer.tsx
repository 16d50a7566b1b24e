import type { NodeSingular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AppLink } from '../components/AppLink';
import { DetailsPanel, type LinkedFirm } from '../components/DetailsPanel';
import { ExplorerToolbar } from '../components/ExplorerToolbar';
import { Legend } from '../components/Legend';
import { SearchBox } from '../components/SearchBox';
import { SystemsList } from '../components/SystemsList';
import { Canvas, type CanvasHandle } from '../graph/Canvas';
import { graphStylesheet, LABEL_ZOOM } from '../graph/style';
import { useT } from '../i18n/useT';
import { useTitle } from '../i18n/useTitle';
import type { Enterprise } from '../queries/enterprise';
import { forgetView, rememberView, useExplorerStart } from '../state/explorer-start';
import { writeView } from '../state/explorer-url';
import { useExplorer } from '../state/useExplorer';

const stylesheet = graphStylesheet();

/** Named from every zoom, as many as fit: the firm the view is of, the one selected, then the roots of systems. */
const LANDMARKS = [
  (n: NodeSingular) => n.hasClass('centre'),
  (n: NodeSingular) => n.selected(),
  (n: NodeSingular) => n.data('role') === 'ROOT',
];

/** 企业图谱: search on the left, the graph in the middle with its controls, details and legend on the left below. */
export function Explorer() {
  const { t } = useT();
  const canvas = useRef<CanvasHandle>(null);
  const x = useExplorer(canvas, t);
  useTitle(x.centreName, t('nav.explorer'));
  const [stats, setStats] = useState({ nodes: 0, edges: 0 });
  // no firm in the URL: the last view drawn in this browser, or else the largest system
  const { systems, start } = useExplorerStart(x.view.centre, (view) => x.update(() => view));
  const openSystem = (key: string) => x.update({ centre: key, expanded: [], folded: [], segment: null }, true);
  // every view drawn is the one to come back to; one that cannot be drawn is not
  const viewKey = writeView(x.view, new URLSearchParams()).toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is compared by its URL parameters
  useEffect(() => {
    if (x.load.kind === 'ready') rememberView(x.view);
    else if (x.load.kind === 'error' && x.view.centre) forgetView(x.view.centre);
  }, [x.load.kind, viewKey]);
  const [, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the graph changes size (the graph lives in the canvas)
  const segments = useMemo(() => {
    const seen = new Map<string, string>();
    for (const id of canvas.current?.nodeIds() ?? []) {
      const e = canvas.current?.cy()?.getElementById(id).data('enterprise') as Enterprise | undefined;
      for (const s of e?.segments ?? []) seen.set(s.key, `${s.chain.name} · ${s.name}`);
    }
    return [...seen].map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [stats.nodes]);

  // the firms drawn next to the selected one, for the keyboard (the canvas takes no focus)
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the graph or the filters change
  const links = useMemo((): LinkedFirm[] => {
    const node = x.selected ? canvas.current?.cy()?.getElementById(x.selected.id) : undefined;
    if (!node || node.empty()) return [];
    return node
      .connectedEdges(':visible')
      .map((edge) => {
        const outgoing = edge.source().id() === node.id();
        const other = outgoing ? edge.target() : edge.source();
        return {
          id: other.id(),
          name: String(other.data('label')),
          outgoing,
          kind: edge.data('kind') as LinkedFirm['kind'],
          detail:
            edge.data('kind') === 'CONTROLS' || edge.data('kind') === 'SUPPLIES'
              ? String(edge.data('label') ?? '')
              : '',
        };
      })
      .filter((link) => link.kind === 'CONTROLS' || link.kind === 'SUPPLIES')
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [x.selected, stats.nodes, stats.edges, x.view.show, x.view.segment, x.load.kind]);

  const pickLink = (id: string) => {
    const node = canvas.current?.cy()?.getElementById(id);
    const e = node?.data('enterprise') as Enterprise | undefined;
    if (!node || !e) return;
    canvas.current?.select(id);
    canvas.current?.cy()?.animate({ center: { eles: node } }, { duration: 200 });
    x.select(e);
  };

  useEffect(() => {
    window.chainAtlasExplorer = {
      expand: async (key) => {
        const node = canvas.current
          ?.cy()
          ?.nodes()
          .filter((n) => (n.data('enterprise') as Enterprise | undefined)?.key === key);
        if (node?.nonempty()) await x.expand(node.id());
      },
    };
    return () => {
      delete window.chainAtlasExplorer;
    };
  }, [x.expand]);

  const onNodeTap = (id: string) => {
    const e = canvas.current?.cy()?.getElementById(id).data('enterprise') as Enterprise | undefined;
    if (!e) return;
    if (x.selected?.id === id) void x.expand(id);
    else x.select(e);
  };

  return (
    <main className="explorer">
      <aside className="sidebar">
        <SearchBox onPick={(hit) => openSystem(hit.key)} />
        {systems && <SystemsList systems={systems} centre={x.view.centre} onOpen={openSystem} />}
        <DetailsPanel
          enterprise={x.selected}
          expandState={x.selected ? x.expandState(x.selected.id) : 'idle'}
          onExpand={(id) => void x.expand(id)}
          folded={x.selected ? x.isFolded(x.selected.id) : false}
          onToggleFold={(id) => void x.toggleFold(id).then(() => setTick((n) => n + 1))}
          links={links}
          onPickLink={pickLink}
        />
        <Legend />
      </aside>
      <section className="stage" aria-label={t('explorer.title')} aria-busy={x.load.kind === 'loading'}>
        <ExplorerToolbar
          view={x.view}
          segments={segments}
          onChange={(change) => x.update(change)}
          canvas={canvas}
          pngName={`${x.centreName ?? 'chain-atlas'}.png`}
          busy={x.layingOut}
        />
        <div className="stage-canvas">
          <Canvas
            ref={canvas}
            stylesheet={stylesheet}
            labelsFrom={LABEL_ZOOM}
            landmarks={LANDMARKS}
            pictureWhileMoving
            declutter
            label={t('explorer.title')}
            onNodeTap={onNodeTap}
            onNodeDoubleTap={(id) => void x.expand(id)}
            onBackgroundTap={() => x.select(null)}
            onChange={setStats}
          />
          {x.load.kind !== 'idle' && (
            <p className="stats" data-testid="graph-stats">
              {t('explorer.stats', stats)}
            </p>
          )}
          {x.load.kind === 'idle' && start.kind === 'starting' && (
            <div className="overlay loading" data-testid="graph-starting" role="status">
              {t('explorer.starting')}
            </div>
          )}
          {x.load.kind === 'idle' && start.kind === 'empty' && (
            <div className="overlay empty" data-testid="graph-empty">
              <p>{t('explorer.empty')}</p>
              <p className="muted">{t('explorer.emptyExample')}</p>
            </div>
          )}
          {x.load.kind === 'loading' && (
            <div className="overlay loading" data-testid="graph-loading" role="status">
              {t('explorer.loadingName', { name: x.load.name })}
            </div>
          )}
          {x.loadError && (
            <div className="banner error" data-testid="graph-error" role="alert">
              <span>{x.loadError}</span>
              <AppLink href="/explore" data-testid="graph-error-back">
                {t('explorer.startOver')}
              </AppLink>
            </div>
          )}
          {x.notice && (
            <div className="banner notice" data-testid="graph-notice" role="status">
              <span>{x.notice}</span>
              <button type="button" aria-label={t('action.close')} onClick={x.dismissNotice}>
                ×
              </button>
            </div>
          )}
        </div>
      </section>
    </main>
  );
}
