import type { GapParams } from '../analysis/gap-report';
import type { HypotheticalEnterprise } from '../analysis/what-if';

/**
 * One piece of analysis for a worker. A chain subgraph is sent once to each worker and kept
 * there by its id (a worker keeps the last few): a later task names it, and is answered `missing`
 * when the worker does not have it, so that the pool sends it again with the graph. The graph goes
 * serialised (v8.serialize) in shared memory: the pool serialises it once, however many workers
 * (or workers started again after one was stopped) read it; each reads it in its own thread.
 */
export type AnalysisTask =
  | { kind: 'gapReport'; graphId: string; graph?: SharedArrayBuffer; params: GapParams }
  | {
      kind: 'whatIf';
      graphId: string;
      graph?: SharedArrayBuffer;
      params: GapParams;
      additions: readonly HypotheticalEnterprise[];
    };

/**
 * A worker's answer: its value as JSON text. Reading 1.3 MB of report back as JSON takes the
 * event loop 8–12 ms; as a structured clone (what a worker's message is by default) 50–70 ms.
 */
export type AnalysisAnswer = { missing: true } | { missing: false; json: string };

/** How many chain subgraphs a worker keeps. */
export const GRAPHS_PER_WORKER = 12;
