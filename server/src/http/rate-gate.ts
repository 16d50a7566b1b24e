import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { TokenBook } from '../auth/tokens';
import { bearerOf } from '../graphql/caller';
import { addressOf, type Charged } from '../graphql/node-request';
import { rootLog } from '../platform/log';

/**
 * Limits on requests before GraphQL sees them, per caller — a token's holder by the token
 * (colleagues behind one office address are not counted together), anyone else by their address:
 * - the size of a body;
 * - requests a second;
 * - requests under way at once;
 * - the server's time a second: how long its requests took, charged in full when each is answered
 *   (TimeDebt). A count of requests alone does not bound the work (fifty heavy queries a second
 *   can take a whole core and leave everyone else waiting); a caller past its share of time is
 *   refused until its debt is paid off at its rate, so a flood gets a bounded share of the server
 *   whatever it asks, and one request of 14 s costs its caller 14 s of its share, not 5.
 * 0 turns a limit off.
 */
export interface RequestLimits {
  maxBodyBytes: number;
  perAddress: number;
  perToken: number;
  inFlight: number;
  /** Milliseconds of the server's time a second, for one caller (a burst of five seconds' worth allowed). */
  msPerSecond: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxBodyBytes: 1 << 20,
  perAddress: 50,
  perToken: 100,
  inFlight: 8,
  msPerSecond: 500,
};

/**
 * The default share of the server's time on Neo4j, in ms a second. A request's time there is mostly
 * spent waiting on the database, and the web app's reads take 3–15× as long as on the embedded
 * store (warm, the demo data, 2026-12-07: a neighbourhood of depth 2 66–103 ms against 13–36 ms, the
 * chain overview 77–104 ms against 7–8 ms): under the embedded store's 500 ms a second, the browser
 * suite's explorer was refused with 429s on Neo4j. CHAIN_MS_PER_SECOND still sets it.
 */
export const NEO4J_MS_PER_SECOND = 2000;

/** How many seconds of its share a caller may use at once (a burst) before it is refused. */
const TIME_WINDOW = 5;

/**
 * The server's time each caller has used and not yet paid off (a leaky bucket): each answered
 * request adds what it took; the debt drains at `rate` ms a second; a caller owing more than
 * `burst` ms is refused until it owes less. Callers that owe nothing are forgotten.
 */
export class TimeDebt {
  private readonly owed = new Map<string, { ms: number; at: number }>();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Adds `ms` to what `key` owes. */
  charge(key: string, ms: number): void {
    this.owed.set(key, { ms: this.owing(key) + ms, at: this.now() });
    if (this.owed.size > 10_000) this.sweep();
  }

  /** How long `key` must wait before its next request is taken (0: now). */
  waitMs(key: string): number {
    const owing = this.owing(key);
    return owing > this.burst ? ((owing - this.burst) / this.rate) * 1000 : 0;
  }

  /** What `key` owes now. */
  owing(key: string): number {
    const entry = this.owed.get(key);
    if (!entry) return 0;
    const left = entry.ms - ((this.now() - entry.at) / 1000) * this.rate;
    if (left > 0) return left;
    this.owed.delete(key);
    return 0;
  }

  private sweep(): void {
    for (const key of [...this.owed.keys()]) this.owing(key);
  }
}

/** A refusal: the HTTP status, the GraphQL error code and the message. */
interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

interface Account {
  key: string;
  holder: boolean;
  who: string;
}

export class Gate {
  private readonly byAddress: RateLimiterMemory | undefined;
  private readonly byToken: RateLimiterMemory | undefined;
  private readonly time: TimeDebt | undefined;
  private readonly running = new Map<string, number>();
  /** Requests refused since the last summary line, by caller. */
  private readonly refused = new Map<string, number>();

  constructor(
    readonly limits: RequestLimits,
    private readonly tokens: TokenBook,
  ) {
    const per = (points: number, duration: number) =>
      points > 0 ? new RateLimiterMemory({ points, duration }) : undefined;
    this.byAddress = per(limits.perAddress, 1);
    this.byToken = per(limits.perToken, 1);
    this.time = limits.msPerSecond > 0 ? new TimeDebt(limits.msPerSecond, limits.msPerSecond * TIME_WINDOW) : undefined;
  }

  /**
   * Why this request is refused; undefined when it may go on. It then counts as under way, and
   * its time is charged to its caller, when its answer is sent (or its connection closes).
   */
  async admit(req: IncomingMessage, res: ServerResponse): Promise<Refusal | undefined> {
    const refusal = this.checkBody(req);
    if (refusal) return refusal;
    const caller = this.callerOf(req);
    const refused = (await this.checkRate(caller)) ?? this.checkTime(caller) ?? this.checkRunning(caller);
    if (refused) {
      this.tally(caller.key);
      return refused;
    }
    const started = performance.now();
    this.running.set(caller.key, (this.running.get(caller.key) ?? 0) + 1);
    res.once('close', () => {
      const left = (this.running.get(caller.key) ?? 1) - 1;
      if (left <= 0) this.running.delete(caller.key);
      else this.running.set(caller.key, left);
      this.time?.charge(caller.key, performance.now() - started + ((req as Charged).extraChargeMs ?? 0));
    });
    return undefined;
  }

  private tally(key: string): void {
    if (this.refused.size === 0) setTimeout(() => this.summarise(), 10_000).unref();
    // a flood from many addresses: the line names the first thousand callers, and counts all
    if (this.refused.size < 1000 || this.refused.has(key)) this.refused.set(key, (this.refused.get(key) ?? 0) + 1);
    else this.refused.set('others', (this.refused.get('others') ?? 0) + 1);
  }

  /** One log line for the refusals of the last ten seconds. */
  private summarise(): void {
    const byCaller = Object.fromEntries(this.refused);
    const total = [...this.refused.values()].reduce((a, b) => a + b, 0);
    this.refused.clear();
    rootLog().warn({ refused: byCaller }, `refused ${total} request(s) over the rate limits in the last 10 s`);
  }

  /**
   * Who a request counts against: a token's holder, or (no token, one nobody holds, or a header
   * that is not "Bearer <token>", which GraphQL then refuses) its address.
   */
  private callerOf(req: IncomingMessage): Account {
    let token: string | undefined;
    try {
      token = bearerOf(req.headers.authorization);
    } catch {
      token = undefined;
    }
    const holder = token === undefined ? undefined : this.tokens.callerOf(token)?.name;
    if (holder !== undefined) return { key: `token:${holder}`, holder: true, who: `the token of ${holder}` };
    return { key: `address:${addressOf(req)}`, holder: false, who: 'this address' };
  }

  private checkRunning(caller: Account): Refusal | undefined {
    const max = this.limits.inFlight;
    if (max <= 0 || (this.running.get(caller.key) ?? 0) < max) return undefined;
    return tooMany(
      `Too many requests under way from ${caller.who}: at most ${max} at once. Wait for the answers first.`,
      1000,
    );
  }

  private checkTime(caller: Account): Refusal | undefined {
    const wait = this.time?.waitMs(caller.key) ?? 0;
    if (wait <= 0) return undefined;
    return tooMany(
      `The requests from ${caller.who} took more than ${this.limits.msPerSecond} ms of the server's time a second (${Math.round(this.time?.owing(caller.key) ?? 0)} ms used and not yet paid off).`,
      wait,
    );
  }

  private checkBody(req: IncomingMessage): Refusal | undefined {
    if (req.method !== 'POST') return undefined;
    const length = req.headers['content-length'];
    if (length === undefined) {
      // a body without a length (chunked) could be of any size: a GraphQL client always knows it
      return { status: 411, code: 'BAD_INPUT', message: 'A POST to /graphql must say its Content-Length.' };
    }
    const bytes = Number(length);
    if (!Number.isSafeInteger(bytes) || bytes > this.limits.maxBodyBytes) {
      return {
        status: 413,
        code: 'BAD_INPUT',
        message: `The request body is ${length} bytes; at most ${this.limits.maxBodyBytes} are accepted.`,
      };
    }
    return undefined;
  }

  private async checkRate(caller: Account): Promise<Refusal | undefined> {
    const [limiter, rate] = caller.holder
      ? [this.byToken, this.limits.perToken]
      : [this.byAddress, this.limits.perAddress];
    try {
      await limiter?.consume(caller.key);
      return undefined;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return tooMany(`Too many requests from ${caller.who}: at most ${rate} a second.`, e.msBeforeNext);
    }
  }
}

/** 429, with when to try again. */
function tooMany(message: string, msBeforeNext: number): Refusal {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return {
    status: 429,
    code: 'RATE_LIMITED',
    message: `${message} Try again in ${seconds} s.`,
    headers: { 'retry-after': String(seconds) },
  };
}

/** Answers a refused request as GraphQL errors are answered: JSON with the code. */
export function refuse(res: ServerResponse, refusal: Refusal): void {
  res.statusCode = refusal.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
  // the body is not read: the connection cannot be reused for another request
  if (refusal.status === 411 || refusal.status === 413) res.setHeader('connection', 'close');
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }));
}
