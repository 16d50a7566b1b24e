import { type GapParams, type GapReport, gapParamsKey } from '../analysis/gap-report';
import type { AnalysisRunner, RunOptions } from '../analysis-pool/runner';
import type { ChainSubgraph } from '../domain/records';

/**
 * Gap reports kept with the chain subgraph they were computed from: a store that keeps its
 * subgraphs until the graph changes (the embedded store) computes each report once per change,
 * not once per request, and requests asking for one being computed wait for the same work; one
 * that builds a subgraph per request (Neo4j) keeps nothing. At most REPORTS_PER_GRAPH sets of
 * parameters per subgraph. The work stops when every request waiting for it has given up (its
 * time is over), and a report that failed is not kept.
 */
const keptReports = new WeakMap<ChainSubgraph, Map<string, SharedReport>>();
const REPORTS_PER_GRAPH = 16;

interface SharedReport {
  report: Promise<GapReport>;
  /** Requests waiting for it while it is computed. */
  waiting: number;
  stop: AbortController;
}

export function keptReport(
  graph: ChainSubgraph,
  params: GapParams,
  analysis: AnalysisRunner,
  { signal, owner }: RunOptions,
): Promise<GapReport> {
  const key = gapParamsKey(params);
  let reports = keptReports.get(graph);
  if (!reports) {
    reports = new Map();
    keptReports.set(graph, reports);
  }
  let shared = reports.get(key);
  if (!shared) {
    const stop = new AbortController();
    const report = analysis.gapReport(graph, params, { signal: stop.signal, ...(owner ? { owner } : {}) });
    const entry: SharedReport = { report, waiting: 0, stop };
    if (reports.size >= REPORTS_PER_GRAPH) reports.delete(reports.keys().next().value as string);
    reports.set(key, entry);
    const kept = reports;
    entry.report.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    shared = entry;
  }
  return waitFor(shared, signal);
}

/** The shared report, or this request's reason to stop waiting for it, whichever comes first. */
function waitFor(shared: SharedReport, signal: AbortSignal | undefined): Promise<GapReport> {
  if (!signal) return shared.report;
  signal.throwIfAborted();
  shared.waiting += 1;
  return new Promise<GapReport>((resolve, reject) => {
    const giveUp = () => {
      reject(signal.reason);
      shared.waiting -= 1;
      if (shared.waiting === 0) shared.stop.abort(signal.reason);
    };
    signal.addEventListener('abort', giveUp, { once: true });
    shared.report.then(
      (report) => {
        signal.removeEventListener('abort', giveUp);
        resolve(report);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', giveUp);
        reject(e);
      },
    );
  });
}
