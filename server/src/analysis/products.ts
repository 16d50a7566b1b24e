import type { Supplies } from '../domain/model';
import { normaliseProduct } from './inputs';
import type { ChainIndexView } from './subgraph';

/**
 * Products against a chain's segments (环节产品): how well a product name matches what a segment
 * makes, which segment a supply link belongs to, and how well a firm's products fit a segment.
 * Names are compared normalised (inputs.ts): the same name is a full match; one name inside the
 * other (锂电池 in 动力锂电池), both of two characters or more, is a partial one.
 */
export const FULL_MATCH = 1;
export const PARTIAL_MATCH = 0.6;

/**
 * Normalised names, kept: a gap report compares every firm's products with every segment's, the
 * same few thousand names again and again (the cap keeps a long-running server's memory bounded).
 */
const normalised = new Map<string, string>();

/** A product name normalised (inputs.ts), kept for the next time. */
export function normal(name: string): string {
  let n = normalised.get(name);
  if (n === undefined) {
    n = normaliseProduct(name);
    if (normalised.size < 200_000) normalised.set(name, n);
  }
  return n;
}

/** How well `product` matches any of `wanted`: FULL_MATCH, PARTIAL_MATCH or 0. */
export function productMatch(wanted: readonly string[], product: string): number {
  const p = normal(product);
  let best = 0;
  for (const w of wanted) {
    const n = normal(w);
    if (n === p) return FULL_MATCH;
    if (n.length >= 2 && p.length >= 2 && (n.includes(p) || p.includes(n))) best = PARTIAL_MATCH;
  }
  return best;
}

/**
 * The segment a supply link counts in: the one whose products match its product best, when one
 * segment matches better than every other; else the supplier's segment, when it works in exactly
 * one of the chain; else none (the link still counts for the chain as a whole).
 */
export function attributeSupply(view: ChainIndexView, supply: Supplies): string | undefined {
  let best = 0;
  let winners: string[] = [];
  for (const segment of view.segment.values()) {
    const match = productMatch(segment.products ?? [], supply.product);
    if (match > best) {
      best = match;
      winners = [segment.id];
    } else if (match > 0 && match === best) winners.push(segment.id);
  }
  if (winners.length === 1) return winners[0];
  const own = view.segmentsOf.get(supply.from) ?? [];
  return own.length === 1 ? own[0] : undefined;
}
