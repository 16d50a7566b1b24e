import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { listenFromEnv } from '../src/bin/config';
import { type AppOptions, createApp } from '../src/http/app';
import { TrustedProxies } from '../src/http/proxies';
import { TimeDebt } from '../src/http/rate-gate';
import { hostPolicy } from '../src/http/request-origin';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { createLogger, setRootLogger } from '../src/platform/log';
import { MemoryStore } from '../src/store/memory/memory-store';
import { emptyDataset } from '../src/store/port';
import { tempDir } from './support/cli';
import { TOKENS, testTokenBook } from './support/helpers';

const demo = await readDataset([DEMO_DATA_DIR]);
const webDir = tempDir();
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Chain Atlas</title>');
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'assets', 'start-D0R32cTV.js'), 'export {};');

const running: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(running.map((stop) => stop())));

/** The app on a loopback port; its base URL, its shutdown and the log lines it wrote. */
/** The demo store, whose chain list takes `ms` longer than it would: a request that keeps the server busy. */
function slowChains(ms: number): MemoryStore {
  const store = new MemoryStore(demo);
  const chains = store.chains.bind(store);
  vi.spyOn(store, 'chains').mockImplementation(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return chains();
  });
  return store;
}

async function start(options: Partial<AppOptions> = {}) {
  const lines: string[] = [];
  setRootLogger(createLogger({ write: (line: string) => lines.push(line) }, 'info'));
  const store = options.store ?? new MemoryStore(demo);
  const app = createApp({ store, webDir, api: { tokens: testTokenBook() }, ...options });
  setRootLogger(createLogger());
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  running.push(() => (app.server.listening ? app.shutdown(100) : Promise.resolve()));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { base, app, store, lines };
}

const post = (base: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('security headers', () => {
  it('sends a content security policy and the usual headers with the web app and the API', async () => {
    const { base } = await start();
    for (const path of ['/', '/explore?e=x', '/graphql?query=%7B__typename%7D']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    }
  });

  it('lets the GraphiQL page run its own inline scripts, by their hashes, and no others', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, body] of scripts) {
      expect(csp).toContain(
        `'sha256-${createHash('sha256')
          .update(body ?? '')
          .digest('base64')}'`,
      );
    }
    expect(csp).not.toContain("'unsafe-inline' 'self'");
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
  });
});

describe('the web app', () => {
  it('lets browsers keep the hashed assets for a year, and checks the page on every visit', async () => {
    const { base } = await start();
    const asset = await fetch(`${base}/assets/start-D0R32cTV.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/explore?e=x', '/assets/not-a-file']) {
      const page = await fetch(`${base}${path}`);
      expect(await page.text(), path).toContain('<title>Chain Atlas</title>');
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
    }
    // an asset this build does not have is not found, and that is not kept either
    const missing = await fetch(`${base}/assets/not-built.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });
});

describe('CORS', () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });

  it('allows no other origin by default', async () => {
    const { base } = await start();
    const response = await preflight(base, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const get = await post(base, '{ __typename }', { origin: 'https://evil.example' });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the origins configured, with the Authorization header, and only them', async () => {
    const { base } = await start({ api: { tokens: testTokenBook(), corsOrigins: ['https://atlas.example.gov.cn'] } });
    const allowed = await preflight(base, 'https://atlas.example.gov.cn');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://atlas.example.gov.cn');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const other = await preflight(base, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

/** A raw request (fetch cannot set Host): its status and body. */
function raw(
  base: string,
  options: { path?: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(options.path ?? '/graphql', base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('cross-site requests', () => {
  it('refuses a form post or a text body to /graphql, so that another site cannot post one', async () => {
    const store = new MemoryStore(demo);
    const { base } = await start({ store, api: { tokens: testTokenBook('editor') } });
    const mutation =
      'mutation { createEnterprise(input: { id: "91110000CSRF00000X", name: "伪造公司" }) { enterprise { id } } }';
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
      ['text/plain', JSON.stringify({ query: mutation })],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--`,
      ],
    ] as const) {
      const r = await raw(base, {
        method: 'POST',
        headers: {
          'content-type': type,
          origin: 'https://evil.example',
          'content-length': String(Buffer.byteLength(body)),
        },
        body,
      });
      expect(r.status).toBe(415);
      expect(JSON.parse(r.body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
    expect(await store.getEnterprises(['91110000CSRF00000X'])).toEqual([undefined]);
    // JSON is taken: a page elsewhere can send it only after a preflight this server does not grant
    const json = JSON.stringify({ query: '{ chains { totalCount } }' });
    const ok = await raw(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(json)) },
      body: json,
    });
    expect(ok.status).toBe(200);
  });

  it('answers only for its own host names, so that a rebound DNS name reaches nothing', async () => {
    const { base } = await start();
    const port = new URL(base).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
      expect((await raw(base, { path: '/graphql?query=%7B__typename%7D', headers: { host } })).status).toBe(200);
    const rebound = await raw(base, {
      path: '/graphql?query=%7B__typename%7D',
      headers: { host: `evil.example:${port}` },
    });
    expect(rebound.status).toBe(421);
    expect(rebound.body).toMatch(/does not answer for the host 'evil.example/);
    expect((await raw(base, { path: '/', headers: { host: 'evil.example' } })).status).toBe(421);
    // a load balancer's probe, by address, is answered
    expect((await raw(base, { path: '/healthz', headers: { host: '10.0.0.7' } })).status).toBe(200);
    // the origins configured are answered too
    const open = await start({ hosts: hostPolicy('0.0.0.0', ['https://atlas.example.gov.cn']) });
    const named = await raw(open.base, {
      path: '/graphql?query=%7B__typename%7D',
      headers: { host: 'atlas.example.gov.cn' },
    });
    expect(named.status).toBe(200);
  });

  it('listens on 127.0.0.1 unless HOST says otherwise, and on every address only with a public origin', () => {
    expect(listenFromEnv({}).host).toBe('127.0.0.1');
    expect(() => listenFromEnv({ HOST: '0.0.0.0' })).toThrow(/set CHAIN_PUBLIC_ORIGIN to the address users open/);
    expect(listenFromEnv({ HOST: '0.0.0.0', CHAIN_PUBLIC_ORIGIN: 'http://10.0.0.5:4000' }).hosts).toEqual({
      any: false,
      hosts: new Set(['localhost', '127.0.0.1', '::1', '10.0.0.5']),
    });
    expect(listenFromEnv({ HOST: '::', CHAIN_PUBLIC_ORIGIN: '*' }).hosts).toEqual({ any: true });
    expect(() => listenFromEnv({ CHAIN_PUBLIC_ORIGIN: 'atlas.example.gov.cn/x' })).toThrow(
      /CHAIN_PUBLIC_ORIGIN must list origins/,
    );
  });
});

describe('the HTTP surface', () => {
  it('answers the web app only to GET and HEAD', async () => {
    const { base } = await start();
    for (const method of ['PUT', 'DELETE', 'TRACE', 'PATCH']) {
      const r = await raw(base, { path: '/index.html', method });
      expect(r.status, method).toBe(405);
    }
    expect((await raw(base, { path: '/', method: 'HEAD' })).status).toBe(200);
  });

  it('serves GraphiQL compressed, with an ETag that spares the page to a browser that has it', async () => {
    const { base } = await start();
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('content-security-policy')).toMatch(/sha256-/);
    const sent = Number(page.headers.get('content-length'));
    const html = await page.text();
    expect(html).toContain('Chain Atlas');
    expect(sent).toBeLessThan(html.length / 3);
    const etag = page.headers.get('etag') as string;
    const again = await fetch(`${base}/graphql`, { headers: { accept: 'text/html', 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('turns GraphiQL off, and introspection off for callers without a token, in production', async () => {
    const { base } = await start({ api: { tokens: testTokenBook(), production: true } });
    expect((await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(404);
    const anonymous = await post(base, '{ __schema { queryType { name } } }');
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const withToken = await post(base, '{ __schema { queryType { name } } }', {
      authorization: `Bearer ${TOKENS.viewer}`,
    });
    expect(await withToken.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    // the app's own queries are unchanged
    expect((await (await post(base, '{ chains { totalCount } }')).json()).data.chains.totalCount).toBe(11);
  });

  it('cuts a body trickled in too slowly, and frees its caller for other requests', async () => {
    const { base } = await start({ requestTimeoutMs: 300, limits: { inFlight: 1 } });
    const url = new URL('/graphql', base);
    const slow = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1000' },
    });
    const closed = new Promise<string>((resolve) => {
      slow.on('response', (res) => resolve(`status ${res.statusCode}`));
      slow.on('error', (e) => resolve(e.message));
    });
    slow.write('{"query":');
    // its one slot is taken meanwhile
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post(base, '{ __typename }')).status).toBe(429);
    expect(await closed).toMatch(/408|socket hang up|ECONNRESET/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post(base, '{ __typename }')).status).toBe(200);
  });

  it('counts a request through a trusted proxy by the address it forwards, and keeps its request id', async () => {
    const { base, lines } = await start({ proxies: new TrustedProxies(['127.0.0.1']), limits: { perAddress: 2 } });
    const from = (address: string, id?: string) =>
      post(base, '{ __typename }', {
        'x-forwarded-for': `203.0.113.9, ${address}`,
        ...(id ? { 'x-request-id': id } : {}),
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await from('198.51.100.1')).status);
    expect(statuses).toEqual([200, 200, 429]);
    // another user behind the same proxy has a share of their own
    const other = await from('198.51.100.2', 'proxy-id-1');
    expect(other.status).toBe(200);
    expect(other.headers.get('x-request-id')).toBe('proxy-id-1');
    expect(lines.join('\n')).toContain('"from":"198.51.100.2"');
  });

  it('ignores X-Forwarded-For and X-Request-Id from a client that is no trusted proxy', async () => {
    const { base } = await start({ limits: { perAddress: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post(base, '{ __typename }', { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const chosen = await post(base, '{ __typename }', { 'x-request-id': 'forged-id' });
    expect(chosen.headers.get('x-request-id')).not.toBe('forged-id');
  });
});

describe('request limits before GraphQL', () => {
  it('refuses a body over the limit with 413, and a body of unknown length with 411', async () => {
    const { base } = await start({ limits: { maxBodyBytes: 2048 } });
    const big = await post(base, `{ chains { totalCount } } # ${'x'.repeat(4000)}`);
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_INPUT' } }] });
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"query":');
      req.end('"{ __typename }"}');
    });
    expect(chunked).toBe(411);
    expect((await post(base, '{ chains { totalCount } }')).status).toBe(200);
  });

  it('limits requests a second by address, and a token holder by the token, with 429 and Retry-After', async () => {
    const { base } = await start({ limits: { perAddress: 5, perToken: 8 } });
    const burst = async (n: number, headers: Record<string, string> = {}) =>
      Promise.all(Array.from({ length: n }, () => post(base, '{ __typename }', headers)));
    const anonymous = await burst(12);
    const statuses = anonymous.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const refused = anonymous.find((r) => r.status === 429);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused?.json()).toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/at most 5 a second/) }],
    });
    // from the same address, at the same moment: the analyst's token has a budget of its own
    const withToken = await burst(8, { authorization: `Bearer ${TOKENS.analyst}` });
    expect(withToken.every((r) => r.status === 200)).toBe(true);
    // a token nobody holds counts against the address
    const bogus = await post(base, '{ __typename }', { authorization: 'Bearer nobody' });
    expect(bogus.status).toBe(429);
  });
});

describe('the server-time budget', () => {
  it("charges a request all the time it took: a long one is paid off at the caller's rate", () => {
    let now = 0;
    const debt = new TimeDebt(500, 2500, () => now);
    // a request of 13.7 s: 22.4 s of refusals, not the five of one window
    debt.charge('address:10.0.0.1', 13_700);
    expect(debt.waitMs('address:10.0.0.1')).toBeCloseTo(22_400);
    now = 20_000;
    expect(debt.waitMs('address:10.0.0.1')).toBeCloseTo(2_400);
    now = 22_400;
    expect(debt.waitMs('address:10.0.0.1')).toBe(0);
    // others owe nothing; a debt paid off is forgotten
    expect(debt.waitMs('address:10.0.0.2')).toBe(0);
    now = 30_000;
    expect(debt.owing('address:10.0.0.1')).toBe(0);
    // a burst within the share is taken at once
    debt.charge('token:ana', 2_000);
    expect(debt.waitMs('token:ana')).toBe(0);
  });

  it("refuses a caller whose requests took more than its share of the server's time, and not others", async () => {
    const store = slowChains(150);
    const { base } = await start({ store, limits: { perAddress: 0, perToken: 0, inFlight: 0, msPerSecond: 20 } });
    // 150 ms of a 100 ms budget (20 ms a second over 5 s)
    expect((await post(base, '{ chains { totalCount } }')).status).toBe(200);
    const refused = await post(base, '{ __typename }');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      errors: [
        {
          extensions: { code: 'RATE_LIMITED' },
          message: expect.stringMatching(/more than 20 ms of the server's time/),
        },
      ],
    });
    // an analyst's token has a budget of its own
    expect((await post(base, '{ __typename }', { authorization: `Bearer ${TOKENS.analyst}` })).status).toBe(200);
  });
});

describe('operations', () => {
  it('answers /healthz while up and /readyz when the store answers with data', async () => {
    const { base } = await start();
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', chains: demo.chains.length });
  });

  it('is not ready on an empty store, nor on one that fails', async () => {
    const empty = await start({ store: new MemoryStore(emptyDataset()) });
    expect((await fetch(`${empty.base}/readyz`)).status).toBe(503);
    const failing = new MemoryStore(demo);
    vi.spyOn(failing, 'chains').mockRejectedValue(new Error('connection refused'));
    const broken = await start({ store: failing });
    const r = await fetch(`${broken.base}/readyz`);
    expect(r.status).toBe(503);
    expect(await r.json()).toMatchObject({ status: 'unavailable', reason: 'connection refused' });
  });

  it('writes one JSON line per request with its id, and never a token', async () => {
    const { base, lines } = await start();
    const response = await post(base, '{ me { name } }', { authorization: `Bearer ${TOKENS.editor}` });
    const id = response.headers.get('x-request-id');
    await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ca_secret-that-nobody-holds' },
      body: '{"query":"{ me { name } }"}',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const entries = lines.map(
      (l) => JSON.parse(l) as { reqId?: string; req?: { path: string }; res?: { status: number } },
    );
    const mine = entries.find((e) => e.reqId === id);
    expect(mine).toMatchObject({ req: { path: '/graphql' }, res: { status: 200 } });
    expect(entries.every((e) => typeof e.reqId === 'string')).toBe(true);
    const text = lines.join('\n');
    expect(text).not.toContain(TOKENS.editor);
    expect(text).not.toContain('ca_secret');
    expect(text.toLowerCase()).not.toContain('bearer');
  });

  it('shuts down gracefully: requests under way finish, new ones are not taken, the store is closed', async () => {
    const store = slowChains(400);
    const close = vi.spyOn(store, 'close');
    const { base, app } = await start({ store });
    const slow = post(base, '{ chains { totalCount } }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = app.shutdown(5000);
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ data: { chains: { totalCount: demo.chains.length } } });
    await stopped;
    expect(close).toHaveBeenCalled();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
