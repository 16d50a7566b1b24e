import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { Piscina } from 'piscina';
import type { GapParams, GapReport } from '../analysis/gap-report';
import type { HypotheticalEnterprise, WhatIf } from '../analysis/what-if';
import { codedError } from '../domain/errors';
import type { ChainSubgraph } from '../domain/records';
import { FairQueue } from './fair-queue';
import type { AnalysisRunner, RunOptions } from './runner';
import type { AnalysisAnswer, AnalysisTask } from './task';

export interface PoolOptions {
  /** Worker threads; default one less than the cores (at least one). */
  threads?: number;
  /**
   * Analyses waiting for a worker, over the whole server (default 256): past it, a request for more
   * is answered UNAVAILABLE (try again shortly) rather than queued behind minutes of others' work.
   */
  maxQueue?: number;
  /** Analyses one caller may have running and waiting (default 128: every chain's report, cold). */
  maxPerCaller?: number;
  /** The most memory a worker may take, in MiB. */
  maxHeapMb?: number;
}

/**
 * The chain analysis in a pool of worker threads (piscina): a gap report or a what-if runs off the
 * event loop, so that other requests are answered meanwhile, and one that runs past its request's
 * time is stopped for real — its worker is ended (and a new one started), not left computing an
 * answer nobody waits for. Callers take the workers in turn (FairQueue). A chain subgraph is
 * serialised once and kept by the workers that read it (task.ts); a store that builds a new
 * subgraph after a change sends the new one.
 */
export class AnalysisPool implements AnalysisRunner {
  private readonly pool: Piscina<AnalysisTask, AnalysisAnswer>;
  private readonly ids = new WeakMap<ChainSubgraph, string>();
  /** Each subgraph serialised once, in memory the workers share. */
  private readonly serialised = new WeakMap<ChainSubgraph, SharedArrayBuffer>();
  private next = 0;
  /** Who runs next: callers in turn. */
  private readonly queue: FairQueue;

  constructor(options: PoolOptions = {}) {
    const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    const filename = fileURLToPath(new URL(`./worker${extension()}`, import.meta.url));
    const maxQueue = options.maxQueue ?? 256;
    this.queue = new FairQueue(
      threads,
      maxQueue,
      Math.max(1, Math.min(options.maxPerCaller ?? 128, threads + maxQueue)),
    );
    this.pool = new Piscina({
      filename,
      minThreads: 0,
      maxThreads: threads,
      // a worker with nothing to do leaves after a minute, with the subgraphs it kept
      idleTimeout: 60_000,
      // TypeScript run as it is (node --import tsx) in the workers too
      execArgv: filename.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 4096 },
    });
  }

  gapReport(graph: ChainSubgraph, params: GapParams, options: RunOptions = {}): Promise<GapReport> {
    return this.run<GapReport>(graph, { kind: 'gapReport', params }, options);
  }

  whatIf(
    graph: ChainSubgraph,
    additions: readonly HypotheticalEnterprise[],
    params: GapParams,
    options: RunOptions = {},
  ): Promise<WhatIf> {
    return this.run<WhatIf>(graph, { kind: 'whatIf', params, additions }, options);
  }

  /** Worker threads alive, and analyses running and waiting. */
  get load(): { threads: number; running: number; waiting: number } {
    return { threads: this.pool.threads.length, ...this.queue.load };
  }

  async close(): Promise<void> {
    await this.pool.close({ force: true });
  }

  private async run<T>(graph: ChainSubgraph, task: TaskWithoutGraph, { signal, owner = '' }: RunOptions): Promise<T> {
    let release: () => void;
    try {
      release = await this.queue.take(owner, signal);
    } catch (e) {
      throw explained(e, signal);
    }
    try {
      return await this.runGraph<T>(graph, task, signal);
    } finally {
      release();
    }
  }

  private async runGraph<T>(graph: ChainSubgraph, task: TaskWithoutGraph, signal: AbortSignal | undefined): Promise<T> {
    let graphId = this.ids.get(graph);
    const fresh = graphId === undefined;
    if (graphId === undefined) {
      graphId = `g${++this.next}`;
      this.ids.set(graph, graphId);
    }
    // a subgraph no worker has seen goes with the task; else the worker is asked for its copy first
    let answer = await this.send(
      { ...task, graphId, ...(fresh ? { graph: this.shared(graph) } : {}) } as AnalysisTask,
      signal,
    );
    if (answer.missing)
      answer = await this.send({ ...task, graphId, graph: this.shared(graph) } as AnalysisTask, signal);
    if (answer.missing) throw new Error(`an analysis worker lost chain subgraph ${graphId}`);
    return JSON.parse(answer.json) as T;
  }

  /** `graph` serialised into shared memory, once. */
  private shared(graph: ChainSubgraph): SharedArrayBuffer {
    let shared = this.serialised.get(graph);
    if (!shared) {
      const bytes = serialize(graph);
      shared = new SharedArrayBuffer(bytes.length);
      new Uint8Array(shared).set(bytes);
      this.serialised.set(graph, shared);
    }
    return shared;
  }

  private async send(task: AnalysisTask, signal: AbortSignal | undefined): Promise<AnalysisAnswer> {
    try {
      return await this.pool.run(task, signal ? { signal } : {});
    } catch (e) {
      throw explained(e, signal);
    }
  }
}

/** A task before the pool names its graph. */
type TaskWithoutGraph = AnalysisTask extends infer T
  ? T extends AnalysisTask
    ? Omit<T, 'graphId' | 'graph'>
    : never
  : never;

/** A pool's failure as the client should see it: why it was stopped, or TIMEOUT. */
function explained(e: unknown, signal: AbortSignal | undefined): unknown {
  if (!signal?.aborted) return e;
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name !== 'AbortError'
    ? reason
    : codedError('TIMEOUT', 'The analysis took longer than the request may take, and was stopped.');
}

/** `.ts` when this file runs as TypeScript (tsx, vitest), `.js` when built. */
function extension(): string {
  return import.meta.url.endsWith('.ts') ? '.ts' : '.js';
}
