import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { pinoHttp } from 'pino-http';
import sirv from 'sirv';
import { TokenBook } from '../auth/tokens';
import { addressOf } from '../graphql/node-request';
import { createChainAtlasYoga, type YogaOptions } from '../graphql/yoga';
import { log, withLogger } from '../platform/log';
import type { GraphStore } from '../store/port';
import { GraphiqlPage, wantsGraphiql } from './graphiql';
import { setSecurityHeaders } from './headers';
import { healthz, readyz } from './health';
import { TrustedProxies } from './proxies';
import { DEFAULT_LIMITS, Gate, type RequestLimits, refuse } from './rate-gate';
import { type HostPolicy, hostPolicy, refusedHost } from './request-origin';

export interface AppOptions {
  store: GraphStore;
  /** The built web app (web/dist); the API alone when absent. */
  webDir?: string;
  api?: YogaOptions;
  /** Body size and request rates; DEFAULT_LIMITS when absent. */
  limits?: Partial<RequestLimits>;
  /** The Host headers answered; this machine's own names (localhost, 127.0.0.1, ::1) by default. */
  hosts?: HostPolicy;
  /** Reverse proxies whose X-Forwarded-For and X-Request-Id are believed; none by default. */
  proxies?: TrustedProxies;
  /** How long a request (headers and body) may take to arrive; 15 s by default. */
  requestTimeoutMs?: number;
}

/** The HTTP server of the app, and what its shutdown needs. */
export interface App {
  server: Server;
  /**
   * Graceful shutdown: /readyz answers 503 (for `drainMs`, while requests are still taken), then no
   * new connection is taken, requests under way finish (those still running after `graceMs` are
   * cut), and the analysis workers and the store are closed.
   */
  shutdown(graceMs?: number, drainMs?: number): Promise<void>;
}

/**
 * How long a browser keeps what the web app is made of. The build names its scripts and styles
 * by their content's hash (/assets/start-D0R32cTV.js), so each of them never changes: kept a year
 * and not asked for again, a returning user's page starts without waiting on the server (B9).
 * Everything else (the page itself, which names the current assets) is checked on each visit.
 */
function cacheHeaders(res: ServerResponse, pathname: string): void {
  // a file of the build: an address under /assets/ without an extension is answered with the page
  const asset = pathname.startsWith('/assets/') && extname(pathname) !== '';
  res.setHeader('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * One HTTP server: /healthz and /readyz, the GraphQL API at /graphql (behind the body size and
 * rate limits) and the built web app everywhere else; security headers on every answer, a JSON
 * log line for every request (with its id, which the answer's x-request-id header also gives).
 */
export function createApp(options: AppOptions): App {
  const { store, webDir } = options;
  const tokens = options.api?.tokens ?? new TokenBook([]);
  const yoga = createChainAtlasYoga(store, { ...options.api, tokens });
  const gate = new Gate({ ...DEFAULT_LIMITS, ...options.limits }, tokens);
  const web =
    webDir && existsSync(webDir)
      ? sirv(webDir, { single: true, etag: true, gzip: false, dev: false, setHeaders: cacheHeaders })
      : undefined;
  const proxies = options.proxies ?? new TrustedProxies();
  const graphiql = options.api?.production ? undefined : new GraphiqlPage(yoga);
  const httpLog = pinoHttp({
    logger: log(),
    genReqId: (req, res) => requestId(req, res, proxies.trusts(req)),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'reqId' },
    serializers: {
      // the path only: a query string is no place for secrets, but someone may have put one there
      req: (req: { id: string; method: string; url: string; remoteAddress: string; raw?: IncomingMessage }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        from: req.raw ? addressOf(req.raw) : req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    // refusals of a flood are not logged one by one (the lines would cost more than the refusals):
    // the gate logs how many it refused, per caller, every ten seconds
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500
        ? 'error'
        : res.statusCode === 429
          ? 'silent'
          : res.statusCode >= 400
            ? 'warn'
            : 'info',
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
  let stopping = false;
  const hosts = options.hosts ?? hostPolicy('127.0.0.1', []);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const path = req.url?.split('?')[0] ?? '/';
    // probes (a load balancer's, by address) are answered whatever Host they send
    if (path === '/healthz') return healthz(res);
    if (path === '/readyz') return readyz(res, store, stopping);
    const wrongHost = refusedHost(req, hosts);
    if (wrongHost) return refuse(res, { status: 421, code: 'BAD_REQUEST', message: wrongHost });
    if (path.startsWith(yoga.graphqlEndpoint)) {
      // answers name who asks (me), hold a new token (createToken) or the audit log: never cached
      res.setHeader('cache-control', 'no-store');
      const refusal = await gate.admit(req, res);
      if (refusal) return refuse(res, refusal);
      if (stopping) res.setHeader('connection', 'close');
      if (wantsGraphiql(req)) {
        if (graphiql) return graphiql.serve(req, res);
        return refuse(res, {
          status: 404,
          code: 'NOT_FOUND',
          message: 'GraphiQL is off on this server (CHAIN_PRODUCTION=on): POST JSON queries to /graphql with a token.',
        });
      }
      await yoga(req, res);
      return;
    }
    // the web app is only read
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('allow', 'GET, HEAD');
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`${req.method} is not allowed here: the web app is only read (GET). The API is at /graphql.`);
      return;
    }
    if (web) {
      web(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      });
      return;
    }
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('The web app is not built: run `pnpm build`. The API is at /graphql.');
  }

  const requestTimeout = options.requestTimeoutMs ?? 15_000;
  const server = createServer(
    {
      // slow clients may not hold connections (and their caller's in-flight slots) open (slowloris):
      // a body trickled in is cut after requestTimeout, checked every second, not every 30 s
      headersTimeout: Math.min(10_000, requestTimeout),
      requestTimeout,
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
    },
    (req, res) => {
      (req as IncomingMessage & { clientAddress?: string }).clientAddress = proxies.clientOf(req);
      httpLog(req, res);
      withLogger(req.log, () =>
        route(req, res).catch((error: unknown) => {
          req.log.error({ err: error }, 'request failed');
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        }),
      );
    },
  );

  async function shutdown(graceMs = 10_000, drainMs = 0): Promise<void> {
    stopping = true;
    // a load balancer polling /readyz sees 503 for `drainMs` and stops sending before we stop taking
    if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // keep-alive connections are closed as soon as their requests are answered
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    cut.unref();
    await closed;
    clearInterval(idle);
    clearTimeout(cut);
    await options.api?.analysis?.close();
    await store.close();
  }

  return { server, shutdown };
}

/** A trusted proxy's request id when it gives a sensible one, else a new one; sent back as x-request-id. */
function requestId(req: IncomingMessage, res: ServerResponse, fromProxy: boolean): string {
  const given = fromProxy ? req.headers['x-request-id'] : undefined;
  const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}
