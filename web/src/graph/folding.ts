/**
 * Folding an enterprise system (系) into its root: the members drawn are hidden, and the links
 * between the system and each enterprise outside it are drawn as one link between the root and
 * that enterprise (a "meta" edge), with how many links it stands for. Pure: the view applies what
 * it returns.
 */
export interface MetaLink {
  id: string;
  /** In the direction of the first link it stands for. */
  source: string;
  target: string;
  /** How many links it stands for. */
  count: number;
  /** Whether those links run both ways (the system to the enterprise and back). */
  both: boolean;
  /** What it shows: the count, from two links on. */
  label: string;
}

export interface FoldResult {
  /** Member nodes to hide (the root stays). */
  hidden: string[];
  /**
   * The root's own links to enterprises it now has a meta link with: hidden too, the meta link
   * counts them. A root's one link to an enterprise no member touches stays as it is.
   */
  hiddenEdges: string[];
  /** One link root ↔ outside enterprise for all the system's links to it. */
  meta: MetaLink[];
}

export function foldSystem(
  rootId: string,
  memberIds: ReadonlySet<string>,
  drawn: { nodes: readonly string[]; edges: readonly { id?: string; source: string; target: string }[] },
): FoldResult {
  const present = new Set(drawn.nodes);
  const hidden = [...memberIds].filter((id) => id !== rootId && present.has(id));
  const hiddenSet = new Set(hidden);
  const inSystem = (id: string) => id === rootId || hiddenSet.has(id);
  /** The system's links to each outside enterprise, in the order drawn. */
  const byOther = new Map<string, { id?: string; source: string; target: string }[]>();
  for (const e of drawn.edges) {
    const fromSystem = inSystem(e.source);
    if (fromSystem === inSystem(e.target)) continue;
    const other = fromSystem ? e.target : e.source;
    if (memberIds.has(other)) continue;
    byOther.set(other, [...(byOther.get(other) ?? []), e]);
  }
  const hiddenEdges: string[] = [];
  const meta: MetaLink[] = [];
  for (const [other, links] of byOther) {
    const [first] = links;
    if (!first) continue;
    // one link of the root's own: nothing to fold
    if (links.length === 1 && !hiddenSet.has(first.source) && !hiddenSet.has(first.target)) continue;
    for (const e of links) if (e.id && !hiddenSet.has(e.source) && !hiddenSet.has(e.target)) hiddenEdges.push(e.id);
    const outward = inSystem(first.source);
    const both = links.some((e) => inSystem(e.source) !== outward);
    meta.push({
      id: `meta|${rootId}|${other}`,
      source: outward ? rootId : other,
      target: outward ? other : rootId,
      count: links.length,
      both,
      label: links.length > 1 ? `×${links.length}` : '',
    });
  }
  return { hidden, hiddenEdges, meta };
}
