import type { Position } from 'cytoscape';

/**
 * Rings by hop from the centre: the centre in the middle, the enterprises one hop away on the
 * first ring, and so on; a ring is as wide as its enterprises need (at least `spacing` apart) and
 * always wider than the one inside it. Enterprises keep their order around the ring, starting at
 * the top. Computed, deterministic, linear in the number of nodes.
 */
export function concentricPositions(
  nodes: readonly { id: string; distance: number }[],
  { spacing = 64, ringGap = 130 }: { spacing?: number; ringGap?: number } = {},
): Map<string, Position> {
  const rings = new Map<number, string[]>();
  for (const n of nodes) {
    const ring = rings.get(n.distance) ?? [];
    ring.push(n.id);
    rings.set(n.distance, ring);
  }
  const out = new Map<string, Position>();
  let radius = 0;
  for (const distance of [...rings.keys()].sort((a, b) => a - b)) {
    const ids = rings.get(distance) ?? [];
    if (distance === 0 && ids.length === 1) {
      out.set(ids[0] as string, { x: 0, y: 0 });
      continue;
    }
    radius = Math.max(radius + ringGap, (ids.length * spacing) / (2 * Math.PI));
    ids.forEach((id, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
      out.set(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }
  return out;
}
