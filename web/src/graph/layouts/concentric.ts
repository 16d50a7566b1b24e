import type { Position } from 'cytoscape';

/**
 * Rings by hop from the centre: the centre in the middle, the enterprises one hop away in the
 * first band, and so on. A band is one ring when its enterprises fit on it (at least `spacing`
 * apart); a hop with more enterprises fills several rings, `spacing` apart, so that a hop of a
 * thousand firms makes a wide band rather than one ring a hundred metres round (a graph's extent
 * grows with the square root of its size, not with its size, and a fitted view stays readable).
 * Bands are `ringGap` apart, wider than the rings inside a band, so the hops stay apart to the eye.
 * Enterprises keep their order, ring by ring from the inside, each ring starting at the top.
 * Computed, deterministic, linear in the number of nodes.
 */
export function concentricPositions(
  nodes: readonly { id: string; distance: number }[],
  { spacing = 64, ringGap = 130 }: { spacing?: number; ringGap?: number } = {},
): Map<string, Position> {
  const hops = new Map<number, string[]>();
  for (const n of nodes) {
    const hop = hops.get(n.distance) ?? [];
    hop.push(n.id);
    hops.set(n.distance, hop);
  }
  const out = new Map<string, Position>();
  const capacity = (radius: number) => Math.max(1, Math.floor((2 * Math.PI * radius) / spacing));
  let outermost = 0;
  for (const distance of [...hops.keys()].sort((a, b) => a - b)) {
    const ids = hops.get(distance) ?? [];
    if (distance === 0 && ids.length === 1) {
      out.set(ids[0] as string, { x: 0, y: 0 });
      continue;
    }
    // the band's rings, inside out, until they hold the hop
    const radii: number[] = [];
    let held = 0;
    for (let r = outermost + ringGap; held < ids.length; r += spacing) {
      radii.push(r);
      held += capacity(r);
    }
    // shared out in proportion to each ring's room, so the outer ring is not left nearly empty;
    // what rounding leaves goes to the innermost rings with room
    const counts = radii.map((r) => Math.floor((ids.length * capacity(r)) / held));
    let left = ids.length - counts.reduce((a, b) => a + b, 0);
    for (let ring = 0; left > 0; ring = (ring + 1) % radii.length) {
      if ((counts[ring] ?? 0) < capacity(radii[ring] ?? 0)) {
        counts[ring] = (counts[ring] ?? 0) + 1;
        left--;
      }
    }
    let placed = 0;
    radii.forEach((radius, ring) => {
      const count = counts[ring] ?? 0;
      // every other ring turned by half a step: neighbours on adjacent rings do not line up
      const turn = ring % 2 === 0 ? 0 : Math.PI / Math.max(1, count);
      for (let i = 0; i < count; i++) {
        const angle = -Math.PI / 2 + turn + (2 * Math.PI * i) / count;
        out.set(ids[placed + i] as string, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
      }
      placed += count;
    });
    outermost = radii[radii.length - 1] ?? outermost;
  }
  return out;
}
