import type { LinkedFirm } from '../../components/DetailsPanel';
import type { Position } from '../../graph/elements';
import type { GraphModel } from '../../graph/model';
import type { Enterprise } from '../../queries/enterprise';
import type { ExplorerView } from '../../state/explorer-url';

/**
 * What the explorer reads of its model (graph/model.ts): the firms by id and key, the segments
 * and links there, what the layouts take, and what the filters hide.
 */

/** The enterprise a node stands for. */
export const enterpriseOf = (model: GraphModel, id: string) => model.data(id)?.enterprise as Enterprise | undefined;

/** The id of the node of the enterprise with this key, if there is one. */
export function nodeByKey(model: GraphModel, key: string): string | undefined {
  return model.nodes().find((n) => (n.data.enterprise as Enterprise | undefined)?.key === key)?.id;
}

/** The segments of the firms there, by key, labelled "chain · segment", in label order. */
export function segmentsOf(model: GraphModel): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const n of model.nodes()) {
    const e = n.data.enterprise as Enterprise | undefined;
    for (const s of e?.segments ?? []) seen.set(s.key, `${s.chain.name} · ${s.name}`);
  }
  return [...seen].map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** The firms drawn next to this one by control or supply, by name. */
export function linksOf(model: GraphModel, id: string): LinkedFirm[] {
  if (!model.hasNode(id)) return [];
  return model
    .edgesOf(id)
    .filter((edge) => model.visible(edge.id))
    .map((edge) => {
      const outgoing = edge.source === id;
      const other = outgoing ? edge.target : edge.source;
      const kind = edge.data.kind as LinkedFirm['kind'];
      return {
        id: other,
        name: String(model.data(other)?.label),
        outgoing,
        kind,
        detail: kind === 'CONTROLS' || kind === 'SUPPLIES' ? String(edge.data.label ?? '') : '',
      };
    })
    .filter((link) => link.kind === 'CONTROLS' || link.kind === 'SUPPLIES')
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The drawn nodes and edges, as the layouts take them. */
export function drawnGraph(model: GraphModel) {
  const nodes = model.visibleNodes().map((n) => ({ id: n.id, distance: Number(n.data.distance ?? 0) }));
  const edges = model.visibleEdges().map((e) => ({ source: e.source, target: e.target }));
  return { nodes, edges };
}

/** Every node's position, with the positions of the nodes a parent has around it. */
export const occupied = (model: GraphModel): Position[] => [...model.positions().values()];

/** The nodes a filter of the view hides (the centre never), and those it shows. */
export function filtered(model: GraphModel, view: Pick<ExplorerView, 'show' | 'segment'>) {
  const hide: string[] = [];
  const show: string[] = [];
  for (const n of model.nodes()) {
    const e = n.data.enterprise as Enterprise | undefined;
    const out =
      !!e &&
      !n.classes.has('centre') &&
      ((view.show === 'local' && !e.local) ||
        (view.show === 'outside' && e.local) ||
        (view.segment !== null && !e.segments.some((s) => s.key === view.segment)));
    // only where it changes: touching a class restyles the element, and a graph of thousands
    // restyled at once is a long task
    if (n.classes.has('filtered') !== out) (out ? hide : show).push(n.id);
  }
  return { hide, show };
}

/** Hides what the view's filters hide, and shows again what they no longer do. */
export function applyFilters(model: GraphModel, view: Pick<ExplorerView, 'show' | 'segment'>) {
  const { hide, show } = filtered(model, view);
  model.setClass(hide, 'filtered', true);
  model.setClass(show, 'filtered', false);
}
