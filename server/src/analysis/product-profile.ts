import { normal, PARTIAL_MATCH, productMatch } from './products';
import type { ChainIndexView } from './subgraph';

/**
 * What a segment makes, as a profile: its own products (环节产品) at weight 1, and every product
 * its member firms make (MAKES), weighted by the share of its members that make it. A segment
 * described by five product names is described far better by what its firms make.
 */
export interface ProductProfile {
  /** The segment's own products, as given. */
  declared: readonly string[];
  /** Normalised product name → weight in (0, 1]. */
  weights: ReadonlyMap<string, number>;
}

export function productProfile(view: ChainIndexView, segmentId: string): ProductProfile {
  const byView = view.kept('product profiles', () => new Map<string, ProductProfile>());
  const known = byView.get(segmentId);
  if (known) return known;
  const declared = view.segment.get(segmentId)?.products ?? [];
  const weights = new Map<string, number>();
  const members = view.membersOf.get(segmentId) ?? [];
  for (const id of members)
    for (const name of new Set((view.makesOf.get(id) ?? []).map((m) => normal(m.product))))
      weights.set(name, (weights.get(name) ?? 0) + 1 / members.length);
  for (const name of declared) weights.set(normal(name), 1);
  const profile = { declared, weights };
  byView.set(segmentId, profile);
  return profile;
}

/**
 * How well what a firm makes (MAKES) and supplies fits a segment's profile: the chance that at
 * least one of its products is one the segment makes (a noisy-or over the weights of its products
 * in the profile; a name inside one of the segment's own products counts PARTIAL_MATCH), with the
 * names that fit best. Null when nothing is known of what the firm makes or supplies, or of what
 * the segment makes.
 */
export function profileFit(
  view: ChainIndexView,
  profile: ProductProfile,
  firmId: string,
): { value: number; products: string[] } | null {
  if (profile.weights.size === 0) return null;
  const made = (view.makesOf.get(firmId) ?? []).map((m) => m.product);
  const supplied = (view.suppliesFrom.get(firmId) ?? []).map((s) => s.product);
  if (made.length === 0 && supplied.length === 0) return null;
  let miss = 1;
  const fits: [string, number][] = [];
  for (const product of new Set([...made, ...supplied])) {
    const exact = profile.weights.get(normal(product)) ?? 0;
    const w = exact > 0 ? exact : productMatch(profile.declared, product) > 0 ? PARTIAL_MATCH : 0;
    if (w === 0) continue;
    miss *= 1 - Math.min(1, w);
    fits.push([product, w]);
  }
  // best fit first, then by name: the same names whatever order a store gives the products in
  fits.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { value: 1 - miss, products: fits.slice(0, 3).map(([p]) => p) };
}

/** Every product name (normalised) made (MAKES) or supplied by a firm of the view, with those firms. */
function firmsByProduct(view: ChainIndexView): Map<string, Set<string>> {
  return view.kept('firms by product', () => {
    const index = new Map<string, Set<string>>();
    const add = (name: string, id: string) => {
      const key = normal(name);
      const set = index.get(key);
      if (set) set.add(id);
      else index.set(key, new Set([id]));
    };
    for (const [id, made] of view.makesOf) for (const m of made) add(m.product, id);
    for (const s of view.graph.supplies) add(s.product, s.from);
    return index;
  });
}

/**
 * The firms whose fit with the profile is above 0: those that make or supply a product of it (or a
 * name inside one of the segment's own products). One pass over the product names of the view,
 * not over its firms.
 */
export function firmsFitting(view: ChainIndexView, profile: ProductProfile): Set<string> {
  const out = new Set<string>();
  if (profile.weights.size === 0) return out;
  for (const [name, firms] of firmsByProduct(view)) {
    const fits = profile.weights.has(name) || productMatch(profile.declared, name) > 0;
    if (fits) for (const id of firms) out.add(id);
  }
  return out;
}
