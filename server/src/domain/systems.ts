/**
 * Systems (系) from ownership: a root and every enterprise it controls directly or through
 * a chain of CONTROLS whose multiplied shares exceed the threshold. Pure: no store.
 *
 * Control is strict: more than the threshold, never just reaching it. A 50/50 joint venture is
 * controlled by neither parent, so it is a member of neither parent's system (it is a root of its
 * own if it controls others); see `ultimateController` for its joint control.
 */

/** The multiplied share a holder must exceed to control. */
export const DEFAULT_CONTROL_THRESHOLD = 0.5;

/** Shares within this of each other are equal (products of decimals are not exact). */
export const SHARE_TOLERANCE = 1e-9;

/** Whether a (multiplied) share makes control: strictly more than the threshold. */
export const exceeds = (share: number, threshold: number): boolean => share > threshold + SHARE_TOLERANCE;

export interface Holding {
  from: string;
  to: string;
  share: number;
}

export interface Controlled {
  id: string;
  /** The best product of shares along a path from the root. */
  effectiveShare: number;
  /** Hops from the root along that path. */
  level: number;
}

/**
 * Everyone `rootId` controls, the root included, by best multiplied share.
 * Cross-holdings and cycles end: a share only ever falls along a path, and a node is
 * revisited only when reached with a strictly higher share.
 */
export function controlledBy(
  rootId: string,
  holdingsOf: (id: string) => Iterable<Holding>,
  threshold = DEFAULT_CONTROL_THRESHOLD,
): Controlled[] {
  const best = new Map<string, Controlled>([[rootId, { id: rootId, effectiveShare: 1, level: 0 }]]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const here = best.get(id) as Controlled;
    for (const h of holdingsOf(id)) {
      const share = here.effectiveShare * h.share;
      if (!exceeds(share, threshold) || h.to === rootId) continue;
      const known = best.get(h.to);
      if (known && known.effectiveShare >= share) continue;
      best.set(h.to, { id: h.to, effectiveShare: share, level: here.level + 1 });
      queue.push(h.to);
    }
  }
  return [...best.values()].sort(
    (a, b) => a.level - b.level || b.effectiveShare - a.effectiveShare || a.id.localeCompare(b.id),
  );
}

/**
 * Roots: enterprises that control at least one other (more than the threshold) and are
 * controlled by nobody.
 */
export function findRoots(holdings: Iterable<Holding>, threshold = DEFAULT_CONTROL_THRESHOLD): string[] {
  const controlling = new Set<string>();
  const controlled = new Set<string>();
  for (const h of holdings) {
    if (!exceeds(h.share, threshold) || h.from === h.to) continue;
    controlling.add(h.from);
    controlled.add(h.to);
  }
  return [...controlling].filter((id) => !controlled.has(id)).sort();
}
