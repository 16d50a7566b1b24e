/**
 * Labels that would be drawn over one another: which to hide so that none overlaps another. Pure
 * (boxes in, ids out) so it can be tested without a browser; Canvas measures the boxes.
 */
export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher keeps its label over lower; equal ones by id. */
  priority: number;
}

/**
 * The ids of the labels to hide: greedily, the highest priority first, a label is kept unless it
 * overlaps one kept before it (by more than `slack` on both axes). Boxes are looked up in a grid
 * of `cell`-sized squares, so a graph of thousands of labels is one pass.
 */
export function hiddenLabels(boxes: readonly LabelBox[], { cell = 80, slack = 1 } = {}): Set<string> {
  const order = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grid = new Map<string, LabelBox[]>();
  const hidden = new Set<string>();
  const cellsOf = (b: LabelBox) => {
    const keys: string[] = [];
    for (let x = Math.floor(b.x1 / cell); x <= Math.floor(b.x2 / cell); x++)
      for (let y = Math.floor(b.y1 / cell); y <= Math.floor(b.y2 / cell); y++) keys.push(`${x},${y}`);
    return keys;
  };
  for (const box of order) {
    const keys = cellsOf(box);
    if (keys.some((k) => grid.get(k)?.some((kept) => overlaps(box, kept, slack)))) {
      hidden.add(box.id);
      continue;
    }
    for (const k of keys) {
      const list = grid.get(k);
      if (list) list.push(box);
      else grid.set(k, [box]);
    }
  }
  return hidden;
}

/** Whether two boxes overlap by more than `slack` on both axes (touching is not overlapping). */
export function overlaps(
  a: Omit<LabelBox, 'id' | 'priority'>,
  b: Omit<LabelBox, 'id' | 'priority'>,
  slack = 1,
): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > slack && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > slack;
}
