/**
 * The explorer's view, as the URL holds it, so that it can be shared and reloaded:
 * e (the centre's key), depth, kinds, layout, show (local / outside), segment (a segment key),
 * x (the keys of enterprises expanded), fold (the keys of systems folded), limit (the most
 * enterprises one neighbourhood brings).
 */
/** fcose (Cytoscape's usual force layout, in the page's thread) is not offered in the app: it is a benchmark's reference. */
export type LayoutName = 'concentric' | 'layered' | 'force' | 'fcose';
export type Show = 'all' | 'local' | 'outside';
export type Kind = 'CONTROLS' | 'SUPPLIES';

export interface ExplorerView {
  centre: string | null;
  depth: 1 | 2 | 3;
  kinds: Kind[];
  layout: LayoutName;
  show: Show;
  segment: string | null;
  expanded: string[];
  folded: string[];
  limit: number;
}

export const LIMITS = [200, 500, 1000, 2000] as const;
export const DEFAULT_LIMIT = 200;

const LAYOUTS: readonly LayoutName[] = ['concentric', 'layered', 'force', 'fcose'];
const KINDS: readonly Kind[] = ['CONTROLS', 'SUPPLIES'];
/**
 * Lists (x, fold) are their items joined by commas, each with its own commas and percent signs
 * escaped (%2C, %25): any id survives the round trip, and a list written before ids were escaped
 * reads as it did.
 */
const escapeItem = (item: string) => item.replace(/%/g, '%25').replace(/,/g, '%2C');
const unescapeItem = (item: string) => item.replace(/%(2C|25)/gi, (_, code: string) => (code === '25' ? '%' : ','));
export const writeList = (items: readonly string[]) => items.map(escapeItem).join(',');
export const readList = (v: string | null) => (v ? v.split(',').filter(Boolean).map(unescapeItem) : []);
const list = readList;

export function readView(params: URLSearchParams): ExplorerView {
  const depth = Number(params.get('depth'));
  const kinds = list(params.get('kinds')).filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  const layout = params.get('layout');
  const show = params.get('show');
  const limit = Number(params.get('limit'));
  return {
    centre: params.get('e'),
    depth: depth === 2 || depth === 3 ? depth : 1,
    kinds: kinds.length > 0 ? kinds : [...KINDS],
    layout: (LAYOUTS as readonly (string | null)[]).includes(layout) ? (layout as LayoutName) : 'concentric',
    show: show === 'local' || show === 'outside' ? show : 'all',
    segment: params.get('segment'),
    expanded: list(params.get('x')),
    folded: list(params.get('fold')),
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 5000 ? limit : DEFAULT_LIMIT,
  };
}

/** The URL parameters of a view; defaults are left out, other parameters (lang) are kept. */
export function writeView(view: ExplorerView, base: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(base);
  const set = (name: string, value: string | null, fallback: string | null = null) => {
    if (value === null || value === fallback || value === '') p.delete(name);
    else p.set(name, value);
  };
  set('e', view.centre);
  set('depth', String(view.depth), '1');
  set('kinds', view.kinds.length === KINDS.length ? null : view.kinds.join(','));
  set('layout', view.layout, 'concentric');
  set('show', view.show, 'all');
  set('segment', view.segment);
  set('x', writeList(view.expanded));
  set('fold', writeList(view.folded));
  set('limit', String(view.limit), String(DEFAULT_LIMIT));
  return p;
}

/** The variables of the neighbourhood a view opens on (the same object, key for key, wherever it is asked for). */
export function neighbourhoodVariables(view: Pick<ExplorerView, 'depth' | 'limit' | 'kinds'> & { centre: string }) {
  return { id: view.centre, depth: view.depth, limit: view.limit, kinds: view.kinds };
}
