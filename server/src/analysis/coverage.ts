import type { Feeds } from '../domain/model';

/**
 * Where the uncovered segments of a chain's template lie. A segment is covered when enough
 * local enterprises work in it. An uncovered segment with a covered segment upstream of it and
 * another downstream (along FEEDS paths) is a hole inside the chain: FILL (补链). Any other
 * uncovered segment is beyond the covered frontier: EXTEND (延链), upstream or downstream.
 * Templates with cycles are fine: reachability is a plain graph search.
 */
export type GapKind = 'FILL' | 'EXTEND';
export type ExtendDirection = 'UPSTREAM' | 'DOWNSTREAM' | 'DETACHED';

export interface UncoveredSegment {
  segmentId: string;
  kind: GapKind;
  /** For EXTEND: which way the chain would grow (DETACHED: no covered segment on either side). */
  direction?: ExtendDirection;
  /** Covered segments upstream and downstream of it along the template. */
  coveredUpstream: string[];
  coveredDownstream: string[];
}

export function classifyUncovered(
  segmentIds: readonly string[],
  feeds: readonly Feeds[],
  covered: ReadonlySet<string>,
): UncoveredSegment[] {
  const down = adjacency(feeds, 'from', 'to');
  const up = adjacency(feeds, 'to', 'from');
  return segmentIds
    .filter((id) => !covered.has(id))
    .map((id) => {
      const coveredUpstream = [...reachable(id, up)].filter((s) => covered.has(s)).sort();
      const coveredDownstream = [...reachable(id, down)].filter((s) => covered.has(s)).sort();
      if (coveredUpstream.length > 0 && coveredDownstream.length > 0) {
        return { segmentId: id, kind: 'FILL' as const, coveredUpstream, coveredDownstream };
      }
      const direction: ExtendDirection =
        coveredUpstream.length > 0 ? 'DOWNSTREAM' : coveredDownstream.length > 0 ? 'UPSTREAM' : 'DETACHED';
      return { segmentId: id, kind: 'EXTEND' as const, direction, coveredUpstream, coveredDownstream };
    });
}

function adjacency(feeds: readonly Feeds[], from: 'from' | 'to', to: 'from' | 'to'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of feeds) out.set(f[from], [...(out.get(f[from]) ?? []), f[to]]);
  return out;
}

/** Every segment reachable from `start` (not counting itself unless on a cycle back to it). */
function reachable(start: string, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(next.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  seen.delete(start);
  return seen;
}
