import { type GapParams, type GapReport, gapReport } from '../analysis/gap-report';
import { type HypotheticalEnterprise, type WhatIf, whatIf } from '../analysis/what-if';
import type { ChainSubgraph } from '../domain/records';

/**
 * Where the chain analysis runs: in a pool of worker threads for a server (analysis-pool/pool.ts),
 * so that a heavy report never holds up other requests and one over its time is stopped; or in
 * the caller's own thread (`inlineAnalysis`), for tests and scripts.
 */
export interface AnalysisRunner {
  gapReport(graph: ChainSubgraph, params: GapParams, options?: RunOptions): Promise<GapReport>;
  whatIf(
    graph: ChainSubgraph,
    additions: readonly HypotheticalEnterprise[],
    params: GapParams,
    options?: RunOptions,
  ): Promise<WhatIf>;
  /** Stops the workers; nothing runs after. */
  close(): Promise<void>;
}

export interface RunOptions {
  /** Stops the work (or its wait for a worker) when aborted. */
  signal?: AbortSignal;
  /** Whose work it is (a token's holder, an address): callers take the workers in turn. */
  owner?: string;
}

/**
 * The analysis in the calling thread. It cannot be stopped half-way: a signal aborted before
 * it starts stops it, one aborted later does not.
 */
export const inlineAnalysis: AnalysisRunner = {
  async gapReport(graph, params, { signal } = {}) {
    signal?.throwIfAborted();
    return gapReport(graph, params);
  },
  async whatIf(graph, additions, params, { signal } = {}) {
    signal?.throwIfAborted();
    return whatIf(graph, additions, params);
  },
  async close() {},
};
