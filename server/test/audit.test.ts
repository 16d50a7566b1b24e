import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log';
import { sha256 } from '../src/audit/chain';
import { MAX_DETAIL_BYTES } from '../src/audit/detail';
import { creditCodeCheckChar } from '../src/domain/credit-code';
import { roleNeeded } from '../src/graphql/audit-mutations';
import { schema } from '../src/graphql/schema/index';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { ROOT, runImport, tempDir } from './support/cli';
import { demoApi } from './support/helpers';

const code = (n: number) => {
  const first17 = `91420103MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '');

const entry = (who: string, action = 'x') => ({
  who,
  role: 'editor',
  action,
  target: '',
  detail: {},
  from: 'local',
  outcome: 'ok',
});

/** A server whose audit log is on disk, with a clock the test moves. */
async function auditedApi() {
  const clock = { now: Date.parse('2026-12-07T08:00:00Z') };
  const audit = new AuditLog(join(tempDir(), 'audit.jsonl'), { now: () => clock.now });
  const api = await demoApi({ audit });
  const post = async (body: unknown, token?: string) => {
    const response = await api.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return response.json() as Promise<unknown>;
  };
  return { ...api, audit, clock, post, file: audit.file as string };
}

/** The flood: batches of 10 operations of 10 createEnterprise each, with 30 KB of arguments apiece. */
const floodBatch = () => {
  const op = `mutation($i: CreateEnterpriseInput!) { ${Array.from({ length: 10 }, (_, k) => `a${k}: createEnterprise(input: $i) { changed }`).join(' ')} }`;
  return Array.from({ length: 10 }, (_, j) => ({
    query: op,
    variables: {
      i: {
        id: code(j),
        name: 'x'.repeat(600),
        district: '江汉区',
        tags: Array.from({ length: 50 }, () => 'y'.repeat(600)),
      },
    },
  }));
};

describe('refused mutations in the audit log', () => {
  it('writes a few short lines per caller for a flood of refusals, and sums up the rest', async () => {
    const { post, file, audit, clock, query } = await auditedApi();
    const batch = floodBatch();
    expect(JSON.stringify(batch).length).toBeGreaterThan(300_000);
    // 5 batches: 500 refused mutations with 15 MB of arguments; before, this wrote 13.5 MB
    for (let i = 0; i < 5; i++) await post(batch);
    const written = statSync(file).size;
    expect(written).toBeLessThan(2_000);
    const refusals = lines(file).map((l) => JSON.parse(l));
    expect(refusals).toHaveLength(5);
    for (const r of refusals) {
      expect(r).toMatchObject({ who: 'anonymous', role: 'viewer', action: 'createEnterprise', outcome: 'FORBIDDEN' });
      expect(r.detail).toEqual({});
      expect(JSON.stringify(r)).not.toContain('xxxx');
    }

    // a minute on, the rest is summed up in one line: how many, of which fields
    clock.now += 61_000;
    audit.flush();
    const r = await query<{ auditLog: { nodes: { action: string; who: string; outcome: string; detail: string }[] } }>(
      '{ auditLog(action: "droppedRefusals") { nodes { action who outcome detail } } }',
      {},
      'admin',
    );
    const [summary] = r.data?.auditLog.nodes ?? [];
    expect(summary).toMatchObject({ who: 'anonymous', outcome: 'FORBIDDEN' });
    expect(JSON.parse(summary?.detail ?? '{}')).toMatchObject({ dropped: 495, actions: { createEnterprise: 495 } });
    expect(statSync(file).size).toBeLessThan(3_000);
  });

  it('follows callers apart, and caps the lines of everyone together', async () => {
    const clock = { now: 0 };
    const audit = new AuditLog(join(tempDir(), 'audit.jsonl'), {
      now: () => clock.now,
      tallies: { refusalsPerCaller: 2, refusalsTotal: 5 },
    });
    const written = [];
    for (let caller = 0; caller < 10; caller++)
      for (let i = 0; i < 4; i++)
        written.push(
          audit.refused({ who: 'anonymous', role: 'viewer', from: `10.0.0.${caller}` }, 'addRelationship', 'FORBIDDEN'),
        );
    expect(written.filter(Boolean)).toHaveLength(5);
    audit.flush();
    const all = audit.all();
    const dropped = all.filter((e) => e.action === 'droppedRefusals');
    // callers with lines of their own get their own summary; the others are summed up together, as `*`
    expect(dropped.map((e) => [e.from, e.detail.dropped])).toEqual([
      ['10.0.0.0', 2],
      ['10.0.0.1', 2],
      ['10.0.0.2', 3],
      ['*', 28],
    ]);
    // a new minute: a caller's share again
    clock.now += 60_000;
    expect(audit.refused({ who: 'anonymous', role: 'viewer', from: '10.0.0.9' }, 'addRelationship', 'FORBIDDEN')).toBe(
      true,
    );
  });

  it('keeps the arguments of an accepted mutation up to a byte cap, cut visibly with their size', async () => {
    const { query, audit } = await auditedApi();
    const input = {
      id: code(3),
      name: '武汉封顶测试有限公司',
      district: '江汉区',
      tags: Array.from({ length: 50 }, (_, i) => `${i}`.repeat(400)),
    };
    const r = await query(
      'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed } }',
      { input },
      'editor',
    );
    expect(r.errors).toBeUndefined();
    const [e] = audit.all();
    expect(e).toMatchObject({ action: 'createEnterprise', outcome: 'ok', target: code(3) });
    expect(Buffer.byteLength(JSON.stringify(e?.detail))).toBeLessThanOrEqual(MAX_DETAIL_BYTES + 100);
    expect(e?.detail).toMatchObject({ truncated: true, bytes: Buffer.byteLength(JSON.stringify({ input })) });
    expect(e?.detail.kept).toContain('武汉封顶测试有限公司');
    // a small one is kept whole
    await query('mutation { recordExport(chain: "logistics", format: "csv", rows: 12) }', {}, 'analyst');
    expect(audit.all().at(-1)?.detail).toEqual({ chain: 'logistics', format: 'csv', rows: 12 });
  });
});

describe('the chain of hashes', () => {
  const written = (n: number) => {
    const file = join(tempDir(), 'audit.jsonl');
    const log = new AuditLog(file);
    for (let i = 0; i < n; i++) log.record(entry(`w${i}`));
    return { file, log };
  };

  it('chains each line to the one before it by its sha-256, and finds the chain whole', () => {
    const { file, log } = written(4);
    const text = lines(file);
    expect(JSON.parse(text[0] as string)).toMatchObject({ seq: 0, prev: '' });
    for (let i = 1; i < text.length; i++)
      expect(JSON.parse(text[i] as string)).toMatchObject({ seq: i, prev: sha256(text[i - 1] as string) });
    expect(log.chain()).toMatchObject({
      intact: true,
      lines: 4,
      chainedFrom: 1,
      breaks: [],
      head: sha256(text[3] as string),
    });
    expect(new AuditLog(file).chain().intact).toBe(true);
  });

  it('reports a line edited afterwards', () => {
    const { file } = written(4);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"who":"w1"', '"who":"w7"'));
    const chain = new AuditLog(file).chain();
    expect(chain.intact).toBe(false);
    expect(chain.breaks).toEqual([{ line: 2, kind: 'edited', message: expect.stringContaining('line 2 was changed') }]);
  });

  it('reports lines deleted, in the middle and at the start', () => {
    const { file } = written(5);
    const text = lines(file);
    writeFileSync(file, `${[text[0], text[3], text[4]].join('\n')}\n`);
    expect(new AuditLog(file).chain().breaks).toEqual([
      { line: 2, kind: 'deleted', message: '2 line(s) are gone before line 2' },
    ]);
    writeFileSync(file, `${text.slice(2).join('\n')}\n`);
    expect(new AuditLog(file).chain().breaks).toEqual([
      { line: 1, kind: 'deleted', message: expect.stringMatching(/the 2 line\(s\) before line 1 are gone/) },
    ]);
  });

  it('reports garbage and entries added by hand, and keeps chaining after them', () => {
    const { file, log } = written(2);
    appendFileSync(file, 'rm -rf /\n');
    log.record(entry('after-garbage'));
    appendFileSync(file, `${JSON.stringify({ id: 'forged', at: '2026-01-01T00:00:00Z', ...entry('mallory') })}\n`);
    log.record(entry('after-forgery'));
    const again = new AuditLog(file);
    const chain = again.chain();
    expect(chain.breaks.map((b) => [b.line, b.kind])).toEqual([
      [3, 'garbage'],
      [5, 'unchained'],
    ]);
    expect(chain.breakCount).toBe(2);
    // still read: the admin judges
    expect(again.all().map((e) => e.who)).toEqual(['w0', 'w1', 'after-garbage', 'mallory', 'after-forgery']);
  });

  it('sees a change made while it runs, even of the last line, even of the same size', () => {
    const { file, log } = written(3);
    expect(log.chain().intact).toBe(true);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"who":"w2"', '"who":"w9"'));
    const chain = log.chain();
    expect(chain.breaks).toEqual([
      { line: 3, kind: 'edited', message: 'line 3 was changed after this server wrote it' },
    ]);
    expect(log.all().at(-1)?.who).toBe('w9');
  });

  it('reports a file cut short while it runs', () => {
    const { file, log } = written(3);
    log.chain();
    const text = lines(file);
    writeFileSync(file, `${text.slice(0, 2).join('\n')}\n`);
    expect(log.chain().breaks.map((b) => b.kind)).toEqual(['deleted']);
  });

  it('is not broken by a write torn by a crash', () => {
    const { file, log } = written(2);
    appendFileSync(file, '{"id":"torn","at":"2026-'); // killed half-way through a write
    log.record(entry('next'));
    const chain = new AuditLog(file).chain();
    expect(chain).toMatchObject({ intact: true, torn: 1, lines: 4 });
    // a torn line the next write does not own up to is garbage
    writeFileSync(file, readFileSync(file, 'utf8').replace('"torn":"', '"torn":"0'));
    expect(new AuditLog(file).chain().breaks.map((b) => b.kind)).toContain('garbage');
  });

  it('reads a log written before hashing, and says where its chain starts', () => {
    const file = join(tempDir(), 'audit.jsonl');
    const old = [1, 2, 3].map((i) =>
      JSON.stringify({ id: `old-${i}`, at: '2026-01-01T00:00:00Z', ...entry(`old${i}`) }),
    );
    writeFileSync(file, `${old.join('\n')}\n{"id":"torn","at":"2026-\n`);
    const log = new AuditLog(file);
    log.record(entry('new'));
    const again = new AuditLog(file);
    expect(again.all().map((e) => e.who)).toEqual(['old1', 'old2', 'old3', 'new']);
    expect(again.chain()).toMatchObject({ intact: true, chainedFrom: 5, unchained: 3, torn: 1 });
    // the first hashed line vouches for the last line before it
    expect(JSON.parse(lines(file)[4] as string).prev).toBe(sha256('{"id":"torn","at":"2026-'));
  });

  it('chains the lines of two writers to one file (the server and the importer)', () => {
    const file = join(tempDir(), 'audit.jsonl');
    const server = new AuditLog(file);
    const cli = new AuditLog(file);
    for (let i = 0; i < 6; i++) (i % 2 ? cli : server).record(entry(`${i}`));
    expect(server.chain()).toMatchObject({ intact: true, lines: 6 });
    expect(server.all().map((e) => e.who)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('tells the admin through the API where the chain breaks', async () => {
    const { query, file } = await auditedApi();
    for (const n of [21, 22, 23])
      await query(
        'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed } }',
        { input: { id: code(n), name: '武汉链条测试有限公司', district: '江汉区' } },
        'editor',
      );
    const ask = () =>
      query<{
        auditLog: {
          chain: { intact: boolean; chainedFrom: number; breaks: { line: number; kind: string }[] };
          nodes: { line: number }[];
        };
      }>(
        '{ auditLog(first: 1) { chain { intact chainedFrom lines head breaks { line kind message } } nodes { line } } }',
        {},
        'admin',
      );
    expect((await ask()).data?.auditLog.chain).toMatchObject({ intact: true, chainedFrom: 1, breaks: [] });
    const text = lines(file);
    writeFileSync(file, `${[...text.slice(0, 2), ...text.slice(3)].join('\n')}\n`);
    const r = await ask();
    expect(r.errors).toBeUndefined();
    expect(r.data?.auditLog.chain).toMatchObject({ intact: false, breaks: [{ line: 3, kind: 'deleted' }] });
    // lines: started, ended, (started: gone), ended, started, ended
    expect(r.data?.auditLog.nodes[0]?.line).toBe(4);
  });
});

describe('an import in the audit log', () => {
  it('records its intent before it commits: killed just after the commit, the entry is there', async () => {
    const dir = tempDir();
    const auditFile = join(dir, 'audit.jsonl');
    const data = tempDir();
    const csv = `id,name,shortName,district,local,status\n${code(88)},武汉意图导入有限公司,意图导入,江汉区,true,存续\n${code(89)},武汉意图导入二有限公司,意图二,江汉区,true,存续\n`;
    writeFileSync(join(data, 'enterprises.csv'), csv);
    const run = await runImport([data, '--data-dir', join(dir, 'store')], {
      env: { CHAIN_AUDIT_FILE: auditFile },
      preload: join(ROOT, 'server/test/fixtures/kill-after-commit.ts'),
    });
    expect(run.signal, run.stderr).toBe('SIGKILL');
    // the rows are in…
    const store = await EmbeddedStore.open(join(dir, 'store'));
    expect((await store.getEnterprises([code(88)]))[0]?.name).toBe('武汉意图导入有限公司');
    await store.close();
    // …and so is the entry that said so, left `started`
    const [e] = new AuditLog(auditFile).all();
    expect(e).toMatchObject({ action: 'import', outcome: 'started', from: 'local', target: data });
    const sha = createHash('sha256').update(csv).digest('hex');
    expect(e?.detail).toMatchObject({
      rows: { enterprises: 2 },
      files: [{ bytes: Buffer.byteLength(csv), sha256: sha }],
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  }, 60_000);

  it('completes the entry when the import ends, and records one refused by its checks', async () => {
    const dir = tempDir();
    const auditFile = join(dir, 'audit.jsonl');
    const data = tempDir();
    writeFileSync(
      join(data, 'enterprises.csv'),
      `id,name,district,local\n${code(90)},武汉完整导入有限公司,江汉区,true\n`,
    );
    expect(
      (await runImport([data, '--data-dir', join(dir, 'store')], { env: { CHAIN_AUDIT_FILE: auditFile } })).code,
    ).toBe(0);
    const bad = tempDir();
    writeFileSync(join(bad, 'enterprises.csv'), 'id,name\n,\n');
    expect(
      (await runImport([bad, '--data-dir', join(dir, 'store')], { env: { CHAIN_AUDIT_FILE: auditFile } })).code,
    ).toBe(1);
    const log = new AuditLog(auditFile);
    const [ok, refused] = log.all();
    expect(ok).toMatchObject({
      action: 'import',
      outcome: 'ok',
      detail: { rows: { enterprises: 1 }, counts: { enterprises: { added: 1 } } },
    });
    expect(refused).toMatchObject({ action: 'import', outcome: 'BAD_INPUT', target: bad });
    expect(log.chain().intact).toBe(true);
  }, 60_000);
});

describe("an analyst's reads of candidates through the API", () => {
  const gapCandidates =
    '{ chain(id: "logistics") { gapReport { fill { candidates(first: 3) { nodes { score } } } } } }';
  const segmentCandidates = '{ chain(id: "eco") { segments { candidates(first: 2) { nodes { score } } } } }';

  it('records who read which chain’s candidates: the first read at once, the rest summed up per minute', async () => {
    const { query, audit, clock, file } = await auditedApi();
    const first = await query(gapCandidates, {}, 'analyst');
    expect(first.errors).toBeUndefined();
    // written before the candidates were served
    const [read] = lines(file).map((l) => JSON.parse(l));
    expect(read).toMatchObject({
      who: 'analyst-tester',
      role: 'analyst',
      action: 'readCandidates',
      target: 'logistics',
      outcome: 'ok',
    });
    expect(read.detail.rows).toBeGreaterThan(0);
    // twenty more reads, of two chains: one line for the other chain, nothing more until the minute ends
    for (let i = 0; i < 10; i++) {
      await query(gapCandidates, {}, 'analyst');
      await query(segmentCandidates, {}, 'analyst');
    }
    expect(lines(file)).toHaveLength(2);
    clock.now += 60_000;
    audit.flush();
    const reads = audit.all().filter((e) => e.action === 'readCandidates');
    expect(reads.map((e) => [e.target, e.detail.first ?? false])).toEqual([
      ['logistics', true],
      ['eco', true],
      ['logistics', false],
      ['eco', false],
    ]);
    expect(reads[2]?.detail).toMatchObject({ reads: expect.any(Number), rows: expect.any(Number) });
    expect(Number(reads[2]?.detail.reads)).toBeGreaterThanOrEqual(10);
  });

  it('records no read for a caller refused the candidates', async () => {
    const { query, audit } = await auditedApi();
    const r = await query(gapCandidates, {}, 'viewer');
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    audit.flush();
    expect(audit.all().filter((e) => e.action === 'readCandidates')).toEqual([]);
  });
});

describe('the rule that tells a refusal', () => {
  it('knows the role of every mutation field, so that every refusal is a short line', () => {
    const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields) expect(roleNeeded(field), field.name).toBeDefined();
  });
});
