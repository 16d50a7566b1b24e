import { codedError } from '../domain/errors';

interface Waiter {
  start: () => void;
  fail: (e: unknown) => void;
}

/**
 * Slots for work shared fairly between owners (callers): when a slot frees, it goes to the next
 * owner in turn that is waiting, not to whoever asked first — a caller with a hundred analyses
 * waiting does not make another's one wait behind them all. Past `maxWaiting` in all, or
 * `maxPerOwner` for one owner (running and waiting), more is refused with UNAVAILABLE at once.
 */
export class FairQueue {
  private running = 0;
  private waiting = 0;
  /** Owners with work waiting, in turn order (the next to start first). */
  private readonly queues = new Map<string, Waiter[]>();
  /** Work running or waiting, by owner. */
  private readonly held = new Map<string, number>();

  /** The refusals, made once: a flood may be refused thousands of times a second. */
  private readonly full: Error;
  private readonly overShare: Error;

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
    private readonly maxPerOwner: number,
  ) {
    this.full = codedError(
      'UNAVAILABLE',
      'The server is busy with other analyses and cannot take more now. Try again in a few seconds.',
    );
    this.overShare = codedError(
      'UNAVAILABLE',
      `At most ${maxPerOwner} analyses may be under way for one caller; wait for those first.`,
    );
  }

  /** Resolves with the slot's release once `owner` may start; rejects when refused or aborted. */
  async take(owner: string, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const held = this.held.get(owner) ?? 0;
    if (held >= this.maxPerOwner) throw this.overShare;
    if (this.running >= this.slots && this.waiting >= this.maxWaiting) throw this.full;
    this.held.set(owner, held + 1);
    const release = () => {
      this.running -= 1;
      this.unhold(owner);
      this.next();
    };
    if (this.running < this.slots) {
      this.running += 1;
      return release;
    }
    return new Promise<() => void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', abort);
          resolve(release);
        },
        fail: reject,
      };
      const abort = () => {
        const queue = this.queues.get(owner);
        const at = queue?.indexOf(waiter) ?? -1;
        if (queue && at >= 0) {
          queue.splice(at, 1);
          if (queue.length === 0) this.queues.delete(owner);
          this.waiting -= 1;
          this.unhold(owner);
        }
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      const queue = this.queues.get(owner);
      if (queue) queue.push(waiter);
      else this.queues.set(owner, [waiter]);
      this.waiting += 1;
    });
  }

  /** One piece of `owner`'s work less, running or waiting. */
  private unhold(owner: string): void {
    const left = (this.held.get(owner) ?? 1) - 1;
    if (left > 0) this.held.set(owner, left);
    else this.held.delete(owner);
  }

  /** Starts the next owner's first waiter in a free slot; that owner goes to the end of the turn. */
  private next(): void {
    while (this.running < this.slots && this.queues.size > 0) {
      const [owner, queue] = this.queues.entries().next().value as [string, Waiter[]];
      this.queues.delete(owner);
      const waiter = queue.shift() as Waiter;
      if (queue.length > 0) this.queues.set(owner, queue);
      this.waiting -= 1;
      this.running += 1;
      waiter.start();
    }
  }

  /** Work running and waiting, for a test or a health line. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting };
  }
}
