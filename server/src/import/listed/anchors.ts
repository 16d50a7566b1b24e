import type { Anchors, Supplies } from '../../domain/model';
import type { BuiltChain } from './chains';
import { byText } from './names';

/** How many chain owners (链主) a chain gets at most. */
export const ANCHORS_PER_CHAIN = 3;

/**
 * A chain's owners: its midstream firms with the most inferred supply links to or from other
 * firms of the chain (at least one; then by code), at most ANCHORS_PER_CHAIN of them.
 */
export function pickAnchors(built: BuiltChain, firms: Map<string, string[]>, supplies: readonly Supplies[]) {
  const members = new Set<string>();
  const midstream = new Set<string>();
  for (const segment of built.segments) {
    for (const firm of firms.get(segment.id) ?? []) {
      members.add(firm);
      if (segment.tier === 'MIDSTREAM') midstream.add(firm);
    }
  }
  const links = new Map<string, number>();
  const count = (firm: string) => {
    if (midstream.has(firm)) links.set(firm, (links.get(firm) ?? 0) + 1);
  };
  for (const s of supplies) {
    if (!members.has(s.from) || !members.has(s.to)) continue;
    count(s.from);
    count(s.to);
  }
  return [...links]
    .sort(([a, x], [b, y]) => y - x || byText(a, b))
    .slice(0, ANCHORS_PER_CHAIN)
    .map(
      ([enterpriseId, n]): Anchors => ({
        enterpriseId,
        chainId: built.chain.id,
        source: `chainkg: 中游企业中推断供应关系最多 (${n} 条链内供应关系)`,
        confidence: 0.5,
      }),
    );
}
