import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log';
import { ROLES, type Role } from '../src/auth/roles';
import { hashToken, TokenBook } from '../src/auth/tokens';
import { creditCodeCheckChar } from '../src/domain/credit-code';
import { createLogger, setRootLogger } from '../src/platform/log';
import { ROOT, runImport, tempDir } from './support/cli';
import { demoApi, TOKENS, testTokenBook } from './support/helpers';

const code = (n: number) => {
  const first17 = `91420103MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

const firm = (n: number) => ({
  id: code(n),
  name: '武汉审计测试有限公司',
  shortName: '审计测试',
  district: '江汉区',
  local: true,
  status: '存续',
});

/** One operation for each rule of the issue, and the least role that may run it. */
const OPERATIONS: {
  name: string;
  needs: Role;
  query: string;
  /** The variables of the n-th run (each run makes something new). */
  variables?: (n: number) => Record<string, unknown>;
}[] = [
  { name: 'read the chains', needs: 'viewer', query: '{ chains { totalCount } me { name role } }' },
  {
    name: 'read the candidates of a gap',
    needs: 'analyst',
    query: '{ chain(id: "logistics") { gapReport { fill { candidates(first: 1) { totalCount } } } } }',
  },
  {
    name: "read a segment's candidates",
    needs: 'analyst',
    query: '{ segment(id: "logistics-s5") { candidates(first: 1) { nodes { score } } } }',
  },
  {
    name: 'record an export',
    needs: 'analyst',
    query: 'mutation { recordExport(chain: "logistics", format: "csv", rows: 12) }',
  },
  {
    name: 'change the graph',
    needs: 'editor',
    query: 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed } }',
    variables: (n) => ({ input: firm(n) }),
  },
  { name: 'list the tokens', needs: 'admin', query: '{ tokens { name role source } }' },
  { name: 'read the audit log', needs: 'admin', query: '{ auditLog(first: 1) { totalCount } }' },
  {
    name: 'make a token',
    needs: 'admin',
    query: 'mutation($name: String!) { createToken(name: $name, role: viewer) { name role token } }',
    variables: (n) => ({ name: `t-${n}` }),
  },
];

/** A server with the test tokens fixed, a tokens file to manage, and an audit log on disk. */
async function accessApi(anonymous: Role = 'viewer') {
  const dir = tempDir();
  const fixed = ROLES.map((role) => ({ name: `${role}-tester`, role, sha256: hashToken(TOKENS[role]) }));
  const tokens = new TokenBook(fixed, anonymous, join(dir, 'tokens.json'));
  const audit = new AuditLog(join(dir, 'audit.jsonl'));
  return { dir, audit, tokens, ...(await demoApi({ tokens, audit })) };
}

describe('roles: viewer < analyst < editor < admin', () => {
  it('lets each role do what its rank allows, and refuses the rest with FORBIDDEN naming the role needed', async () => {
    const { query } = await accessApi();
    const callers: (Role | undefined)[] = [undefined, ...ROLES];
    for (const caller of callers) {
      const rank = ROLES.indexOf(caller ?? 'viewer');
      for (const [i, op] of OPERATIONS.entries()) {
        const r = await query(op.query, op.variables?.(callers.indexOf(caller) * 100 + i), caller);
        const what = `${caller ?? 'anonymous'}: ${op.name}`;
        if (rank >= ROLES.indexOf(op.needs)) {
          expect(r.errors, what).toBeUndefined();
        } else {
          expect(
            r.errors?.map((e) => e.extensions?.code),
            what,
          ).toContain('FORBIDDEN');
          expect(r.errors?.[0]?.message, what).toMatch(new RegExp(`needs the ${op.needs} role`));
          expect(r.errors?.[0]?.extensions?.needed, what).toBe(op.needs);
        }
      }
    }
  });

  it('guards the candidates on their type too: no path around the field rule reaches them', async () => {
    const { query } = await accessApi();
    // a field that names candidates through the gap report and through the segment: both refused
    const r = await query(
      '{ chain(id: "eco") { gapReport { extend { candidates { nodes { enterprise { name } } } } } } }',
    );
    expect(r.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(r.data)).not.toContain('enterprise');
  });

  it('takes the anonymous role from the configuration', async () => {
    const { query } = await accessApi('analyst');
    const r = await query<{ me: { name: string; role: string; authenticated: boolean } }>(
      '{ me { name role authenticated } chain(id: "logistics") { gapReport { fill { candidates(first: 1) { totalCount } } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.me).toEqual({ name: 'anonymous', role: 'analyst', authenticated: false });
  });

  it('refuses a token nobody holds with FORBIDDEN and HTTP 401, rather than treating it as anonymous', async () => {
    const { yoga } = await accessApi();
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ca_not-a-token' },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('FORBIDDEN');
  });
});

describe('the audit log', () => {
  it('records every mutation, allowed or refused, with who, when, what, from where and the outcome; admins read it', async () => {
    const { query, audit } = await accessApi();
    const create = 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed } }';
    await query(create, { input: firm(7) }, 'viewer');
    await query(create, { input: firm(7) }, 'editor');
    await query('mutation { recordExport(chain: "logistics", format: "csv", rows: 12) }', {}, 'analyst');
    await query('mutation { createToken(name: "招商局-张三", role: analyst) { token } }', {}, 'admin');

    const r = await query<{
      auditLog: {
        totalCount: number;
        nodes: {
          who: string;
          role: string;
          action: string;
          target: string;
          detail: string;
          from: string;
          outcome: string;
          at: string;
        }[];
      };
    }>('{ auditLog(first: 10) { totalCount nodes { who role action target detail from outcome at } } }', {}, 'admin');
    expect(r.errors).toBeUndefined();
    const entries = r.data?.auditLog.nodes ?? [];
    // newest first
    expect(entries.map((e) => [e.who, e.action, e.outcome])).toEqual([
      ['admin-tester', 'createToken', 'ok'],
      ['analyst-tester', 'recordExport', 'ok'],
      ['editor-tester', 'createEnterprise', 'ok'],
      ['viewer-tester', 'createEnterprise', 'FORBIDDEN'],
    ]);
    expect(entries[2]?.target).toBe(code(7));
    expect(JSON.parse(entries[2]?.detail ?? '{}').input.name).toBe('武汉审计测试有限公司');
    expect(entries[1]?.target).toBe('logistics');
    expect(entries[0]?.target).toBe('招商局-张三');
    expect(Date.now() - Date.parse(entries[0]?.at ?? '')).toBeLessThan(60_000);
    expect(entries.every((e) => typeof e.from === 'string' && e.from !== '')).toBe(true);
    // never a token's value: the one just made is in no entry, nor anywhere in the file
    const file = readFileSync(audit.file ?? '', 'utf8');
    expect(file).not.toMatch(/ca_[A-Za-z0-9_-]{20,}/);

    const only = await query<{ auditLog: { nodes: { action: string }[] } }>(
      '{ auditLog(outcome: "FORBIDDEN") { nodes { action } } }',
      {},
      'admin',
    );
    expect(only.data?.auditLog.nodes.map((e) => e.action)).toEqual(['createEnterprise']);
  });

  it('records what runs, however the operation names it, and nothing that does not run', async () => {
    const { query } = await accessApi();
    const viaFragment =
      'mutation($input: CreateEnterpriseInput!) { ...M } fragment M on Mutation { createEnterprise(input: $input) { changed } }';
    expect((await query(viaFragment, { input: firm(11) }, 'editor')).errors).toBeUndefined();
    await query(
      'mutation { ... on Mutation { recordExport(chain: "logistics", format: "csv", rows: 3) } }',
      {},
      'viewer',
    );
    await query('mutation { recordExport(chain: "logistics", format: "csv", rows: 1) @skip(if: true) }', {}, 'analyst');
    const tooMany = Array.from(
      { length: 11 },
      (_, i) => `e${i}: recordExport(chain: "logistics", format: "csv", rows: ${i})`,
    );
    const refused = await query(`mutation { ${tooMany.join(' ')} }`, {}, 'analyst');
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
    const r = await query<{ auditLog: { nodes: { who: string; action: string; outcome: string; endedAt: string }[] } }>(
      '{ auditLog { nodes { who action outcome endedAt } } }',
      {},
      'admin',
    );
    expect(r.data?.auditLog.nodes.map((e) => [e.who, e.action, e.outcome])).toEqual([
      ['viewer-tester', 'recordExport', 'FORBIDDEN'],
      ['editor-tester', 'createEnterprise', 'ok'],
    ]);
    // what ran has its end recorded; a refusal is one line, written as it is refused
    expect(r.data?.auditLog.nodes.map((e) => typeof e.endedAt)).toEqual(['object', 'string']);
  });

  it('refuses a mutation, and does nothing, when the audit log cannot be written', async () => {
    const tokens = testTokenBook();
    const { query, store } = await demoApi({ tokens, audit: new AuditLog('/dev/full') });
    const lines: string[] = [];
    setRootLogger(createLogger({ write: (line: string) => lines.push(line) }, 'error'));
    const r = await query(
      'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed } }',
      { input: firm(12) },
      'editor',
    );
    setRootLogger(createLogger());
    expect(lines.join('')).toContain('ENOSPC');
    expect(r.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAVAILABLE' },
      message: expect.stringMatching(/createEnterprise was not done: the audit log cannot be written/),
    });
    expect((await store.getEnterprises([code(12)]))[0]).toBeUndefined();
  });

  it('records an import made from the command line, in the file the server reads', async () => {
    const dir = tempDir();
    const auditFile = join(dir, 'audit.jsonl');
    const data = tempDir();
    appendFileSync(
      join(data, 'enterprises.csv'),
      `id,name,shortName,district,local,status\n${code(77)},武汉审计导入有限公司,审计导入,江汉区,true,存续\n`,
    );
    const run = await runImport([data, '--data-dir', join(dir, 'store')], { env: { CHAIN_AUDIT_FILE: auditFile } });
    expect(run.code, run.stderr).toBe(0);
    const [entry] = new AuditLog(auditFile).all();
    expect(entry).toMatchObject({ action: 'import', from: 'local', outcome: 'ok', target: data });
    expect(entry?.who).toMatch(/^cli:/);
    expect(entry?.detail).toMatchObject({ counts: { enterprises: { added: 1 } } });
  });

  it('keeps its entries when a crash tore the last line, and writes the next on a line of its own', () => {
    const file = join(tempDir(), 'audit.jsonl');
    const log = new AuditLog(file);
    log.record({ who: 'a', role: 'editor', action: 'x', target: '', detail: {}, from: 'local', outcome: 'ok' });
    appendFileSync(file, '{"id":"torn","at":"2026-'); // killed half-way through a write
    log.record({ who: 'b', role: 'editor', action: 'y', target: '', detail: {}, from: 'local', outcome: 'ok' });
    const again = new AuditLog(file);
    expect(again.all().map((e) => e.who)).toEqual(['a', 'b']);
    expect(again.torn).toBe(1);
  });
});

describe('token management (admin)', () => {
  it('makes a token that works at once, lists it without its value, and revokes it', async () => {
    const { query, dir } = await accessApi();
    const made = await query<{ createToken: { token: string; role: string } }>(
      'mutation { createToken(name: "分析员-李四", role: analyst) { token role } }',
      {},
      'admin',
    );
    const token = made.data?.createToken.token ?? '';
    expect(token).toMatch(/^ca_/);
    const stored = readFileSync(join(dir, 'tokens.json'), 'utf8');
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashToken(token));

    // another server over the same tokens file knows the token at once, and forgets it once revoked
    const other = await accessApiFor(dir);
    const asNew = async () => {
      const response = await other.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { name role } }' }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { data?: { me: { name: string; role: string } } },
      };
    };
    expect((await asNew()).body.data?.me).toEqual({ name: '分析员-李四', role: 'analyst' });

    const list = await query<{ tokens: { name: string; role: string; source: string }[] }>(
      '{ tokens { name role source } }',
      {},
      'admin',
    );
    expect(list.data?.tokens).toContainEqual({ name: '分析员-李四', role: 'analyst', source: 'file' });
    expect(JSON.stringify(list)).not.toContain(token);

    const taken = await query('mutation { createToken(name: "分析员-李四", role: viewer) { token } }', {}, 'admin');
    expect(taken.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
    const fixed = await query('mutation { revokeToken(name: "admin-tester") }', {}, 'admin');
    expect(fixed.errors?.[0]?.message).toMatch(/CHAIN_TOKENS/);

    expect((await query('mutation { revokeToken(name: "分析员-李四") }', {}, 'admin')).errors).toBeUndefined();
    expect((await asNew()).status).toBe(401);
    const again = await query('mutation { revokeToken(name: "分析员-李四") }', {}, 'admin');
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the tokens file', () => {
  it('keeps every token that concurrent processes add (each change under a lock)', async () => {
    // in a folder that is not there yet, as data/ on a first run
    const file = join(tempDir(), 'data', 'tokens.json');
    const runs = await Promise.all(
      Array.from(
        { length: 6 },
        (_, i) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(
              process.execPath,
              ['--import', 'tsx', 'server/src/bin/token.ts', 'add', `r${i}`, 'viewer', '--file', file],
              {
                cwd: ROOT,
                env: { ...process.env, CHAIN_AUDIT_FILE: join(tempDir(), 'audit.jsonl') },
                stdio: 'ignore',
              },
            );
            child.on('exit', resolve);
          }),
      ),
    );
    expect(runs).toEqual([0, 0, 0, 0, 0, 0]);
    expect(
      new TokenBook([], 'viewer', file)
        .list()
        .map((t) => t.name)
        .sort(),
    ).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  }, 60_000);

  it('keeps the tokens it read when the file is broken by hand, and refuses names the audit log uses', () => {
    const file = join(tempDir(), 'tokens.json');
    const book = new TokenBook([], 'viewer', file);
    const token = book.create('张三', 'analyst');
    writeFileSync(file, '{"tokens": [ broken');
    const lines: string[] = [];
    setRootLogger(createLogger({ write: (line: string) => lines.push(line) }, 'error'));
    expect(book.callerOf(token)).toMatchObject({ name: '张三', role: 'analyst' });
    setRootLogger(createLogger());
    expect(lines.join('')).toMatch(/the tokens file cannot be read/);
    expect(() => new TokenBook([], 'viewer', file)).toThrow(/is not JSON/);
    expect(() => book.create('anonymous', 'admin')).toThrow(/choose another name/);
  });
});

/** Another server over the same tokens file: what it knows comes from the file. */
async function accessApiFor(dir: string) {
  const tokens = new TokenBook([], 'viewer', join(dir, 'tokens.json'));
  return demoApi({ tokens });
}
