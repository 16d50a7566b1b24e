import { type ChainChanges, chainChanges } from '../analysis/changes';
import { DEFAULT_GAP_PARAMS, type GapReport, gapReport } from '../analysis/gap-report';
import { chainSnapshot } from '../analysis/snapshot';
import type { ChainSubgraph } from '../domain/records';
import type { ChainSnapshot, SnapshotCause } from '../domain/snapshot';
import type { ApplyCounts, GraphStore } from '../store/port';

/**
 * The chronicle of the chains (链况): a snapshot of every chain at every import and on request,
 * and what changed in a chain since a moment (the last monthly meeting). The snapshots are the
 * store's (store/snapshots.ts); the figures are the default gap report's, as the chain cards show.
 */

/** Takes and keeps a snapshot of the chains `chainIds` (every chain without), all at one moment. */
export async function takeSnapshots(
  store: GraphStore,
  taken: { cause: SnapshotCause; note: string; at?: Date },
  chainIds?: readonly string[],
): Promise<ChainSnapshot[]> {
  const at = (taken.at ?? new Date()).toISOString();
  const ids = chainIds ?? (await store.chains()).map((c) => c.id);
  const snapshots: ChainSnapshot[] = [];
  for (const id of ids) {
    const graph = await store.chainSubgraph(id);
    if (!graph) continue;
    snapshots.push(chainSnapshot(graph, figuresReport(graph), { at, cause: taken.cause, note: taken.note }));
  }
  await store.snapshots.add(snapshots);
  return snapshots;
}

/** The report a snapshot reads: the default parameters, without candidates. */
export const figuresReport = (graph: ChainSubgraph): GapReport =>
  gapReport(graph, DEFAULT_GAP_PARAMS, { candidates: false });

/**
 * What changed in a chain from its snapshot at `since` (the latest taken at or before it; the
 * first taken after it when none is that old) to `now`. undefined when the chain has no snapshot
 * at all.
 */
export async function changesSince(
  store: GraphStore,
  now: ChainSnapshot,
  since: string,
): Promise<ChainChanges | undefined> {
  let before = await store.snapshots.at(now.chainId, since);
  if (!before) {
    const first = (await store.snapshots.figures([now.chainId], since))[0]?.[0];
    if (first) before = await store.snapshots.at(now.chainId, first.takenAt);
  }
  return before && chainChanges(before, now);
}

/** Whether an import added or changed any row (one that changed nothing needs no snapshot). */
export const changedAnything = (counts: ApplyCounts): boolean =>
  Object.values(counts).some((c) => c.added > 0 || c.updated > 0);
