import type { Position } from 'cytoscape';

export interface RingOptions {
  /** Radius of the first ring around the parent. */
  radius?: number;
  /** Least distance between two node centres; also the gap between successive rings. */
  spacing?: number;
  /**
   * The arc used, in radians, centred on the direction away from the rest of the graph: the side facing the graph is
   * where the parent's own edges run. The whole circle when nothing else is placed yet.
   */
  sweep?: number;
}

const distance = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The direction pointing away from the rest of the graph (from the centroid of `occupied` through `centre`),
 * in radians; straight up when there is nothing else.
 */
export function outwardAngle(centre: Position, occupied: readonly Position[]): number {
  const others = occupied.filter((p) => distance(p, centre) > 1e-6);
  if (others.length === 0) return -Math.PI / 2;
  const cx = others.reduce((sum, p) => sum + p.x, 0) / others.length;
  const cy = others.reduce((sum, p) => sum + p.y, 0) / others.length;
  if (Math.hypot(centre.x - cx, centre.y - cy) < 1e-6) return -Math.PI / 2;
  return Math.atan2(centre.y - cy, centre.x - cx);
}

/**
 * Positions for `count` new nodes on rings around `centre`, leaving every `occupied` position where it is:
 * each slot keeps at least `spacing` from occupied positions and from the other new ones. Slots facing away from
 * the rest of the graph fill first, within `sweep`; a full arc spills onto the next ring, `spacing` further out.
 * Deterministic.
 */
export function ringPositions(
  centre: Position,
  count: number,
  occupied: readonly Position[],
  { radius = 130, spacing = 70, sweep = (4 * Math.PI) / 3 }: RingOptions = {},
): Position[] {
  const placed: Position[] = [];
  const outward = outwardAngle(centre, occupied);
  const alone = occupied.every((p) => distance(p, centre) < 1e-6);
  const halfSweep = alone ? Math.PI : sweep / 2;
  for (let ring = 0; placed.length < count && ring < 1000; ring++) {
    const r = radius + ring * spacing;
    const slots = Math.max(6, Math.floor((2 * Math.PI * r) / spacing));
    const step = (2 * Math.PI) / slots;
    // Only what can come within `spacing` of this ring matters.
    const near = occupied.filter((p) => Math.abs(distance(p, centre) - r) < spacing);
    for (let k = 0; k < slots && placed.length < count; k++) {
      // 0, +1, -1, +2, -2, …: alternate either side of the outward direction.
      const offset = k % 2 === 1 ? (k + 1) / 2 : -k / 2;
      if (Math.abs(offset * step) > halfSweep + 1e-9) continue;
      const angle = outward + offset * step;
      const candidate = { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
      const clear = (p: Position) => distance(p, candidate) >= spacing - 1e-6;
      if (near.every(clear) && placed.every(clear)) placed.push(candidate);
    }
  }
  return placed;
}
