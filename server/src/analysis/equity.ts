import { DEFAULT_CONTROL_THRESHOLD, exceeds, type Holding, SHARE_TOLERANCE } from '../domain/systems';

/**
 * The ultimate controller (实际控制人) of an enterprise: follow CONTROLS upward, multiplying shares
 * along each path (a holder's best path counts; paths are not added up). Shares are compared with
 * a tolerance of 1e-9.
 *
 * - The holders with more than the threshold (strict: 50% is not control) are the controllers;
 *   at the top are those no other controller's best path runs through. SOLE: the one at the top
 *   with the largest share. JOINT: several at the top tie for it (only with a threshold below 50%).
 * - When nobody has more than the threshold, the holders with exactly the threshold: several at
 *   the top (the parents of a 50/50 joint venture) are JOINT control, every one of them named
 *   with its share and path, never one picked at random; a lone one is no control.
 * - Otherwise there is none (undefined).
 *
 * Cross-holdings and cycles end: a holder is revisited only with a strictly larger share, and
 * shares only fall along a path.
 */
export interface Controller {
  controllerId: string;
  effectiveShare: number;
  /** From the controller down to the enterprise. */
  path: string[];
}

export type UltimateController =
  | ({ kind: 'SOLE' } & Controller)
  | {
      kind: 'JOINT';
      /** The tied share, each joint controller's. */
      effectiveShare: number;
      /** By id. */
      jointControllers: Controller[];
    };

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
      // exactly the threshold is kept: a tie there is joint control
      if (through < threshold - SHARE_TOLERANCE || h.from === enterpriseId) continue;
      const known = best.get(h.from);
      if (known && known.share >= through) continue;
      best.set(h.from, { share: through, below: id });
      queue.push({ id: h.from, share: through });
    }
  }
  // those with more than the threshold; when there are none, those with exactly the threshold
  const strict = [...best].filter(([, b]) => exceeds(b.share, threshold));
  const pool = strict.length > 0 ? strict : [...best];
  const below = new Set(pool.map(([, b]) => b.below));
  const tops = pool.filter(([id]) => !below.has(id));
  if (tops.length === 0) return undefined;
  const top = Math.max(...tops.map(([, b]) => b.share));
  const tied = tops
    .filter(([, b]) => b.share >= top - SHARE_TOLERANCE)
    .map(([id]) => id)
    .sort();
  const controller = (controllerId: string): Controller => {
    const path = [controllerId];
    for (let at = controllerId; at !== enterpriseId && path.length <= best.size; ) {
      at = best.get(at)?.below ?? enterpriseId;
      path.push(at);
    }
    return { controllerId, effectiveShare: best.get(controllerId)?.share ?? 0, path };
  };
  const [only] = tied;
  if (tied.length === 1 && only !== undefined) {
    return exceeds(top, threshold) ? { kind: 'SOLE', ...controller(only) } : undefined;
  }
  return { kind: 'JOINT', effectiveShare: top, jointControllers: tied.map(controller) };
}
