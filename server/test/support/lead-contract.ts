import { describe, expect, it } from 'vitest';
import type { LeadEvent, LeadRecord, LeadStage } from '../../src/domain/investment-lead';
import type { LeadStore } from '../../src/store/leads-port';

const T0 = '2026-03-01T08:00:00.000Z';

/** A lead of this run (ids unique per run: a Neo4j database may hold other runs' leads until wiped). */
function leadOf(run: string, n: number, stage: LeadStage, more: Partial<LeadRecord> = {}): LeadRecord {
  return {
    id: `lc-${run}-${n}`,
    enterpriseId: `firm-${n}`,
    chainId: `chain-${run}`,
    stage,
    owner: n % 2 ? '王敏' : '张伟',
    contacts: [{ name: '李雷', role: '总经理' }],
    createdAt: T0,
    createdBy: 'tester',
    updatedAt: T0,
    stageSince: T0,
    version: 1,
    ...more,
  };
}

const eventOf = (lead: LeadRecord, kind: LeadEvent['kind'], at: string, more: Partial<LeadEvent> = {}): LeadEvent => ({
  leadId: lead.id,
  version: lead.version,
  at,
  by: 'tester',
  kind,
  chainId: lead.chainId,
  ...more,
});

/**
 * What every store's investment leads (store.leads) must do: run by store-contract.test.ts on the
 * memory, embedded and Neo4j stores.
 */
export function describeLeadContract(name: string, open: () => Promise<LeadStore>) {
  describe(`LeadStore contract: ${name}`, () => {
    const run = Math.random().toString(36).slice(2, 8);
    let leads: LeadStore;

    it('creates leads, gets them by id in order, and refuses an id taken', async () => {
      leads = await open();
      const a = leadOf(run, 1, 'LEAD', { segmentId: 'seg-1', dueOn: '2026-03-10', nextStep: '电话' });
      const b = leadOf(run, 2, 'VISITED', { stageSince: '2026-02-01T00:00:00.000Z' });
      await leads.save(a, eventOf(a, 'CREATED', T0, { to: 'LEAD' }));
      await leads.save(b, eventOf(b, 'CREATED', T0, { to: 'VISITED' }));
      expect(await leads.get([b.id, 'no-such-lead', a.id])).toEqual([b, undefined, a]);
      await expect(leads.save(a, eventOf(a, 'CREATED', T0))).rejects.toMatchObject({
        extensions: { code: 'BAD_INPUT' },
      });
    });

    it('writes a change only over the version it names', async () => {
      const [a] = (await leads.get([`lc-${run}-1`])) as [LeadRecord];
      const moved = { ...a, stage: 'CONTACTED' as const, version: 2, stageSince: '2026-03-02T08:00:00.000Z' };
      await leads.save(moved, eventOf(moved, 'MOVED', '2026-03-02T08:00:00.000Z', { from: 'LEAD', to: 'CONTACTED' }));
      const stale = { ...a, owner: '赵六', version: 2 };
      await expect(leads.save(stale, eventOf(stale, 'EDITED', '2026-03-02T09:00:00.000Z'))).rejects.toMatchObject({
        extensions: { code: 'BAD_INPUT', version: 2 },
      });
      const ghost = leadOf(run, 9, 'LEAD', { version: 2 });
      await expect(leads.save(ghost, eventOf(ghost, 'EDITED', T0))).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
      expect(await leads.get([ghost.id])).toEqual([undefined]);
      expect((await leads.get([a.id]))[0]).toMatchObject({ stage: 'CONTACTED', owner: '王敏', version: 2 });
    });

    it('lets one of two writers of a version through', async () => {
      const [b] = (await leads.get([`lc-${run}-2`])) as [LeadRecord];
      const edits = ['甲', '乙'].map((owner) => ({ ...b, owner, version: 2 }));
      const results = await Promise.allSettled(
        edits.map((l) => leads.save(l, eventOf(l, 'EDITED', '2026-03-03T08:00:00.000Z', { fields: ['owner'] }))),
      );
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((await leads.history([b.id]))[0]?.map((e) => e.version)).toEqual([1, 2]);
    });

    it('lists by chain, stages, owner, segment and firm, in board order', async () => {
      const c = leadOf(run, 3, 'CONTACTED', { stageSince: '2026-01-01T00:00:00.000Z' });
      await leads.save(c, eventOf(c, 'CREATED', '2026-03-04T08:00:00.000Z', { to: 'CONTACTED' }));
      const ids = async (filter: Parameters<LeadStore['list']>[0]) =>
        (await leads.list({ chainId: `chain-${run}`, ...filter })).map((l) => l.id.slice(-1));
      // by stage, then the longest in its stage first
      expect(await ids({})).toEqual(['3', '1', '2']);
      expect(await ids({ stages: ['VISITED', 'LEAD'] })).toEqual(['2']);
      expect(await ids({ owner: '王敏' })).toEqual(['3', '1']);
      expect(await ids({ segmentId: 'seg-1' })).toEqual(['1']);
      expect(await ids({ enterpriseIds: ['firm-2', 'firm-3'] })).toEqual(['3', '2']);
      expect(await leads.list({ chainId: 'no-such-chain' })).toEqual([]);
    });

    it('keeps every event, by lead and since a time', async () => {
      const [h1, none] = await leads.history([`lc-${run}-1`, 'no-such-lead']);
      expect(h1?.map((e) => [e.kind, e.from ?? null, e.to ?? null])).toEqual([
        ['CREATED', null, 'LEAD'],
        ['MOVED', 'LEAD', 'CONTACTED'],
      ]);
      expect(none).toEqual([]);
      const since = await leads.eventsSince('2026-03-02T00:00:00.000Z', `chain-${run}`);
      expect(since.map((e) => `${e.leadId.slice(-1)}@${e.version}`)).toEqual(['1@2', '2@2', '3@1']);
      expect(await leads.eventsSince('2026-03-02T00:00:00.000Z', 'no-such-chain')).toEqual([]);
    });
  });
}
