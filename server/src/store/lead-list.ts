import { byBoardOrder, type LeadEvent, type LeadFilter, type LeadRecord, matchesLead } from '../domain/investment-lead';
import { checkVersion } from './leads-port';

/**
 * The investment leads in memory: the latest state of each lead, and every event. The memory
 * store's leads are one; the embedded store's hold one and keep it in a file (embedded/lead-file.ts).
 */
export class LeadList {
  private readonly leads = new Map<string, LeadRecord>();
  private readonly events = new Map<string, LeadEvent[]>();
  /** Every event, in the order written. */
  private readonly log: LeadEvent[] = [];

  /** Refuses a save whose version is not the next of the lead's (leads-port.ts checkVersion). */
  check(event: LeadEvent): void {
    checkVersion(event, this.leads.get(event.leadId)?.version ?? 0);
  }

  /** Takes a lead and its event in, unchecked (a store replaying what it wrote). */
  apply(lead: LeadRecord, event: LeadEvent): void {
    this.leads.set(lead.id, structuredClone(lead));
    const history = this.events.get(lead.id) ?? [];
    history.push(structuredClone(event));
    this.events.set(lead.id, history);
    this.log.push(event);
  }

  get(ids: readonly string[]): (LeadRecord | undefined)[] {
    return ids.map((id) => {
      const lead = this.leads.get(id);
      return lead && structuredClone(lead);
    });
  }

  list(filter: LeadFilter): LeadRecord[] {
    return [...this.leads.values()]
      .filter((l) => matchesLead(l, filter))
      .sort(byBoardOrder)
      .map((l) => structuredClone(l));
  }

  history(ids: readonly string[]): LeadEvent[][] {
    return ids.map((id) => structuredClone(this.events.get(id) ?? []));
  }

  eventsSince(since: string, chainId?: string): LeadEvent[] {
    return this.log
      .filter((e) => e.at >= since && (chainId === undefined || e.chainId === chainId))
      .map((e) => structuredClone(e));
  }
}
