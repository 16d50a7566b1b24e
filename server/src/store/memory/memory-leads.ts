import type { LeadEvent, LeadFilter, LeadRecord } from '../../domain/investment-lead';
import { LeadList } from '../lead-list';
import type { LeadStore } from '../leads-port';

/** The memory store's investment leads: a LeadList, for as long as the process runs. */
export class MemoryLeads implements LeadStore {
  private readonly kept = new LeadList();

  async save(lead: LeadRecord, event: LeadEvent): Promise<void> {
    this.kept.check(event);
    this.kept.apply(lead, event);
  }

  async get(ids: readonly string[]): Promise<(LeadRecord | undefined)[]> {
    return this.kept.get(ids);
  }

  async list(filter: LeadFilter): Promise<LeadRecord[]> {
    return this.kept.list(filter);
  }

  async history(ids: readonly string[]): Promise<LeadEvent[][]> {
    return this.kept.history(ids);
  }

  async eventsSince(since: string, chainId?: string): Promise<LeadEvent[]> {
    return this.kept.eventsSince(since, chainId);
  }
}
