import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LeadRecord } from '../src/domain/investment-lead';
import { EmbeddedLeads, LEAD_FILE } from '../src/store/embedded/lead-file';
import { tempDir } from './support/cli';

const lead = (id: string, version = 1): LeadRecord => ({
  id,
  enterpriseId: 'firm-1',
  chainId: 'chain-1',
  stage: 'LEAD',
  owner: '王敏',
  contacts: [],
  createdAt: '2026-03-01T08:00:00.000Z',
  createdBy: 'tester',
  updatedAt: '2026-03-01T08:00:00.000Z',
  stageSince: '2026-03-01T08:00:00.000Z',
  version,
});
const created = (l: LeadRecord) => ({
  leadId: l.id,
  version: l.version,
  at: l.createdAt,
  by: 'tester',
  kind: 'CREATED' as const,
  to: l.stage,
  chainId: l.chainId,
});

describe('the embedded store keeps investment leads in its own file', () => {
  it('reads back every save after a restart, and what another process appended before writing', async () => {
    const dir = tempDir();
    const one = new EmbeddedLeads(dir);
    const two = new EmbeddedLeads(dir);
    await one.save(lead('a'), created(lead('a')));
    // `two` has not read `a` yet: it catches up under the lock, and refuses to create it again
    await expect(two.save(lead('a'), created(lead('a')))).rejects.toMatchObject({ extensions: { code: 'BAD_INPUT' } });
    await two.save(lead('b'), created(lead('b')));
    const reopened = new EmbeddedLeads(dir);
    expect((await reopened.list({})).map((l) => l.id)).toEqual(['a', 'b']);
    expect(readFileSync(join(dir, LEAD_FILE), 'utf8').split('\n')).toHaveLength(3);
  });

  it('drops a torn last line (a write a crash cut short, never acknowledged) and writes on after it', async () => {
    const dir = tempDir();
    const leads = new EmbeddedLeads(dir);
    await leads.save(lead('a'), created(lead('a')));
    appendFileSync(join(dir, LEAD_FILE), '{"lead":{"id":"b","ver');
    const reopened = new EmbeddedLeads(dir);
    expect((await reopened.list({})).map((l) => l.id)).toEqual(['a']);
    await reopened.save(lead('c'), created(lead('c')));
    expect((await new EmbeddedLeads(dir).list({})).map((l) => l.id)).toEqual(['a', 'c']);
  });

  it('refuses to open over a damaged line, naming the file and the line', async () => {
    const dir = tempDir();
    const leads = new EmbeddedLeads(dir);
    await leads.save(lead('a'), created(lead('a')));
    await leads.save(lead('b'), created(lead('b')));
    const file = join(dir, LEAD_FILE);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], '{"lead": 1}', lines[1], ''].join('\n'));
    expect(() => new EmbeddedLeads(dir)).toThrow(`${file}, line 2: not a saved lead`);
    writeFileSync(file, [lines[0], 'garbage', ''].join('\n'));
    expect(() => new EmbeddedLeads(dir)).toThrow(`${file}, line 2: not JSON`);
  });
});
