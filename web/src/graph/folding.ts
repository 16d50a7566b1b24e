/**
 * Folding an enterprise system (系) into its root: the members drawn are hidden, and every
 * enterprise outside the system that was linked to a hidden member gets one link to the root
 * instead (a "meta" edge). Pure: the view applies what it returns.
 */
export interface FoldResult {
  /** Member nodes to hide (the root stays). */
  hidden: string[];
  /** Links root ↔ outside enterprise, in the direction of the first link they stand for. */
  meta: { id: string; source: string; target: string }[];
}

export function foldSystem(
  rootId: string,
  memberIds: ReadonlySet<string>,
  drawn: { nodes: readonly string[]; edges: readonly { source: string; target: string }[] },
): FoldResult {
  const present = new Set(drawn.nodes);
  const hidden = [...memberIds].filter((id) => id !== rootId && present.has(id));
  const hiddenSet = new Set(hidden);
  const meta = new Map<string, { id: string; source: string; target: string }>();
  for (const e of drawn.edges) {
    const fromHidden = hiddenSet.has(e.source);
    const toHidden = hiddenSet.has(e.target);
    if (fromHidden === toHidden) continue;
    const other = fromHidden ? e.target : e.source;
    if (other === rootId || memberIds.has(other)) continue;
    const key = `meta|${rootId}|${other}`;
    if (!meta.has(key))
      meta.set(
        key,
        fromHidden ? { id: key, source: rootId, target: other } : { id: key, source: other, target: rootId },
      );
  }
  return { hidden, meta: [...meta.values()] };
}
