import type { LeadEvent, LeadStage } from './investment-lead';

/**
 * What the leads of a chain did since a moment, as a meeting hears it: for each lead made or moved
 * since, the stage it was at then (none when made since) and the stage it is at now, and how many
 * moves that took. Edits that moved nothing are left out.
 */
export interface LeadMove {
  leadId: string;
  /** null: the lead was made since. */
  from: LeadStage | null;
  to: LeadStage;
  moves: number;
  /** When it last moved, an ISO time. */
  at: string;
}

/** The moves in `events` (a chain's, oldest first), one per lead, the furthest along first. */
export function leadMoves(events: readonly LeadEvent[]): LeadMove[] {
  const byLead = new Map<string, LeadMove>();
  for (const e of events) {
    if (e.kind === 'EDITED' || e.to === undefined) continue;
    const seen = byLead.get(e.leadId);
    if (seen) {
      seen.to = e.to;
      seen.moves += 1;
      seen.at = e.at;
    } else
      byLead.set(e.leadId, {
        leadId: e.leadId,
        from: e.kind === 'CREATED' ? null : (e.from ?? null),
        to: e.to,
        moves: 1,
        at: e.at,
      });
  }
  return [...byLead.values()].sort(
    (a, b) =>
      FURTHEST_FIRST.indexOf(a.to) - FURTHEST_FIRST.indexOf(b.to) ||
      (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) ||
      (a.leadId < b.leadId ? -1 : 1),
  );
}

/** Landed first, then by how far along; paused and lost last. */
const FURTHEST_FIRST: readonly LeadStage[] = [
  'LANDED',
  'SIGNED',
  'NEGOTIATING',
  'VISITED',
  'CONTACTED',
  'LEAD',
  'ON_HOLD',
  'LOST',
];
