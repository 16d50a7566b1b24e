import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { AppLink } from '../../components/AppLink';
import { CanvasActions } from '../../components/CanvasActions';
import { DetailsPanel } from '../../components/DetailsPanel';
import { SearchBox } from '../../components/SearchBox';
import { Failed, Loading } from '../../components/Status';
import { Canvas, type CanvasHandle } from '../../graph/Canvas';
import type { ElementDefinition } from '../../graph/elements';
import { edgeLabel } from '../../graph/elements';
import { graphStylesheet } from '../../graph/style';
import { useGraphModel } from '../../graph/useModel';
import { useT } from '../../i18n/useT';
import { useTitle } from '../../i18n/useTitle';
import { type Enterprise, PathQuery, type PathSearch } from '../../queries/enterprise';
import { useQuery } from '../../state/useQuery';
import { pathStep } from './pathSteps';

const stylesheet = graphStylesheet();
const KINDS = ['CONTROLS', 'SUPPLIES'] as const;
const HOPS = [1, 2, 3, 4, 5, 6] as const;
const DEFAULT_HOPS = 4;

/**
 * The shortest paths as one picture: every enterprise at its step from the start (all shortest
 * paths have the same length, so a step is well defined), the enterprises of one step stacked.
 */
export function pathElements(search: PathSearch): ElementDefinition[] {
  const step = new Map<string, number>();
  const out: ElementDefinition[] = [];
  const perStep = new Map<number, number>();
  for (const path of search.paths) {
    path.enterprises.forEach((e, i) => {
      if (step.has(e.id)) return;
      step.set(e.id, i);
      const row = perStep.get(i) ?? 0;
      perStep.set(i, row + 1);
      out.push({
        group: 'nodes',
        data: { id: e.id, label: e.shortName || e.name, role: e.role, local: e.local, distance: i, enterprise: e },
        position: { x: i * 230, y: row * 110 },
        classes: i === 0 || i === path.enterprises.length - 1 ? 'centre' : '',
      });
    });
  }
  // centre each step's column vertically
  for (const el of out) {
    const i = el.data.distance as number;
    if (el.position) el.position.y -= (((perStep.get(i) ?? 1) - 1) * 110) / 2;
  }
  const seen = new Set<string>();
  for (const path of search.paths) {
    for (const r of path.relations) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({
        group: 'edges',
        data: { id: r.id, source: r.fromId, target: r.toId, kind: r.kind, label: edgeLabel(r), relation: r },
        classes: 'focus',
      });
    }
  }
  return out;
}

/** 关系路径: the shortest ownership and supply paths between two firms, drawn and listed. */
export function PathView() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const asked = Number(params.get('hops'));
  const hops = (HOPS as readonly number[]).includes(asked) ? asked : DEFAULT_HOPS;
  const kinds = (params
    .get('kinds')
    ?.split(',')
    .filter((k) => (KINDS as readonly string[]).includes(k)) ?? []) as (typeof KINDS)[number][];
  const chosen = kinds.length > 0 ? kinds : [...KINDS];
  const set = (name: string, value: string | null) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    });
  const [state, retry] = useQuery(PathQuery, from && to ? { from, to, maxHops: hops, kinds: chosen } : null);
  const canvas = useRef<CanvasHandle>(null);
  const model = useGraphModel();
  const search = state.kind === 'ready' ? state.data.path : null;
  // the ends by name once they are known, by key until then
  const fromName = (state.kind === 'ready' && state.data.fromEnd?.shortName) || from || '—';
  const toName = (state.kind === 'ready' && state.data.toEnd?.shortName) || to || '—';
  const [selected, setSelected] = useState<Enterprise | null>(null);
  useTitle(from && to && `${fromName} → ${toName}`, t('nav.path'));

  useEffect(() => {
    setSelected(null);
    model.replace(search ? pathElements(search) : [], { fit: true, maxZoom: 1.2 });
  }, [model, search]);

  return (
    <main className="explorer path-view" data-testid="path-view">
      <aside className="sidebar">
        <section className="panel">
          <h3>{t('path.title')}</h3>
          <p className="muted" data-testid="path-from-name">
            {t('path.fromName', { name: fromName })}
          </p>
          <SearchBox id="path-from" label={t('path.from')} onPick={(hit) => set('from', hit.key)} />
          <p className="muted" data-testid="path-to-name">
            {t('path.toName', { name: toName })}
          </p>
          <SearchBox id="path-to" label={t('path.to')} onPick={(hit) => set('to', hit.key)} />
          <div className="toolbar">
            <label>
              {t('path.maxHops')}
              <select value={hops} data-testid="max-hops" onChange={(e) => set('hops', e.target.value)}>
                {HOPS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            {KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={chosen.includes(kind)}
                  onChange={(e) => {
                    const next = e.target.checked ? [...new Set([...chosen, kind])] : chosen.filter((k) => k !== kind);
                    if (next.length > 0) set('kinds', next.length === KINDS.length ? null : next.join(','));
                  }}
                />
                {t(`kind.${kind}`)}
              </label>
            ))}
          </div>
        </section>
        <section className="panel" data-testid="path-result">
          {!(from && to) && <p className="hint">{t('path.pick')}</p>}
          {from && to && state.kind === 'loading' && <Loading />}
          {state.kind === 'error' && <Failed message={state.message} onRetry={retry} />}
          {search && !search.found && <p data-testid="path-none">{t('path.none', { hops })}</p>}
          {search?.found && (
            <>
              <p data-testid="path-found">{t('path.found', { n: search.paths.length, length: search.length ?? 0 })}</p>
              <ol className="path-list">
                {search.paths.map((p) => (
                  <li key={p.relations.map((r) => r.id).join('|') || `path-${p.enterprises[0]?.id}`}>
                    {p.enterprises.map((e, k) => {
                      const relation = p.relations[k - 1];
                      const before = p.enterprises[k - 1];
                      const step =
                        relation && before
                          ? pathStep(
                              t,
                              relation,
                              { id: before.id, name: before.shortName || before.name },
                              { id: e.id, name: e.shortName || e.name },
                            )
                          : null;
                      return (
                        <span key={e.id}>
                          {step && (
                            <span
                              className="path-step"
                              data-testid="path-step"
                              data-forward={step.forward}
                              title={step.sentence}
                            >
                              {step.forward ? ` — ${step.verb} → ` : ` ← ${step.verb} — `}
                            </span>
                          )}
                          <AppLink href={`/explore?e=${encodeURIComponent(e.key)}`}>{e.shortName || e.name}</AppLink>
                        </span>
                      );
                    })}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
        {selected && <DetailsPanel enterprise={selected} />}
      </aside>
      <section className="stage" aria-label={t('path.title')}>
        <div className="toolbar explorer-toolbar">
          <CanvasActions canvas={canvas} fileName={`${fromName}-${toName}.png`} />
        </div>
        <div className="stage-canvas">
          <Canvas
            ref={canvas}
            model={model}
            stylesheet={stylesheet}
            declutter
            label={t('path.title')}
            onNodeTap={(id) => setSelected((model.data(id)?.enterprise as Enterprise | undefined) ?? null)}
            onBackgroundTap={() => setSelected(null)}
          />
        </div>
      </section>
    </main>
  );
}
