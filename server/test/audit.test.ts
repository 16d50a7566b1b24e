import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log';
import { sha256 } from '../src/audit/chain';
import { creditCodeCheckChar } from '../src/domain/credit-code';
import { tempDir } from './cli';
import { demoApi } from './helpers';

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

/** A server whose audit log is on disk. */
async function auditedApi() {
  const audit = new AuditLog(join(tempDir(), 'audit.jsonl'));
  const api = await demoApi({ audit });
  const post = async (body: unknown, token?: string) => {
    const response = await api.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return response.json() as Promise<unknown>;
  };
  return { ...api, audit, post, file: audit.file as string };
}

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
