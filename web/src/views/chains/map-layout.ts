import type { ElementDefinition } from 'cytoscape';
import type { Firm } from '../../queries/chains';
import type { Need } from './needs';

/**
 * The chain map's layout, computed, not simulated: segments are columns from upstream to
 * downstream (a wider gap between tiers), each a box with its firms in a grid, local firms first.
 * A column's place depends only on the segment's position in the chain, and a box grows only
 * downward: the same chain always looks the same, and expanding a segment moves nothing else.
 */
export type Tier = 'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM';

export interface MapSegment {
  id: string;
  name: string;
  tier: Tier;
  need: Need;
  covered: boolean;
  /** The firms shown, local first. */
  firms: readonly Firm[];
  /** How many more firms there are than are shown. */
  hidden: number;
  /** All its firms are shown at the user's asking: the box offers to show fewer again. */
  expanded?: boolean;
  feedsInto: readonly string[];
}

export interface MapCandidate {
  enterprise: Firm;
  score: number;
  /** Ids of the enterprises it already supplies (evidence). */
  supplies: readonly string[];
}

export interface MapLabels {
  tier: (tier: Tier) => string;
  counts: (segment: MapSegment) => string;
  more: (n: number) => string;
  collapse: () => string;
}

export const GEOMETRY = {
  boxWidth: 216,
  column: 244,
  tierGap: 44,
  header: 62,
  cellWidth: 104,
  cellHeight: 74,
  more: 30,
};

/** Node ids: a firm may work in several segments and is drawn in each. */
export const firmNodeId = (segmentId: string, firmId: string) => `firm|${segmentId}|${firmId}`;
export const segmentNodeId = (segmentId: string) => `segment|${segmentId}`;
export const candidateNodeId = (firmId: string) => `candidate|${firmId}`;
export const moreNodeId = (segmentId: string) => `more|${segmentId}`;

/** Where each column starts: one column per segment, and a wider gap where the tier changes. */
export function columnLefts(segments: readonly MapSegment[]): number[] {
  let x = 0;
  return segments.map((s, i) => {
    if (i > 0 && segments[i - 1]?.tier !== s.tier) x += GEOMETRY.tierGap;
    const left = x;
    x += GEOMETRY.column;
    return left;
  });
}

/** A segment's last row: "n more" while firms are hidden, "show fewer" once expanded. */
const hasMoreRow = (s: MapSegment) => s.hidden > 0 || !!s.expanded;

const boxHeight = (s: MapSegment) =>
  GEOMETRY.header + Math.ceil(s.firms.length / 2) * GEOMETRY.cellHeight + (hasMoreRow(s) ? GEOMETRY.more : 0) + 12;

/** Every element of the map, positioned. `candidates` are drawn under the box of `gapId`. */
export function chainMapElements(
  segments: readonly MapSegment[],
  labels: MapLabels,
  options: {
    systemColor: (rootId: string) => string | undefined;
    gapId?: string;
    candidates?: readonly MapCandidate[];
  },
): ElementDefinition[] {
  const lefts = columnLefts(segments);
  const out: ElementDefinition[] = [];
  const firmNodes = new Map<string, string>(); // enterprise id → first node drawing it
  const bottoms = new Map<string, number>();
  segments.forEach((s, i) => {
    const left = lefts[i] ?? 0;
    const height = boxHeight(s);
    bottoms.set(s.id, height);
    out.push({
      group: 'nodes',
      data: {
        id: segmentNodeId(s.id),
        kind: 'segment',
        segmentId: s.id,
        label: `${s.name}\n${labels.counts(s)}`,
        need: s.need,
        width: GEOMETRY.boxWidth,
        height,
      },
      position: { x: left + GEOMETRY.boxWidth / 2, y: height / 2 },
      classes: `segment need-${s.need}${s.covered ? '' : ' uncovered'}`,
      selectable: false,
    });
    out.push({
      group: 'nodes',
      data: { id: `port|${s.id}`, kind: 'port' },
      position: { x: left + GEOMETRY.boxWidth / 2, y: -18 },
      classes: 'port',
      selectable: false,
    });
    s.firms.forEach((f, k) => {
      const id = firmNodeId(s.id, f.id);
      if (!firmNodes.has(f.id)) firmNodes.set(f.id, id);
      const system = f.system?.root.id;
      out.push({
        group: 'nodes',
        data: {
          id,
          kind: 'firm',
          firmId: f.id,
          segmentId: s.id,
          label: f.shortName,
          role: f.role,
          local: f.local,
          anchor: f.anchorOf.length > 0,
          systemColor: (system && options.systemColor(system)) ?? '',
        },
        position: {
          x: left + GEOMETRY.boxWidth / 2 + ((k % 2) - 0.5) * GEOMETRY.cellWidth,
          y: GEOMETRY.header + Math.floor(k / 2) * GEOMETRY.cellHeight + 18,
        },
        classes: [
          'firm',
          f.local ? 'local' : 'outside',
          f.anchorOf.length > 0 ? 'anchor' : '',
          system ? 'in-system' : '',
        ]
          .join(' ')
          .trim(),
      });
    });
    if (hasMoreRow(s)) {
      out.push({
        group: 'nodes',
        data: {
          id: moreNodeId(s.id),
          kind: 'more',
          segmentId: s.id,
          label: s.hidden > 0 ? labels.more(s.hidden) : labels.collapse(),
        },
        position: { x: left + GEOMETRY.boxWidth / 2, y: height - GEOMETRY.more / 2 - 6 },
        classes: 'more',
        selectable: false,
      });
    }
  });
  // the template: what feeds what, between ports above the boxes
  for (const s of segments) {
    for (const to of s.feedsInto) {
      out.push({
        group: 'edges',
        data: { id: `feeds|${s.id}|${to}`, source: `port|${s.id}`, target: `port|${to}` },
        classes: 'feeds',
        selectable: false,
      });
    }
  }
  // a tier's band behind its columns, with its name
  for (const tier of ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const) {
    const cols = segments.map((s, i) => ({ s, left: lefts[i] ?? 0 })).filter((c) => c.s.tier === tier);
    if (cols.length === 0) continue;
    const x1 = (cols[0]?.left ?? 0) - 14;
    const x2 = (cols.at(-1)?.left ?? 0) + GEOMETRY.boxWidth + 14;
    const bottom = Math.max(...cols.map((c) => bottoms.get(c.s.id) ?? 0)) + 20;
    out.push({
      group: 'nodes',
      data: { id: `tier|${tier}`, kind: 'tier', label: labels.tier(tier), width: x2 - x1, height: bottom + 74 },
      position: { x: (x1 + x2) / 2, y: (bottom - 74) / 2 },
      classes: `tier tier-${tier}`,
      selectable: false,
    });
  }
  const gap = segments.findIndex((s) => s.id === options.gapId);
  if (gap >= 0 && options.candidates) {
    const centre = (lefts[gap] ?? 0) + GEOMETRY.boxWidth / 2;
    const top = (bottoms.get(options.gapId as string) ?? 0) + 56;
    options.candidates.forEach((c, k) => {
      const id = candidateNodeId(c.enterprise.id);
      out.push({
        group: 'nodes',
        data: {
          id,
          kind: 'candidate',
          firmId: c.enterprise.id,
          label: `${c.enterprise.shortName}\n${c.score.toFixed(1)}`,
          role: c.enterprise.role,
          local: c.enterprise.local,
        },
        position: {
          x: centre + ((k % 2) - 0.5) * GEOMETRY.cellWidth,
          y: top + Math.floor(k / 2) * (GEOMETRY.cellHeight + 8),
        },
        classes: 'candidate',
      });
      for (const to of c.supplies) {
        const target = firmNodes.get(to);
        if (target)
          out.push({
            group: 'edges',
            data: { id: `evidence|${c.enterprise.id}|${to}`, source: id, target },
            classes: 'evidence',
            selectable: false,
          });
      }
    });
  }
  return out;
}
