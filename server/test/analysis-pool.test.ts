import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_GAP_PARAMS, gapReport } from '../src/analysis/gap-report';
import type { ChainSubgraph } from '../src/analysis/subgraph';
import { AnalysisPool } from '../src/analysis-pool/pool';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import { heavyChain } from './heavy-chain';

const pool = new AnalysisPool({ threads: 1, maxQueue: 2 });
afterAll(() => pool.close());

describe('the analysis pool', async () => {
  const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
  const graph = (await store.chainSubgraph('logistics')) as ChainSubgraph;

  it('answers what the analysis answers in the calling thread', async () => {
    const report = await pool.gapReport(graph, DEFAULT_GAP_PARAMS);
    expect(report).toEqual(structuredClone(gapReport(graph, DEFAULT_GAP_PARAMS)));
    // the worker kept the subgraph: asked again, the same answer
    expect(await pool.gapReport(graph, { ...DEFAULT_GAP_PARAMS, minFirms: 5 })).toEqual(
      structuredClone(gapReport(graph, { ...DEFAULT_GAP_PARAMS, minFirms: 5 })),
    );
  });

  it('sends a subgraph again to a worker that no longer has it', async () => {
    const small = new AnalysisPool({ threads: 1 });
    try {
      await small.gapReport(graph, DEFAULT_GAP_PARAMS);
      // a new worker (the old one ended) knows no subgraph
      await small.close();
      const again = new AnalysisPool({ threads: 1 });
      expect((await again.gapReport(graph, DEFAULT_GAP_PARAMS)).chainId).toBe('logistics');
      await again.close();
    } finally {
      await small.close();
    }
  });

  it('stops an analysis when its signal is aborted, and its worker serves the next one', async () => {
    const big = heavyChain(graph);
    const stop = new AbortController();
    const started = performance.now();
    const running = pool.gapReport(big, DEFAULT_GAP_PARAMS, stop.signal);
    setTimeout(() => stop.abort(new Error('enough')), 50);
    await expect(running).rejects.toThrow('enough');
    // the event loop was free meanwhile: the abort's timer ran on time, the work did not finish
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await pool.gapReport(graph, DEFAULT_GAP_PARAMS)).chainId).toBe('logistics');
  });

  it('refuses work past its queue with UNAVAILABLE, and takes work again once it drains', async () => {
    const big = heavyChain(graph);
    const stop = new AbortController();
    const tasks = Array.from({ length: 6 }, () => pool.gapReport(big, DEFAULT_GAP_PARAMS, stop.signal));
    const codes = tasks.map((t) =>
      t.then(
        () => 'done',
        (e: { extensions?: { code?: string } }) => e.extensions?.code ?? String(e),
      ),
    );
    // one runs, two wait: the others are refused at once
    expect(await Promise.all(codes.slice(3))).toEqual(['UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE']);
    stop.abort(new Error('done'));
    expect(await Promise.all(codes.slice(0, 3))).not.toContain('UNAVAILABLE');
    expect((await pool.gapReport(graph, DEFAULT_GAP_PARAMS)).chainId).toBe('logistics');
  });
});
