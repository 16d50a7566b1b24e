import { DEFAULT_GAP_PARAMS } from '../../analysis/gap-report';
import { atLeast } from '../../auth/roles';
import { type Context, gapReportKey } from '../context';

/**
 * What a viewer is not shown: which outside firms work in a segment that needs something (fill,
 * extend or strengthen, by the default gap report). Those firms are where candidates come from,
 * and candidates are an analyst's: without this rule a viewer could rebuild them from the
 * segment's firm list. A viewer sees every local firm, the outside firms of segments that need
 * nothing, every link of the explorer, and the counts (`outsideCount`) of what is withheld.
 */
export interface Withheld {
  /** True when the outside firm `enterpriseId`'s membership in `segmentId` is withheld. */
  hides(membership: { segmentId: string; local: boolean }): boolean;
}

const NOTHING: Withheld = { hides: () => false };

/** What the caller of `context` is not shown in the chains `chainIds`. */
export async function withheldFrom(context: Context, chainIds: Iterable<string>): Promise<Withheld> {
  if (atLeast(context.caller.role, 'analyst')) return NOTHING;
  const reports = await context.loaders.gapReport.loadMany(
    [...new Set(chainIds)].map((id) => gapReportKey(id, DEFAULT_GAP_PARAMS)),
  );
  const needy = new Set<string>();
  for (const report of reports) {
    if (!report || report instanceof Error) continue;
    for (const s of report.segments) if (s.need !== 'OK') needy.add(s.segmentId);
  }
  return { hides: (m) => !m.local && needy.has(m.segmentId) };
}
