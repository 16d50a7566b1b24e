import { describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log';
import { openEmbeddedStore } from '../src/bin/open-store';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { tempDir } from './support/cli';
import { demoApi, type GraphQLResult, type Query } from './support/helpers';

const LEAD = 'id key stage reason owner nextStep dueOn overdue daysInStage notes contacts { name role } version';
const CREATE = `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { ${LEAD} enterprise { key } chain { key } segment { key } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLeadInput!) { updateLead(id: $id, input: $input) { lead { ${LEAD} segment { key } } } }`;
const MOVE = `mutation($id: ID!, $stage: LeadStage!, $note: String) { moveLead(id: $id, stage: $stage, note: $note) { lead { ${LEAD} } } }`;
const LIST = `query($chain: ID, $stage: [LeadStage!], $owner: String, $overdue: Boolean) {
  leads(chain: $chain, stage: $stage, owner: $owner, overdue: $overdue) { totalCount nodes { key stage owner overdue } }
}`;

type Lead = {
  id: string;
  key: string;
  stage: string;
  owner: string;
  overdue: boolean;
  version: number;
  reason: string | null;
};
const codeOf = (r: GraphQLResult<unknown>) => r.errors?.[0]?.extensions?.code;
const problemsOf = (r: GraphQLResult<unknown>) =>
  ((r.errors?.[0]?.extensions?.problems ?? []) as { field: string }[]).map((p) => p.field);

/** A chain of the demo data, a gap of it and its best outside candidate. */
async function gapAndCandidate(query: Query) {
  const r = await query<{
    chains: {
      nodes: {
        key: string;
        gapReport: { fill: { segment: { key: string }; candidates: { nodes: { enterprise: { key: string } }[] } }[] };
      }[];
    };
  }>(
    '{ chains(first: 1) { nodes { key gapReport { fill { segment { key } candidates(first: 2) { nodes { enterprise { key } } } } } } } }',
    {},
    'analyst',
  );
  const chain = r.data?.chains.nodes[0];
  const gap = chain?.gapReport.fill.find((g) => g.candidates.nodes.length >= 2);
  if (!chain || !gap) throw new Error('the demo data has no gap with two candidates');
  return {
    chain: chain.key,
    segment: gap.segment.key,
    firm: gap.candidates.nodes[0]?.enterprise.key as string,
    other: gap.candidates.nodes[1]?.enterprise.key as string,
  };
}

async function leadsApi() {
  const dir = tempDir();
  const store = await openEmbeddedStore(dir);
  const audit = new AuditLog();
  const api = await demoApi({ store, audit });
  return { dir, audit, ...api, ...(await gapAndCandidate(api.query)) };
}

describe('investment leads through the API', () => {
  it('are hidden from viewers, read by analysts and written only by editors, every write audited', async () => {
    const { query, audit, chain, segment, firm } = await leadsApi();
    const input = { enterprise: firm, chain, segment, owner: '王敏' };
    for (const role of [undefined, 'viewer', 'analyst'] as const)
      expect(codeOf(await query(CREATE, { input }, role))).toBe('FORBIDDEN');
    for (const role of [undefined, 'viewer'] as const) {
      expect(codeOf(await query(LIST, {}, role))).toBe('FORBIDDEN');
      const r = await query(`query($id: ID!) { enterprise(id: $id) { leads { key } } }`, { id: firm }, role);
      expect(codeOf(r)).toBe('FORBIDDEN');
    }
    const created = await query<{ createLead: { lead: Lead } }>(CREATE, { input }, 'editor');
    expect(created.errors).toBeUndefined();
    const lead = created.data?.createLead.lead as Lead;
    expect(lead).toMatchObject({ stage: 'LEAD', owner: '王敏', version: 1, overdue: false });
    const read = await query<{ leads: { totalCount: number } }>(LIST, {}, 'analyst');
    expect(read.data?.leads.totalCount).toBe(1);
    expect(codeOf(await query(MOVE, { id: lead.id, stage: 'CONTACTED' }, 'analyst'))).toBe('FORBIDDEN');
    await query(MOVE, { id: lead.id, stage: 'CONTACTED', note: '电话接洽' }, 'editor');
    await query(UPDATE, { id: lead.id, input: { nextStep: '安排拜访' } }, 'editor');

    const entries = audit.all().filter((e) => /Lead$/.test(e.action));
    expect(entries.filter((e) => e.outcome === 'ok').map((e) => e.action)).toEqual([
      'createLead',
      'moveLead',
      'updateLead',
    ]);
    expect(entries.find((e) => e.action === 'moveLead' && e.outcome === 'ok')?.target).toBe(lead.id);
  });

  it('check their input and name the wrong field', async () => {
    const { query, chain, segment, firm } = await leadsApi();
    const base = { enterprise: firm, chain, segment, owner: '王敏' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, enterprise: 'no-such-firm' }, 'input.enterprise'],
      [{ ...base, chain: 'no-such-chain' }, 'input.chain'],
      [{ ...base, segment: 'no-such-segment' }, 'input.segment'],
      [{ ...base, owner: '  ' }, 'input.owner'],
      [{ ...base, dueOn: '2026-02-30' }, 'input.dueOn'],
      [{ ...base, stage: 'LOST' }, 'input.reason'],
      [{ ...base, contacts: [{ name: '', role: '总经理' }] }, 'input.contacts[0].name'],
    ];
    for (const [input, field] of cases) {
      const r = await query(CREATE, { input }, 'editor');
      expect(codeOf(r), field).toBe('BAD_INPUT');
      expect(problemsOf(r), field).toEqual([field]);
    }
    expect((await query<{ leads: { totalCount: number } }>(LIST, {}, 'analyst')).data?.leads.totalCount).toBe(0);

    const ok = await query<{ createLead: { lead: Lead } }>(CREATE, { input: base }, 'editor');
    const id = ok.data?.createLead.lead.id;
    const twice = await query(CREATE, { input: base }, 'editor');
    expect(problemsOf(twice)).toEqual(['input.enterprise']);
    expect(twice.errors?.[0]?.message).toMatch(/already a lead/);
    expect(problemsOf(await query(MOVE, { id, stage: 'ON_HOLD' }, 'editor'))).toEqual(['note']);
    expect(problemsOf(await query(MOVE, { id, stage: 'LEAD' }, 'editor'))).toEqual(['stage']);
    expect(codeOf(await query(MOVE, { id: 'lead-none', stage: 'SIGNED' }, 'editor'))).toBe('NOT_FOUND');
  });

  it('keep their whole history, with who and when', async () => {
    const { query, chain, segment, firm } = await leadsApi();
    const created = await query<{ createLead: { lead: Lead } }>(
      CREATE,
      { input: { enterprise: firm, chain, owner: '王敏', contacts: [{ name: '李雷', role: '副总经理' }] } },
      'editor',
    );
    const id = created.data?.createLead.lead.id;
    await query(MOVE, { id, stage: 'CONTACTED', note: '首次电话' }, 'editor');
    const edited = await query<{ updateLead: { lead: Lead & { segment: { key: string } } } }>(
      UPDATE,
      { id, input: { segment, owner: '张伟', notes: '对园区感兴趣' } },
      'editor',
    );
    expect(edited.data?.updateLead.lead).toMatchObject({ owner: '张伟', version: 3, segment: { key: segment } });
    const lost = await query<{ moveLead: { lead: Lead } }>(MOVE, { id, stage: 'LOST', note: '已落户外地' }, 'editor');
    expect(lost.data?.moveLead.lead).toMatchObject({ stage: 'LOST', reason: '已落户外地', version: 4 });
    const h = await query<{
      lead: {
        history: {
          kind: string;
          from: string | null;
          to: string | null;
          by: string;
          note: string | null;
          fields: string[];
          at: string;
        }[];
      };
    }>('query($id: ID!) { lead(id: $id) { history { kind from to by note fields at } } }', { id }, 'analyst');
    expect(h.data?.lead.history.map(({ at: _at, ...e }) => e)).toEqual([
      { kind: 'CREATED', from: null, to: 'LEAD', by: 'editor-tester', note: null, fields: [] },
      { kind: 'MOVED', from: 'LEAD', to: 'CONTACTED', by: 'editor-tester', note: '首次电话', fields: [] },
      {
        kind: 'EDITED',
        from: null,
        to: null,
        by: 'editor-tester',
        note: null,
        fields: ['owner', 'segmentId', 'notes'],
      },
      { kind: 'MOVED', from: 'CONTACTED', to: 'LOST', by: 'editor-tester', note: '已落户外地', fields: [] },
    ]);
    expect(h.data?.lead.history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    // a lost lead no longer stops the firm from being a lead again
    const again = await query(CREATE, { input: { enterprise: firm, chain, owner: '王敏' } }, 'editor');
    expect(again.errors).toBeUndefined();
  });

  it('filter by chain, stage, owner and overdue, and show on their enterprise', async () => {
    const { query, chain, segment, firm, other } = await leadsApi();
    const a = await query<{ createLead: { lead: Lead } }>(
      CREATE,
      { input: { enterprise: firm, chain, segment, owner: '王敏', nextStep: '回访', dueOn: '2020-01-15' } },
      'editor',
    );
    const b = await query<{ createLead: { lead: Lead } }>(
      CREATE,
      { input: { enterprise: other, chain, owner: '张伟', stage: 'VISITED', dueOn: '2999-01-01' } },
      'editor',
    );
    expect(a.data?.createLead.lead.overdue).toBe(true);
    expect(b.data?.createLead.lead.overdue).toBe(false);
    const keys = async (vars: Record<string, unknown>) =>
      (await query<{ leads: { nodes: Lead[] } }>(LIST, vars, 'analyst')).data?.leads.nodes.map((n) => n.key);
    const [ka, kb] = [a.data?.createLead.lead.key, b.data?.createLead.lead.key];
    expect(await keys({})).toEqual([ka, kb]);
    expect(await keys({ chain })).toEqual([ka, kb]);
    expect(await keys({ chain: 'another-chain' })).toEqual([]);
    expect(await keys({ stage: ['VISITED'] })).toEqual([kb]);
    expect(await keys({ owner: '王敏' })).toEqual([ka]);
    expect(await keys({ overdue: true })).toEqual([ka]);
    expect(await keys({ overdue: false })).toEqual([kb]);
    // a landed lead is never overdue
    await query(MOVE, { id: a.data?.createLead.lead.id, stage: 'LANDED' }, 'editor');
    expect(await keys({ overdue: true })).toEqual([]);
    const e = await query<{ enterprise: { leads: { key: string; stage: string }[] } }>(
      'query($id: ID!) { enterprise(id: $id) { leads { key stage } } }',
      { id: firm },
      'analyst',
    );
    expect(e.data?.enterprise.leads).toEqual([{ key: ka, stage: 'LANDED' }]);
  });

  it('say what landing would change, and the board sums what is signed and beyond', async () => {
    const { query, chain, segment, firm, other } = await leadsApi();
    const a = await query<{ createLead: { lead: { id: string; effect: Record<string, unknown> } } }>(
      `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id effect {
        segments coveredBefore coveredAfter gapsClosed { key } localSourcingBefore localSourcingAfter singleSourcesBefore singleSourcesAfter
      } } } }`,
      { input: { enterprise: firm, chain, segment, owner: '王敏' } },
      'editor',
    );
    expect(a.errors).toBeUndefined();
    const effect = a.data?.createLead.lead.effect as {
      coveredBefore: number;
      coveredAfter: number;
      gapsClosed: { key: string }[];
      singleSourcesBefore: number;
      singleSourcesAfter: number;
    };
    expect(effect.coveredAfter).toBe(effect.coveredBefore + 1);
    // a local plant of a firm that supplies from outside is a second source of its input, never a single one
    expect(effect.singleSourcesAfter).toBeLessThanOrEqual(effect.singleSourcesBefore);
    expect(effect.gapsClosed.map((s) => s.key)).toContain(segment);

    const SUM = 'query($chain: ID) { leadEffects(chain: $chain) { chain { key } leadIds coveredBefore coveredAfter } }';
    expect((await query<{ leadEffects: unknown[] }>(SUM, { chain }, 'analyst')).data?.leadEffects).toEqual([]);
    await query(MOVE, { id: a.data?.createLead.lead.id, stage: 'SIGNED' }, 'editor');
    await query(
      CREATE,
      { input: { enterprise: other, chain, segment, owner: '张伟', stage: 'NEGOTIATING' } },
      'editor',
    );
    const sum = await query<{ leadEffects: { chain: { key: string }; leadIds: string[]; coveredAfter: number }[] }>(
      SUM,
      { chain },
      'analyst',
    );
    expect(sum.data?.leadEffects).toEqual([
      expect.objectContaining({
        chain: { key: chain },
        leadIds: [a.data?.createLead.lead.id],
        coveredAfter: effect.coveredAfter,
      }),
    ]);
  });

  it('survive a restart of the embedded store', async () => {
    const { query, dir, chain, segment, firm } = await leadsApi();
    const created = await query<{ createLead: { lead: Lead } }>(
      CREATE,
      { input: { enterprise: firm, chain, segment, owner: '王敏' } },
      'editor',
    );
    await query(MOVE, { id: created.data?.createLead.lead.id, stage: 'VISITED', note: '实地考察' }, 'editor');
    const reopened = await EmbeddedStore.open(dir);
    const [lead] = await reopened.leads.get([created.data?.createLead.lead.key as string]);
    expect(lead).toMatchObject({ stage: 'VISITED', owner: '王敏', version: 2, segmentId: segment });
    expect((await reopened.leads.history([lead?.id as string]))[0]?.map((e) => e.kind)).toEqual(['CREATED', 'MOVED']);
  });
});
