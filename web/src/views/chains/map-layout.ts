import type { ElementDefinition } from '../../graph/elements';
import { type CardFace, chipsPerRow, faceOf, tagWidth } from './map-cards';
import {
  candidateNodeId,
  cut,
  firmNodeId,
  firstShown,
  GEOMETRY,
  MAP_FONT,
  type MapCandidate,
  type MapLabels,
  type MapSegment,
  moreNodeId,
  segmentNodeId,
  TARGET_VIEW,
  TIERS,
  type Tier,
  textEm,
} from './map-geometry';

/**
 * The chain map's layout (产业链全景图), computed, not simulated: the tiers are columns from
 * upstream to downstream; inside its tier, each segment is a card stacked under the one before,
 * wrapping into a further column of the tier when the column is full; a segment's sub-segments are
 * cards nested in its own. A card names the segment, its need, its local and outside counts, and
 * its first firms (anchors first) — as chips that name them when the view is near, and as one line
 * of text with the rest as "+N" when it is far. How the cards wrap is chosen for the whole chain to
 * be as large as it can in a laptop's view; it depends only on the chain (and which firms are shown),
 * so the same chain always looks the same. Expanding a segment grows its card downward and moves
 * down only the cards under it in the same column.
 */
/** The segments as a tree: each one's sub-segments, in the chain's order. */
function childrenOf(segments: readonly MapSegment[]): Map<string | undefined, MapSegment[]> {
  const ids = new Set(segments.map((s) => s.id));
  const out = new Map<string | undefined, MapSegment[]>();
  for (const s of segments) {
    const parent = s.parentId && ids.has(s.parentId) && s.parentId !== s.id ? s.parentId : undefined;
    out.set(parent, [...(out.get(parent) ?? []), s]);
  }
  return out;
}

/** A segment's card with its sub-segments' cards nested in it: its height, and theirs. */
interface Block {
  segment: MapSegment;
  width: number;
  face: CardFace;
  children: Block[];
  height: number;
}

function blockOf(
  s: MapSegment,
  width: number,
  tree: Map<string | undefined, MapSegment[]>,
  labels: MapLabels,
  seen: Set<string>,
): Block {
  seen.add(s.id);
  const face = faceOf(s, width, labels);
  const kids = (tree.get(s.id) ?? [])
    .filter((c) => !seen.has(c.id))
    .map((c) => blockOf(c, width - 2 * GEOMETRY.pad, tree, labels, seen));
  const height =
    face.height + (kids.length > 0 ? kids.reduce((sum, k) => sum + k.height + GEOMETRY.pad, 0) + GEOMETRY.pad : 0);
  return { segment: s, width, face, children: kids, height };
}

/** Splits a tier's blocks, in order, into columns of at most `limit` high (a taller block alone). */
function pack(heights: readonly number[], limit: number): number[][] {
  const columns: number[][] = [];
  let used = Number.POSITIVE_INFINITY;
  heights.forEach((h, i) => {
    if (used + GEOMETRY.gutterY + h > limit || columns.length === 0) {
      columns.push([i]);
      used = h;
    } else {
      columns.at(-1)?.push(i);
      used += GEOMETRY.gutterY + h;
    }
  });
  return columns;
}

/**
 * The columns of every tier that make the chain largest in TARGET_VIEW: every column height that
 * a run of blocks makes is tried, and the best kept (on a tie, the lower one).
 */
export function wrapTiers(
  tiers: readonly (readonly number[])[],
  view: { width: number; height: number } = TARGET_VIEW,
): number[][][] {
  const limits = new Set<number>();
  for (const heights of tiers)
    for (let i = 0; i < heights.length; i++) {
      let sum = -GEOMETRY.gutterY;
      for (let j = i; j < heights.length; j++) {
        sum += GEOMETRY.gutterY + (heights[j] ?? 0);
        limits.add(sum);
      }
    }
  let best: { zoom: number; columns: number[][][] } | null = null;
  for (const limit of [...limits].sort((a, b) => a - b)) {
    const columns = tiers.map((heights) => pack(heights, limit));
    const count = columns.reduce((n, c) => n + c.length, 0);
    const used = tiers.filter((h) => h.length > 0).length;
    const width = count * GEOMETRY.card + (count - used) * GEOMETRY.gutterX + Math.max(0, used - 1) * GEOMETRY.tierGap;
    const tall = Math.max(
      ...columns.flatMap((tier, t) =>
        tier.map((col) => col.reduce((sum, i) => sum + (tiers[t]?.[i] ?? 0), 0) + (col.length - 1) * GEOMETRY.gutterY),
      ),
    );
    const zoom = Math.min(view.width / (width + 24), view.height / (tall + GEOMETRY.tierHeader + 18));
    if (!best || zoom > best.zoom + 1e-9) best = { zoom, columns };
  }
  return best?.columns ?? tiers.map(() => []);
}

/** Every element of the map, positioned. `candidates` are drawn under the column of `gapId`. */
export function chainMapElements(
  segments: readonly MapSegment[],
  labels: MapLabels,
  options: {
    systemColor: (rootId: string) => string | undefined;
    gapId?: string;
    candidates?: readonly MapCandidate[];
    /** The view to fill (TARGET_VIEW unless said: a printed sheet is wider). */
    view?: { width: number; height: number };
  },
): ElementDefinition[] {
  const tree = childrenOf(segments);
  const seen = new Set<string>();
  const roots = tree.get(undefined) ?? [];
  const blocks = TIERS.map((tier) =>
    roots.filter((s) => s.tier === tier).map((s) => blockOf(s, GEOMETRY.card, tree, labels, seen)),
  );
  // the wrapping is chosen as if no card were expanded: expanding one moves only what is under it
  const treeCollapsed = childrenOfCollapsed(tree);
  const seenCollapsed = new Set<string>();
  const base = TIERS.map((tier) =>
    roots
      .filter((s) => s.tier === tier)
      .map((s) => blockOf(collapsed(s), GEOMETRY.card, treeCollapsed, labels, seenCollapsed)),
  );
  const columns = wrapTiers(
    base.map((tier) => tier.map((b) => b.height)),
    options.view,
  );

  const out: ElementDefinition[] = [];
  const firmNodes = new Map<string, string>(); // enterprise id → first node drawing it
  const columnOf = new Map<string, { x: number; bottom: number }>(); // segment id → its column
  const cards = new Map<string, { x: number; y: number; width: number; height: number }>();
  const bands: { tier: Tier; x1: number; x2: number; bottom: number }[] = [];
  let x = 0;
  TIERS.forEach((tier, t) => {
    const tierColumns = columns[t] ?? [];
    if (tierColumns.length === 0) return;
    const x1 = x;
    let bottom = 0;
    for (const col of tierColumns) {
      let y = GEOMETRY.tierHeader;
      const inColumn: string[] = [];
      for (const i of col) {
        const block = blocks[t]?.[i];
        if (!block) continue;
        drawBlock(block, x, y, 0);
        y += block.height + GEOMETRY.gutterY;
        collect(block, inColumn);
      }
      const colBottom = y - GEOMETRY.gutterY;
      for (const id of inColumn) columnOf.set(id, { x: x + GEOMETRY.card / 2, bottom: colBottom });
      bottom = Math.max(bottom, colBottom);
      x += GEOMETRY.card + GEOMETRY.gutterX;
    }
    bands.push({ tier, x1, x2: x - GEOMETRY.gutterX, bottom });
    x += GEOMETRY.tierGap - GEOMETRY.gutterX;
  });

  function collect(block: Block, into: string[]) {
    into.push(block.segment.id);
    for (const k of block.children) collect(k, into);
  }

  function drawBlock(block: Block, left: number, top: number, depth: number) {
    const s = block.segment;
    const { width, face } = block;
    const inner = width - 2 * GEOMETRY.pad;
    cards.set(s.id, { x: left + width / 2, y: top + block.height / 2, width, height: block.height });
    out.push({
      group: 'nodes',
      data: {
        id: segmentNodeId(s.id),
        kind: 'segment',
        segmentId: s.id,
        label: face.title.join('\n'),
        need: s.need,
        width,
        height: block.height,
        /** The title's place: below the card's top edge (a label at the top sits above it). */
        titleY: face.title.length * GEOMETRY.titleLine + GEOMETRY.pad,
        depth,
      },
      position: { x: left + width / 2, y: top + block.height / 2 },
      classes: `segment need-${s.need}${s.covered ? '' : ' uncovered'}${block.children.length > 0 ? ' group' : ''}`,
      selectable: false,
    });
    let y = top + GEOMETRY.pad + face.title.length * GEOMETRY.titleLine;
    // the need's tag and the counts, on one line
    let metaLeft = left + GEOMETRY.pad;
    if (s.need !== 'OK') {
      const text = labels.need(s.need);
      const w = tagWidth(text);
      out.push({
        group: 'nodes',
        data: { id: `tag|${s.id}`, kind: 'tag', segmentId: s.id, label: text, width: w, need: s.need },
        position: { x: metaLeft + w / 2, y: y + GEOMETRY.meta / 2 - 1 },
        classes: `tag need-${s.need}`,
        selectable: false,
      });
      if (face.metaRows === 1) metaLeft += w + 6;
      else y += GEOMETRY.meta;
    }
    const counts = labels.counts(s);
    out.push({
      group: 'nodes',
      data: { id: `meta|${s.id}`, kind: 'meta', segmentId: s.id, label: counts, width: textEm(counts) * MAP_FONT.body },
      position: { x: metaLeft + (textEm(counts) * MAP_FONT.body) / 2, y: y + GEOMETRY.meta / 2 - 1 },
      classes: 'meta',
      selectable: false,
    });
    y += GEOMETRY.meta;
    const bodyTop = y;
    // far: one text for the firms; near: a chip for each
    out.push({
      group: 'nodes',
      data: {
        id: `summary|${s.id}`,
        kind: 'summary',
        segmentId: s.id,
        label: face.summary.join('\n'),
        width: inner,
        height: face.summary.length * GEOMETRY.bodyLine,
      },
      position: { x: left + width / 2, y: bodyTop + (face.summary.length * GEOMETRY.bodyLine) / 2 },
      classes: s.firms.length + s.hidden === 0 ? 'summary empty' : 'summary',
      selectable: false,
    });
    const perRow = chipsPerRow(inner);
    const chipWidth = (inner - (perRow - 1) * 4) / perRow;
    const chipAt = (k: number) => ({
      x: left + GEOMETRY.pad + (k % perRow) * (chipWidth + 4) + chipWidth / 2,
      y: bodyTop + Math.floor(k / perRow) * GEOMETRY.chipRow + GEOMETRY.chip / 2 + 1,
    });
    s.firms.forEach((f, k) => {
      const id = firmNodeId(s.id, f.id);
      if (!firmNodes.has(f.id)) firmNodes.set(f.id, id);
      const system = f.system?.root.id;
      const anchor = f.anchorOf.length > 0;
      out.push({
        group: 'nodes',
        data: {
          id,
          kind: 'firm',
          firmId: f.id,
          segmentId: s.id,
          label: cut(anchor ? `★${f.shortName}` : f.shortName, (chipWidth - 6) / MAP_FONT.chip),
          name: f.shortName,
          role: f.role,
          local: f.local,
          anchor,
          width: chipWidth,
          systemColor: (system && options.systemColor(system)) ?? '',
        },
        position: chipAt(k),
        classes: ['firm', f.local ? 'local' : 'outside', anchor ? 'anchor' : '', system ? 'in-system' : '']
          .join(' ')
          .trim(),
      });
    });
    if (s.hidden > 0 || s.expanded) {
      out.push({
        group: 'nodes',
        data: {
          id: moreNodeId(s.id),
          kind: 'more',
          segmentId: s.id,
          label: s.hidden > 0 ? labels.more(s.hidden) : labels.collapse(),
          width: chipWidth,
        },
        position: chipAt(s.firms.length),
        classes: 'more',
        selectable: false,
      });
    }
    let childTop = top + face.height;
    for (const k of block.children) {
      drawBlock(k, left + GEOMETRY.pad, childTop, depth + 1);
      childTop += k.height + GEOMETRY.pad;
    }
  }

  // a tier's band behind its columns, with its name
  for (const band of bands) {
    const x1 = band.x1 - 12;
    const x2 = band.x2 + 12;
    const y1 = -6;
    const y2 = band.bottom + 12;
    out.push({
      group: 'nodes',
      data: { id: `tier|${band.tier}`, kind: 'tier', label: labels.tier(band.tier), width: x2 - x1, height: y2 - y1 },
      position: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 },
      classes: `tier tier-${band.tier}`,
      selectable: false,
    });
  }

  // the template: what feeds what, from a card's right side into the next card's left side
  for (const s of segments) {
    const from = cards.get(s.id);
    for (const to of s.feedsInto) {
      const into = cards.get(to);
      if (!from || !into || to === s.id) continue;
      const forward = into.x > from.x + 1;
      out.push({
        group: 'edges',
        data: { id: `feeds|${s.id}|${to}`, source: segmentNodeId(s.id), target: segmentNodeId(to) },
        classes: forward ? 'feeds' : 'feeds back',
        selectable: false,
      });
    }
  }

  const gapColumn = options.gapId ? columnOf.get(options.gapId) : undefined;
  if (gapColumn && options.candidates) {
    const top = gapColumn.bottom + 48;
    options.candidates.forEach((c, k) => {
      const id = candidateNodeId(c.enterprise.id);
      out.push({
        group: 'nodes',
        data: {
          id,
          kind: 'candidate',
          firmId: c.enterprise.id,
          label: `${c.enterprise.shortName}\n${c.score.toFixed(1)}${c.lead ? ` · ${c.lead}` : ''}`,
          role: c.enterprise.role,
          local: c.enterprise.local,
        },
        position: { x: gapColumn.x + ((k % 2) - 0.5) * (GEOMETRY.card / 2 + 8), y: top + Math.floor(k / 2) * 76 },
        classes: c.lead ? 'candidate lead' : 'candidate',
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

/** A segment as it is before the user expands it (the first chips, the rest as "+N"). */
function collapsed(s: MapSegment): MapSegment {
  if (!s.expanded) return s;
  const shown = firstShown(s.firms.length + s.hidden);
  return { ...s, firms: s.firms.slice(0, shown), hidden: s.firms.length + s.hidden - shown, expanded: false };
}

function childrenOfCollapsed(tree: Map<string | undefined, MapSegment[]>) {
  return new Map([...tree].map(([k, v]) => [k, v.map(collapsed)]));
}
