import { resolve } from 'node:path';
import type { PoolOptions } from '../analysis-pool/pool';
import { AuditLog } from '../audit/audit-log';
import { isRole, ROLES } from '../auth/roles';
import { parseTokensVariable, TokenBook } from '../auth/tokens';
import type { YogaOptions } from '../graphql/yoga';
import { parseTrustedProxies, TrustedProxies } from '../http/proxies';
import type { RequestLimits } from '../http/rate-gate';
import { type HostPolicy, hostPolicy, isWildcard } from '../http/request-origin';
import { DEFAULT_AUDIT_FILE, DEFAULT_TOKENS_FILE } from '../paths';

/**
 * The API's settings from the environment, each checked with a message naming the variable:
 * CHAIN_TOKENS_FILE (default data/tokens.json), CHAIN_TOKENS, CHAIN_ANONYMOUS_ROLE (default
 * viewer), CHAIN_AUDIT_FILE (default data/audit.jsonl), CHAIN_TRUSTED_DOCUMENTS (on/off, default
 * off), CHAIN_REQUEST_TIMEOUT_MS (default 15000), CHAIN_CORS_ORIGINS (origins allowed to call the
 * API from their pages; none by default), CHAIN_PRODUCTION (on/off, default off: on turns GraphiQL
 * off, and introspection off for callers without a token).
 */
export function apiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): YogaOptions & { tokensFile: string } {
  const tokensFile = tokensFileFromEnv(env);
  const anonymous = env.CHAIN_ANONYMOUS_ROLE?.trim() || 'viewer';
  if (!isRole(anonymous)) {
    throw new Error(`CHAIN_ANONYMOUS_ROLE must be one of ${ROLES.join(', ')}; got '${anonymous}'.`);
  }
  const options: YogaOptions & { tokensFile: string } = {
    tokensFile,
    // the file is read here too, so that a broken one stops the start with its message
    tokens: new TokenBook(parseTokensVariable(env.CHAIN_TOKENS ?? ''), anonymous, tokensFile),
    audit: new AuditLog(auditFileFromEnv(env)),
    trustedDocuments: onOff('CHAIN_TRUSTED_DOCUMENTS', env.CHAIN_TRUSTED_DOCUMENTS),
    production: onOff('CHAIN_PRODUCTION', env.CHAIN_PRODUCTION),
  };
  const timeout = wholeNumber(env, 'CHAIN_REQUEST_TIMEOUT_MS', 100, 600_000);
  if (timeout !== undefined) options.timeoutMs = timeout;
  const origins = (env.CHAIN_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new Error(
        `CHAIN_CORS_ORIGINS must list origins like https://atlas.example.gov.cn (no path), separated by commas; got '${origin}'.`,
      );
    }
  }
  options.corsOrigins = origins;
  return options;
}

/**
 * The HTTP limits from the environment: CHAIN_MAX_BODY_BYTES (default 1 MiB), CHAIN_RATE_PER_ADDRESS
 * and CHAIN_RATE_PER_TOKEN (requests a second; defaults 50 and 100), CHAIN_MAX_IN_FLIGHT (a caller's
 * requests under way at once; default 8), CHAIN_MS_PER_SECOND (the server's time a caller's requests
 * may take, in ms a second, five seconds' worth at once; default 500). 0 turns a limit off.
 * (The defaults are DEFAULT_LIMITS, http/rate-gate.ts.)
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<RequestLimits> {
  const limits: Partial<RequestLimits> = {};
  const body = wholeNumber(env, 'CHAIN_MAX_BODY_BYTES', 1024, 1 << 30);
  if (body !== undefined) limits.maxBodyBytes = body;
  const perAddress = wholeNumber(env, 'CHAIN_RATE_PER_ADDRESS', 0, 1_000_000);
  if (perAddress !== undefined) limits.perAddress = perAddress;
  const perToken = wholeNumber(env, 'CHAIN_RATE_PER_TOKEN', 0, 1_000_000);
  if (perToken !== undefined) limits.perToken = perToken;
  const inFlight = wholeNumber(env, 'CHAIN_MAX_IN_FLIGHT', 0, 10_000);
  if (inFlight !== undefined) limits.inFlight = inFlight;
  const ms = wholeNumber(env, 'CHAIN_MS_PER_SECOND', 0, 1_000_000);
  if (ms !== undefined) limits.msPerSecond = ms;
  return limits;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got '${text}'.`);
  }
  return n;
}

function onOff(name: string, value: string | undefined): boolean {
  const v = value?.trim().toLowerCase() ?? '';
  if (['', '0', 'off', 'false', 'no'].includes(v)) return false;
  if (['1', 'on', 'true', 'yes'].includes(v)) return true;
  throw new Error(`${name} must be on or off; got '${value}'.`);
}

/** The tokens file: CHAIN_TOKENS_FILE, or data/tokens.json (the server and `pnpm run token` share it). */
export function tokensFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.CHAIN_TOKENS_FILE?.trim();
  return file ? resolve(env.INIT_CWD ?? process.cwd(), file) : DEFAULT_TOKENS_FILE;
}

/**
 * The analysis workers from the environment: CHAIN_ANALYSIS_THREADS (default: one less than the
 * cores, at least one) and CHAIN_ANALYSIS_QUEUE (analyses that may wait for a worker, over the
 * whole server; default 256; one caller may have 128 under way).
 */
export function analysisFromEnv(env: NodeJS.ProcessEnv = process.env): PoolOptions {
  const options: PoolOptions = {};
  const threads = wholeNumber(env, 'CHAIN_ANALYSIS_THREADS', 1, 256);
  if (threads !== undefined) options.threads = threads;
  const queue = wholeNumber(env, 'CHAIN_ANALYSIS_QUEUE', 0, 100_000);
  if (queue !== undefined) options.maxQueue = queue;
  return options;
}

/**
 * Where the server listens and for which names: HOST (default 127.0.0.1: this machine only) and
 * CHAIN_PUBLIC_ORIGIN (the origins users open, separated by commas, e.g. https://atlas.example.gov.cn;
 * * to answer any Host, behind a proxy that checks it). Listening on every address (0.0.0.0 or ::)
 * needs CHAIN_PUBLIC_ORIGIN: without it, any site's name pointed at the server would be answered
 * (DNS rebinding).
 */
export function listenFromEnv(env: NodeJS.ProcessEnv = process.env): {
  host: string;
  hosts: HostPolicy;
  proxies: TrustedProxies;
} {
  const proxies = new TrustedProxies(parseTrustedProxies(env.CHAIN_TRUSTED_PROXIES));
  const host = env.HOST?.trim() || '127.0.0.1';
  if (!/^[\w.:[\]-]+$/.test(host))
    throw new Error(`HOST must be an address or a host name to listen on; got '${host}'.`);
  const given = env.CHAIN_PUBLIC_ORIGIN?.trim() ?? '';
  if (given === '*') return { host, hosts: hostPolicy(host, '*'), proxies };
  const origins = given
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(
        `CHAIN_PUBLIC_ORIGIN must list origins like https://atlas.example.gov.cn (no path), separated by commas, or be *; got '${origin}'.`,
      );
  }
  if (isWildcard(host) && origins.length === 0)
    throw new Error(
      `HOST=${host} listens on every address: set CHAIN_PUBLIC_ORIGIN to the address users open (e.g. http://10.0.0.5:4000), or to * behind a proxy that checks the Host header.`,
    );
  return { host, hosts: hostPolicy(host, origins), proxies };
}

/** How long a stopping server answers /readyz with 503 before it closes: CHAIN_DRAIN_MS (default 0). */
export function drainMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env, 'CHAIN_DRAIN_MS', 0, 600_000) ?? 0;
}

/** The audit log's file: CHAIN_AUDIT_FILE, or data/audit.jsonl (the server and the importer share it). */
export function auditFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.CHAIN_AUDIT_FILE?.trim();
  return file ? resolve(env.INIT_CWD ?? process.cwd(), file) : DEFAULT_AUDIT_FILE;
}
