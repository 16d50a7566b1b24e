import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs (pino), one object a line. A request's lines carry its id (`reqId`): the
 * HTTP layer runs each request with a child logger that `log()` returns anywhere below it. Header
 * values that authenticate (Authorization, cookies) and any field named token or password are
 * replaced by "[redacted]" wherever they appear in a line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  'password',
  '*.token',
  '*.password',
  '*.authorization',
];

export function createLogger(destination?: DestinationStream, level = defaultLevel()): Logger {
  const options = {
    level,
    base: { service: 'chain-atlas' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

/** CHAIN_LOG_LEVEL, or info (warn under the test runner, whose output the request lines would drown). */
function defaultLevel(): string {
  return process.env.CHAIN_LOG_LEVEL?.trim() || (process.env.VITEST ? 'warn' : 'info');
}

let root: Logger = createLogger();
const current = new AsyncLocalStorage<Logger>();

/** The process's logger (for lines that belong to no one request). */
export const rootLog = (): Logger => root;

/** The logger of the request being served, or the process's. */
export const log = (): Logger => current.getStore() ?? root;

/** Replaces the process's logger (the server's entry point, and tests that read the lines). */
export function setRootLogger(logger: Logger): void {
  root = logger;
}

/** Runs `fn` with `logger` as what log() returns in it and in everything it starts. */
export function withLogger<T>(logger: Logger, fn: () => T): T {
  return current.run(logger, fn);
}
