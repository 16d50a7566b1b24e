import type { GapParams } from '../analysis/gap-report';
import type { ChainSubgraph } from '../analysis/subgraph';
import type { HypotheticalEnterprise } from '../analysis/what-if';

/**
 * One piece of analysis for a worker. A chain subgraph is sent once to each worker and kept
 * there by its id (a worker keeps the last few): a later task names it, and is answered `missing`
 * when the worker does not have it, so that the pool sends it again with the graph.
 */
export type AnalysisTask =
  | { kind: 'gapReport'; graphId: string; graph?: ChainSubgraph; params: GapParams }
  | {
      kind: 'whatIf';
      graphId: string;
      graph?: ChainSubgraph;
      params: GapParams;
      additions: readonly HypotheticalEnterprise[];
    };

export type AnalysisAnswer<T> = { missing: true } | { missing: false; value: T };

/** How many chain subgraphs a worker keeps. */
export const GRAPHS_PER_WORKER = 12;
