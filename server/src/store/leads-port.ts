import { codedError } from '../domain/errors';
import type { LeadEvent, LeadFilter, LeadRecord } from '../domain/investment-lead';

export type { LeadEvent, LeadFilter, LeadRecord } from '../domain/investment-lead';

/**
 * The investment leads' port (招商项目): each GraphStore has one, as `store.leads`. A lead is
 * written whole with the event that made it (its history); the stores keep every event.
 */
export interface LeadStore {
  /**
   * Writes `lead` as it is after `event`, durably. `event.version` is the lead's new version: 1
   * creates it (refused when the id is taken), n > 1 changes version n − 1 (refused when the
   * stored one is another: someone changed it in between).
   */
  save(lead: LeadRecord, event: LeadEvent): Promise<void>;
  /** In the order of `ids`; undefined where there is none. */
  get(ids: readonly string[]): Promise<(LeadRecord | undefined)[]>;
  /** The leads that match, in board order (domain byBoardOrder). */
  list(filter: LeadFilter): Promise<LeadRecord[]>;
  /** For each lead, its events, oldest first. */
  history(ids: readonly string[]): Promise<LeadEvent[][]>;
  /** Every event at or after `since` (an ISO time), of one chain when given, oldest first. */
  eventsSince(since: string, chainId?: string): Promise<LeadEvent[]>;
}

/**
 * The check every store makes before a save: `stored` is the version there now (0: none).
 * Throws the coded error the caller sees.
 */
export function checkVersion(event: LeadEvent, stored: number): void {
  if (event.version === 1 && stored !== 0)
    throw codedError('BAD_INPUT', `A lead with id '${event.leadId}' exists.`, { id: event.leadId });
  if (event.version > 1 && stored === 0)
    throw codedError('NOT_FOUND', `No lead with id '${event.leadId}'.`, { id: event.leadId });
  if (event.version > 1 && stored !== event.version - 1)
    throw codedError(
      'BAD_INPUT',
      `Lead '${event.leadId}' was changed by someone else meanwhile (now version ${stored}); read it again and retry.`,
      { id: event.leadId, version: stored },
    );
}
