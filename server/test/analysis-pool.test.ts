import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_GAP_PARAMS, gapReport } from '../src/analysis/gap-report';
import { FairQueue } from '../src/analysis-pool/fair-queue';
import { AnalysisPool } from '../src/analysis-pool/pool';
import type { ChainSubgraph } from '../src/domain/records';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import { heavyChain } from './support/heavy-chain';

const pool = new AnalysisPool({ threads: 1, maxQueue: 2, maxPerCaller: 10 });
afterAll(() => pool.close());

describe('the analysis pool', async () => {
  const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
  const graph = (await store.chainSubgraph('logistics')) as ChainSubgraph;

  it('answers what the analysis answers in the calling thread', async () => {
    const report = await pool.gapReport(graph, DEFAULT_GAP_PARAMS);
    expect(report).toEqual(gapReport(graph, DEFAULT_GAP_PARAMS));
    // the worker kept the subgraph: asked again, the same answer
    expect(await pool.gapReport(graph, { ...DEFAULT_GAP_PARAMS, minFirms: 5 })).toEqual(
      gapReport(graph, { ...DEFAULT_GAP_PARAMS, minFirms: 5 }),
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
    const running = pool.gapReport(big, DEFAULT_GAP_PARAMS, { signal: stop.signal });
    setTimeout(() => stop.abort(new Error('enough')), 50);
    await expect(running).rejects.toThrow('enough');
    // the event loop was free meanwhile: the abort's timer ran on time, the work did not finish
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await pool.gapReport(graph, DEFAULT_GAP_PARAMS)).chainId).toBe('logistics');
  });

  it('refuses work past its queue with UNAVAILABLE, and takes work again once it drains', async () => {
    const big = heavyChain(graph);
    const stop = new AbortController();
    const tasks = Array.from({ length: 6 }, () => pool.gapReport(big, DEFAULT_GAP_PARAMS, { signal: stop.signal }));
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

describe('callers take the workers in turn', () => {
  it('starts the next caller waiting, not the next task of the caller with most waiting', async () => {
    const queue = new FairQueue(1, 100, 50);
    const started: string[] = [];
    // each task, once started, says so and ends at once
    const task = (owner: string) =>
      queue.take(owner).then((release) => {
        started.push(owner);
        release();
      });
    const first = await queue.take('flood');
    const waiting = [...Array.from({ length: 5 }, () => task('flood')), task('explorer'), task('analyst')];
    first();
    await Promise.all(waiting);
    expect(started).toEqual(['flood', 'explorer', 'analyst', 'flood', 'flood', 'flood', 'flood']);
  });

  it('refuses a caller past its share, and anyone past the queue, with UNAVAILABLE', async () => {
    const queue = new FairQueue(1, 3, 2);
    const release = await queue.take('a');
    const waiting = queue.take('a');
    await expect(queue.take('a')).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    const others = [queue.take('b'), queue.take('c')];
    await expect(queue.take('d')).rejects.toThrow(/busy with other analyses/);
    // a wait given up leaves the queue
    const stop = new AbortController();
    const given = new FairQueue(1, 3, 2);
    const hold = await given.take('x');
    const gone = given.take('y', stop.signal);
    stop.abort(new Error('left'));
    await expect(gone).rejects.toThrow('left');
    expect(given.load).toEqual({ running: 1, waiting: 0 });
    hold();
    release();
    (await waiting)();
    for (const o of others) (await o)();
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});
