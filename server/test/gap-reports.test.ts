import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP_PARAMS, type GapParams, type GapReport, gapParamsKey } from '../src/analysis/gap-report';
import type { AnalysisRunner } from '../src/analysis-pool/runner';
import type { ChainSubgraph } from '../src/domain/records';
import { keptReport } from '../src/graphql/gap-reports';

/** A runner that counts the reports it is asked to compute. */
function countingRunner(): AnalysisRunner & { computed: GapParams[] } {
  const computed: GapParams[] = [];
  return {
    computed,
    gapReport: async (_graph, params) => {
      computed.push(params);
      return { segments: [] } as unknown as GapReport;
    },
    whatIf: () => Promise.reject(new Error('not used')),
    close: async () => {},
  };
}

describe('gap reports kept by chain subgraph and parameters', () => {
  it('keys parameters by their values, not by how their object was built', () => {
    const a = { ...DEFAULT_GAP_PARAMS, weights: { PRODUCT_MATCH: 2, SCALE: 0 } };
    const b = { ...DEFAULT_GAP_PARAMS, weights: { SCALE: 0, PRODUCT_MATCH: 2 } };
    expect(gapParamsKey(a)).toBe(gapParamsKey(b));
    expect(gapParamsKey(DEFAULT_GAP_PARAMS)).toBe(gapParamsKey({ ...DEFAULT_GAP_PARAMS, weights: {} }));
    expect(gapParamsKey(a)).not.toBe(gapParamsKey({ ...a, minCover: 2 }));
    expect(gapParamsKey(a)).not.toBe(gapParamsKey({ ...DEFAULT_GAP_PARAMS, weights: { PRODUCT_MATCH: 3, SCALE: 0 } }));
  });

  it('computes a report once for the same subgraph and parameters, again for a new subgraph', async () => {
    const runner = countingRunner();
    const graph = {} as ChainSubgraph;
    const first = { ...DEFAULT_GAP_PARAMS, weights: { PRODUCT_MATCH: 2, SCALE: 0 } };
    const same = { minLocalSourcing: 0.5, minFirms: 3, minCover: 1, weights: { SCALE: 0, PRODUCT_MATCH: 2 } };
    await keptReport(graph, first, runner, {});
    await keptReport(graph, same, runner, {});
    expect(runner.computed).toHaveLength(1);
    await keptReport(graph, DEFAULT_GAP_PARAMS, runner, {});
    expect(runner.computed).toHaveLength(2);
    // the graph changed: its subgraph is a new object, its reports are computed anew
    await keptReport({} as ChainSubgraph, first, runner, {});
    expect(runner.computed).toHaveLength(3);
  });
});
