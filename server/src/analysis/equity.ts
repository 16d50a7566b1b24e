import { DEFAULT_CONTROL_THRESHOLD, type Holding } from './systems';

/**
 * The ultimate controller (实际控制人) of an enterprise: follow CONTROLS upward, multiplying
 * shares; among the holders whose multiplied share reaches the threshold, the one nobody above
 * controls, with the largest share. Cross-holdings and cycles end: a holder is revisited only
 * with a strictly larger share, and shares only fall along a path.
 */
export interface UltimateController {
  controllerId: string;
  effectiveShare: number;
  /** From the controller down to the enterprise. */
  path: string[];
}

export function ultimateController(
  enterpriseId: string,
  holdersOf: (id: string) => Iterable<Holding>,
  threshold = DEFAULT_CONTROL_THRESHOLD,
): UltimateController | undefined {
  const best = new Map<string, { share: number; below: string }>();
  const queue: { id: string; share: number }[] = [{ id: enterpriseId, share: 1 }];
  while (queue.length > 0) {
    const { id, share } = queue.shift() as { id: string; share: number };
    for (const h of holdersOf(id)) {
      const through = share * h.share;
      if (through < threshold || h.from === enterpriseId) continue;
      const known = best.get(h.from);
      if (known && known.share >= through) continue;
      best.set(h.from, { share: through, below: id });
      queue.push({ id: h.from, share: through });
    }
  }
  // the top of the chain of control: controlled by nobody (in a cycle of control, the largest share)
  const isTop = (id: string) => ![...holdersOf(id)].some((h) => h.share >= threshold && h.from !== id);
  const ranked = [...best].sort(
    (a, b) => Number(isTop(b[0])) - Number(isTop(a[0])) || b[1].share - a[1].share || a[0].localeCompare(b[0]),
  );
  const [controllerId, top] = ranked[0] ?? [];
  if (!controllerId || !top) return undefined;
  const path = [controllerId];
  for (let at = controllerId; at !== enterpriseId; ) {
    at = best.get(at)?.below ?? enterpriseId;
    path.push(at);
  }
  return { controllerId, effectiveShare: top.share, path };
}
