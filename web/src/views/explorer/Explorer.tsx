import { useEffect, useMemo, useRef, useState } from 'react';
import { AppLink } from '../../components/AppLink';
import { DetailsPanel } from '../../components/DetailsPanel';
import { SearchBox } from '../../components/SearchBox';
import { Canvas, type CanvasHandle } from '../../graph/Canvas';
import type { LandmarkTest } from '../../graph/landmarks';
import { graphStylesheet, LABEL_ZOOM } from '../../graph/style';
import { useModelSnapshot } from '../../graph/useModel';
import { useT } from '../../i18n/useT';
import { useTitle } from '../../i18n/useTitle';
import { forgetView, rememberView, useExplorerStart } from '../../state/explorer-start';
import { writeView } from '../../state/explorer-url';
import { ExplorerToolbar } from './ExplorerToolbar';
import { enterpriseOf, linksOf, segmentsOf } from './graph';
import { Legend } from './Legend';
import { SystemsList } from './SystemsList';
import { useExplorerHooks } from './test-hooks';
import { useExplorer } from './useExplorer';

const stylesheet = graphStylesheet();

/** Named from every zoom, as many as fit: the firm the view is of, the one selected, then the roots of systems. */
const LANDMARKS: readonly LandmarkTest[] = [
  (n) => n.hasClass('centre'),
  (n) => n.selected(),
  (n) => n.data('role') === 'ROOT',
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
  // what the views around the graph list of it, read from the model as it changes
  const { model } = x;
  const seen = useModelSnapshot(model);
  const segments = useMemo(() => segmentsOf(seen.model), [seen]);
  // the firms drawn next to the selected one, for the keyboard (the canvas takes no focus)
  const links = useMemo(() => (x.selected ? linksOf(seen.model, x.selected.id) : []), [seen, x.selected]);

  const pickLink = (id: string) => {
    const e = enterpriseOf(model, id);
    if (!e) return;
    model.select(id);
    canvas.current?.center(id, 200);
    x.select(e);
  };

  useExplorerHooks(model, x.expand);

  const onNodeTap = (id: string) => {
    const e = enterpriseOf(model, id);
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
          onToggleFold={(id) => void x.toggleFold(id)}
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
            model={model}
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
