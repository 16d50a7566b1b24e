import {
  byBoardOrder,
  type LeadEvent,
  type LeadFilter,
  type LeadRecord,
  matchesLead,
} from '../../domain/investment-lead';
import { checkVersion, type LeadStore } from '../leads-port';

/** The investment leads in memory: the latest state of each lead, and every event. */
export class MemoryLeads implements LeadStore {
  protected readonly leads = new Map<string, LeadRecord>();
  protected readonly events = new Map<string, LeadEvent[]>();
  /** Every event, in the order written. */
  protected readonly log: LeadEvent[] = [];

  async save(lead: LeadRecord, event: LeadEvent): Promise<void> {
    this.check(event);
    this.apply(lead, event);
  }

  protected check(event: LeadEvent): void {
    checkVersion(event, this.leads.get(event.leadId)?.version ?? 0);
  }

  /** Takes a lead and its event in, unchecked (a store replaying what it wrote). */
  protected apply(lead: LeadRecord, event: LeadEvent): void {
    this.leads.set(lead.id, structuredClone(lead));
    const history = this.events.get(lead.id) ?? [];
    history.push(structuredClone(event));
    this.events.set(lead.id, history);
    this.log.push(event);
  }

  async get(ids: readonly string[]): Promise<(LeadRecord | undefined)[]> {
    return ids.map((id) => {
      const lead = this.leads.get(id);
      return lead && structuredClone(lead);
    });
  }

  async list(filter: LeadFilter): Promise<LeadRecord[]> {
    return [...this.leads.values()]
      .filter((l) => matchesLead(l, filter))
      .sort(byBoardOrder)
      .map((l) => structuredClone(l));
  }

  async history(ids: readonly string[]): Promise<LeadEvent[][]> {
    return ids.map((id) => structuredClone(this.events.get(id) ?? []));
  }

  async eventsSince(since: string, chainId?: string): Promise<LeadEvent[]> {
    return this.log
      .filter((e) => e.at >= since && (chainId === undefined || e.chainId === chainId))
      .map((e) => structuredClone(e));
  }
}
