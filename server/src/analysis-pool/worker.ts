import { deserialize } from 'node:v8';
import { gapReport } from '../analysis/gap-report';
import { whatIf } from '../analysis/what-if';
import type { ChainSubgraph } from '../domain/records';
import { type AnalysisAnswer, type AnalysisTask, GRAPHS_PER_WORKER } from './task';

/** The chain subgraphs this worker was sent, the most recently used last. */
const graphs = new Map<string, ChainSubgraph>();

function graphOf(task: AnalysisTask): ChainSubgraph | undefined {
  const graph = task.graph ? (deserialize(Buffer.from(task.graph)) as ChainSubgraph) : graphs.get(task.graphId);
  if (!graph) return undefined;
  graphs.delete(task.graphId);
  graphs.set(task.graphId, graph);
  if (graphs.size > GRAPHS_PER_WORKER) graphs.delete(graphs.keys().next().value as string);
  return graph;
}

/** A task of the analysis pool (pool.ts), run in a worker thread. */
export default function run(task: AnalysisTask): AnalysisAnswer {
  const graph = graphOf(task);
  if (!graph) return { missing: true };
  const value = task.kind === 'gapReport' ? gapReport(graph, task.params) : whatIf(graph, task.additions, task.params);
  return { missing: false, json: JSON.stringify(value) };
}
