/**
 * What keeps the audit log small when callers repeat themselves: refused mutations get a line of
 * their own only a few times a minute per caller (the rest are counted and summed up in one line),
 * and an analyst's reads of a chain's candidates get one line when they start and one line summing
 * up the rest of the minute. Pure bookkeeping: the AuditLog writes what comes out of it.
 */

/** Who did it, as the audit log names them. */
export interface Actor {
  who: string;
  role: string;
  from: string;
  requestId?: string;
}

/** A line to write: a summary of what was counted rather than written one by one. */
export interface Tallied extends Omit<Actor, 'requestId'> {
  action: string;
  target: string;
  detail: Record<string, unknown>;
  outcome: string;
}

export interface TallyLimits {
  /** The length of a window, ms (default a minute). */
  intervalMs: number;
  /** Refusals a caller gets a line of its own for, per window (default 5). */
  refusalsPerCaller: number;
  /** Refusals, all callers together, that get a line of their own per window (default 100). */
  refusalsTotal: number;
  /** Callers (or caller and chain pairs) followed at once; any more are counted together, as `*`. */
  maxKeys: number;
}

export const DEFAULT_TALLY_LIMITS: TallyLimits = {
  intervalMs: 60_000,
  refusalsPerCaller: 5,
  refusalsTotal: 100,
  maxKeys: 10_000,
};

/** The summary line of dropped refusals. */
export const DROPPED_REFUSALS = 'droppedRefusals';
/** The action of a record of candidates read. */
export const READ_CANDIDATES = 'readCandidates';

interface Window extends Omit<Actor, 'requestId'> {
  start: number;
  last: number;
  /** Refusals: lines written; reads: 1 (the first read's line). */
  written: number;
  /** Refusals dropped, or reads after the first. */
  counted: number;
  rows: number;
  /** Refusals: per field; reads: the chain. */
  actions: Record<string, number>;
  target: string;
}

const ANYONE = { who: '*', role: '*', from: '*' };

/** A caller's key: a token by its name, anyone else by address. */
const callerKey = (a: Actor) => (a.who === 'anonymous' ? `@${a.from}` : `${a.who}\u0000${a.role}`);

export class Tallies {
  private readonly refusals = new Map<string, Window>();
  private overall: Window | undefined;
  private readonly reads = new Map<string, Window>();
  /** Lines due to be written (windows that ended with something counted). */
  private readonly ready: Tallied[] = [];

  constructor(readonly limits: TallyLimits = DEFAULT_TALLY_LIMITS) {}

  /** A refused mutation: whether it gets a line of its own (else it is counted, for a summary). */
  admitRefusal(actor: Actor, action: string, now: number): boolean {
    const overall = this.rollOverall(now);
    const mine = this.roll(this.refusals, callerKey(actor), now, () => this.window(actor, '', now));
    if (mine && mine.written < this.limits.refusalsPerCaller && overall.written < this.limits.refusalsTotal) {
      mine.written++;
      overall.written++;
      return true;
    }
    // over the caller's share: counted for the caller's summary; a caller with no line of its own
    // this window (everyone's share used up, or too many callers to follow): for everyone's, so
    // that summaries are as few as the lines written
    const counted = mine && mine.written > 0 ? mine : overall;
    counted.counted++;
    counted.last = now;
    counted.actions[action] = (counted.actions[action] ?? 0) + 1;
    return false;
  }

  /** A read of a chain's candidates (rows served): true for the first of its window (to be written at once). */
  noteRead(actor: Actor, chain: string, rows: number, now: number): boolean {
    const key = `${callerKey(actor)}\u0000${actor.from}\u0000${chain}`;
    const window =
      this.roll(this.reads, key, now, () => this.window(actor, chain, now)) ??
      this.roll(this.reads, '*', now, () => this.window(ANYONE, '*', now));
    if (!window) return true;
    if (window.written === 0 && window.who !== '*') {
      window.written = 1;
      return true;
    }
    window.counted++;
    window.rows += rows;
    window.last = now;
    window.actions[chain] = (window.actions[chain] ?? 0) + 1;
    return false;
  }

  /** The summaries due: of windows that have ended, or of every window (`all`, when stopping). */
  due(now: number, all = false): Tallied[] {
    for (const map of [this.refusals, this.reads]) {
      for (const [key, w] of map) {
        if (!all && now - w.start < this.limits.intervalMs) continue;
        map.delete(key);
        this.close(map, w, now);
      }
    }
    if (this.overall && (all || now - this.overall.start >= this.limits.intervalMs)) {
      this.close(this.refusals, this.overall, now);
      this.overall = undefined;
    }
    return this.ready.splice(0);
  }

  /** Whether anything is counted and not yet summed up. */
  get pending(): boolean {
    return this.refusals.size + this.reads.size > 0 || this.overall !== undefined || this.ready.length > 0;
  }

  /** The window of `key`, a new one when its interval is over (the old one summed up); undefined when too many are followed. */
  private roll(map: Map<string, Window>, key: string, now: number, make: () => Window): Window | undefined {
    const current = map.get(key);
    if (current && now - current.start < this.limits.intervalMs) return current;
    if (current) {
      map.delete(key);
      this.close(map, current, now);
    } else if (map.size >= this.limits.maxKeys && key !== '*') return undefined;
    const fresh = make();
    map.set(key, fresh);
    return fresh;
  }

  /** Everyone's window of refusals. */
  private rollOverall(now: number): Window {
    if (this.overall && now - this.overall.start < this.limits.intervalMs) return this.overall;
    if (this.overall) this.close(this.refusals, this.overall, now);
    this.overall = this.window(ANYONE, '', now);
    return this.overall;
  }

  private window(actor: Omit<Actor, 'requestId'>, target: string, now: number): Window {
    return {
      who: actor.who,
      role: actor.role,
      from: actor.from,
      start: now,
      last: now,
      written: 0,
      counted: 0,
      rows: 0,
      actions: {},
      target,
    };
  }

  /** The summary line of a window that counted something. */
  private close(map: Map<string, Window>, w: Window, now: number): void {
    if (w.counted === 0) return;
    const since = new Date(w.start).toISOString();
    const until = new Date(Math.min(now, w.start + this.limits.intervalMs)).toISOString();
    const who = { who: w.who, role: w.role, from: w.from };
    if (map === this.refusals) {
      this.ready.push({
        ...who,
        action: DROPPED_REFUSALS,
        target: `${w.counted} refused mutation(s) not recorded one by one`,
        detail: { dropped: w.counted, actions: w.actions, since, until },
        outcome: 'FORBIDDEN',
      });
    } else {
      this.ready.push({
        ...who,
        action: READ_CANDIDATES,
        target: w.target,
        detail: { reads: w.counted, rows: w.rows, since, until, ...(w.target === '*' ? { chains: w.actions } : {}) },
        outcome: 'ok',
      });
    }
  }
}
