import type { ImportProblem } from '../interchange/problems';
import type { ImportView } from '../store/port';
import type { Batch } from './batch';

/** How deep segments may nest: 环节 → 子环节 → 子环节. */
export const MAX_SEGMENT_LEVELS = 3;

type SegmentPlace = { chainId: string; parentId?: string };

/**
 * A segment's parent must be a segment of the same chain, in the import or the store, and the
 * parents must not loop or nest deeper than MAX_SEGMENT_LEVELS.
 */
export function checkSegments(batch: Batch, view: ImportView, report: (p: ImportProblem) => void): void {
  const mine = new Map(batch.rows.segments.map((s) => [s.id, s]));
  const lookup = (id: string): SegmentPlace | undefined => mine.get(id) ?? view.segment(id);
  batch.rows.segments.forEach((s, i) => {
    const message = s.parentId === undefined ? undefined : parentProblem(s.id, s.chainId, s.parentId, lookup);
    if (message) report({ ...batch.places.segments.at(i), field: 'parentId', message });
  });
}

function parentProblem(
  id: string,
  chainId: string,
  parentId: string,
  lookup: (id: string) => SegmentPlace | undefined,
): string | undefined {
  if (parentId === id) return `a segment cannot be its own parent ('${id}')`;
  const parent = lookup(parentId);
  if (!parent) return `unknown segment '${parentId}'`;
  if (parent.chainId !== chainId)
    return `the parent '${parentId}' is in chain '${parent.chainId}', not in '${chainId}'`;
  const path = [id];
  for (let at: string | undefined = parentId; at !== undefined; at = lookup(at)?.parentId) {
    if (path.includes(at)) return `the parents loop: ${[...path, at].join(' → ')}`;
    path.push(at);
    if (path.length > MAX_SEGMENT_LEVELS)
      return `segments nest at most ${MAX_SEGMENT_LEVELS} levels deep: ${path.join(' → ')}`;
  }
  return undefined;
}
