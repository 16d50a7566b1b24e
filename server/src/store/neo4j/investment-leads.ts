import { byBoardOrder, type LeadEvent, type LeadFilter, type LeadRecord } from '../../domain/investment-lead';
import { checkVersion, type LeadStore } from '../leads-port';
import type { Neo4jGateway } from './gateway';

/**
 * The investment leads in Neo4j: a node (:InvestmentLead) per lead holding the record as JSON
 * (`data`) and the fields the board filters by, and a node (:LeadEvent) per event. A save locks
 * the lead and writes only over the version it names (import/investment-lead-save.cypher), so
 * that any number of servers may write.
 */
export class Neo4jLeads implements LeadStore {
  constructor(private readonly db: Neo4jGateway) {}

  async save(lead: LeadRecord, event: LeadEvent): Promise<void> {
    const [row] = await this.db.write((tx) =>
      tx.run<{ stored: unknown }>('import/investment-lead-save', {
        lead: {
          id: lead.id,
          chainId: lead.chainId,
          enterpriseId: lead.enterpriseId,
          segmentId: lead.segmentId ?? null,
          stage: lead.stage,
          owner: lead.owner,
          version: lead.version,
          data: JSON.stringify(lead),
        },
        event: {
          leadId: event.leadId,
          version: event.version,
          at: event.at,
          chainId: event.chainId,
          data: JSON.stringify(event),
        },
      }),
    );
    checkVersion(event, Number(row?.stored ?? 0));
  }

  async get(ids: readonly string[]): Promise<(LeadRecord | undefined)[]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ id: string; data: string }>('queries/investment-leads-by-id', { ids: [...ids] }),
    );
    const found = new Map(rows.map((r) => [r.id, JSON.parse(r.data) as LeadRecord]));
    return ids.map((id) => found.get(id));
  }

  async list(filter: LeadFilter): Promise<LeadRecord[]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ data: string }>('queries/investment-leads', {
        chainId: filter.chainId ?? null,
        stages: filter.stages ? [...filter.stages] : null,
        owner: filter.owner ?? null,
        segmentId: filter.segmentId ?? null,
        enterpriseIds: filter.enterpriseIds ? [...filter.enterpriseIds] : null,
      }),
    );
    return rows.map((r) => JSON.parse(r.data) as LeadRecord).sort(byBoardOrder);
  }

  async history(ids: readonly string[]): Promise<LeadEvent[][]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ id: string; data: string }>('queries/investment-lead-history', { ids: [...ids] }),
    );
    const byLead = new Map<string, LeadEvent[]>();
    for (const r of rows) byLead.set(r.id, [...(byLead.get(r.id) ?? []), JSON.parse(r.data) as LeadEvent]);
    return ids.map((id) => byLead.get(id) ?? []);
  }

  async eventsSince(since: string, chainId?: string): Promise<LeadEvent[]> {
    const rows = await this.db.read((tx) =>
      tx.run<{ data: string }>('queries/investment-lead-events-since', { since, chainId: chainId ?? null }),
    );
    return rows.map((r) => JSON.parse(r.data) as LeadEvent);
  }
}
