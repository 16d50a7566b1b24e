import { log } from '../platform/log';
import type { Context } from './context';
import { codedError } from './errors';

/**
 * Records that the caller read a page of a chain's candidates (招商线索) through the API, before
 * it is served: the first of a caller's reads of a chain in a minute is written at once; the
 * minute's others are counted and summed up in one line (AuditLog.candidatesRead). An empty page
 * shows no candidate and is not recorded. When the log cannot be written, the candidates are not
 * served (UNAVAILABLE), as a mutation is not done.
 */
export function recordCandidatesRead(context: Context, chain: string, rows: number): void {
  if (rows === 0) return;
  try {
    context.audit.candidatesRead(
      {
        who: context.caller.name,
        role: context.caller.role,
        from: context.from,
        ...(context.requestId ? { requestId: context.requestId } : {}),
      },
      chain,
      rows,
    );
  } catch (e) {
    log().error({ err: e }, 'the audit log cannot be written');
    throw codedError('UNAVAILABLE', 'The candidates were not served: the audit log cannot be written.');
  }
}
