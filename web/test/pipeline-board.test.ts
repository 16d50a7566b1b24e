import { describe, expect, it } from 'vitest';
import { translate } from '../src/i18n/messages';
import type { LeadCard } from '../src/queries/leads';
import { choices, columnsOf, filterLeads, NO_FILTERS, STAGES, stageBeside } from '../src/views/pipeline/board';
import { pipelineCsvTable } from '../src/views/pipeline/pipelineCsv';

const lead = (n: number, more: Partial<LeadCard> = {}): LeadCard => ({
  id: `L${n}`,
  key: `lead-${n}`,
  stage: 'LEAD',
  reason: null,
  owner: '王敏',
  nextStep: null,
  dueOn: null,
  overdue: false,
  daysInStage: n,
  notes: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  enterprise: { id: `E${n}`, key: `firm-${n}`, name: `企业${n}有限公司`, shortName: `企业${n}` },
  chain: { id: 'C1', key: 'logistics', name: '商贸物流' },
  segment: { id: 'S1', key: 'seg-1', name: '运输装备' },
  ...more,
});

describe('the pipeline board', () => {
  const leads = [
    lead(1),
    lead(3, { stage: 'VISITED', owner: '张伟', overdue: true, dueOn: '2020-01-01' }),
    lead(5, { stage: 'VISITED', segment: null }),
  ];

  it('has a column per stage, with its count and average days', () => {
    const columns = columnsOf(leads);
    expect(columns.map((c) => c.stage)).toEqual(STAGES);
    expect(columns.map((c) => c.leads.length)).toEqual([1, 0, 2, 0, 0, 0, 0, 0]);
    expect(columns[2]?.averageDays).toBe(4);
    expect(columns[1]?.averageDays).toBeNull();
  });

  it('moves along the columns one step, and no further than either end', () => {
    expect(stageBeside('LEAD', 1)).toBe('CONTACTED');
    expect(stageBeside('LEAD', -1)).toBeUndefined();
    expect(stageBeside('LANDED', 1)).toBe('ON_HOLD');
    expect(stageBeside('LOST', 1)).toBeUndefined();
  });

  it('filters by owner, overdue and gap (or none)', () => {
    const keys = (f: Partial<typeof NO_FILTERS>) => filterLeads(leads, { ...NO_FILTERS, ...f }).map((l) => l.key);
    expect(keys({})).toEqual(['lead-1', 'lead-3', 'lead-5']);
    expect(keys({ owner: '张伟' })).toEqual(['lead-3']);
    expect(keys({ overdue: true })).toEqual(['lead-3']);
    expect(keys({ gap: 'seg-1' })).toEqual(['lead-1', 'lead-3']);
    expect(keys({ gap: '' })).toEqual(['lead-5']);
    expect(choices(leads)).toEqual({
      owners: ['王敏', '张伟'].sort((a, b) => a.localeCompare(b, 'zh')),
      gaps: [{ key: 'seg-1', name: '运输装备' }],
    });
  });

  it('exports a line per lead, in the page’s language', () => {
    const zh = pipelineCsvTable(leads, (key, vars) => translate('zh', key, vars));
    expect(zh).toHaveLength(4);
    expect(zh[0]?.[0]).toBe('阶段');
    expect(zh[2]).toEqual(
      expect.arrayContaining([
        '拜访',
        '企业3有限公司',
        'firm-3',
        '商贸物流',
        '运输装备',
        '张伟',
        '2020-01-01',
        '是',
        3,
      ]),
    );
    const en = pipelineCsvTable(leads, (key, vars) => translate('en', key, vars));
    expect(en[0]?.[0]).toBe('Stage');
    expect(en[1]?.[0]).toBe('Lead');
  });
});
