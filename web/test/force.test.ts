import { afterEach, describe, expect, it, vi } from 'vitest';
import { forcePositions } from '../src/graph/layouts/force';
import type { ForceReply, ForceRequest } from '../src/graph/layouts/simulation';
import { random } from './fixtures';

type Point = { x: number; y: number };
const distance = (a: Point | undefined, b: Point | undefined) =>
  a && b ? Math.hypot(a.x - b.x, a.y - b.y) : Number.NaN;
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** A seeded pseudo-random generator (mulberry32), so the graphs are the same on every run. */

function randomGraph(nodeCount: number, edgeCount: number, seed = 7) {
  const next = random(seed);
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({ id: `n${i}` }));
  const pick = () => `n${Math.floor(next() * nodeCount)}`;
  const edges = Array.from({ length: edgeCount }, () => ({ source: pick(), target: pick() }));
  return { nodes, edges };
}

/** Two rings of six nodes, unlinked to each other, plus an isolated node and edges to unknown nodes. */
const small = () => {
  const nodes = [...Array.from({ length: 12 }, (_, i) => ({ id: `n${i}` })), { id: 'alone' }];
  const edges = Array.from({ length: 12 }, (_, i) => ({
    source: `n${i}`,
    target: `n${i < 6 ? (i + 1) % 6 : 6 + ((i + 1) % 6)}`,
  }));
  return { nodes, edges: [...edges, { source: 'n0', target: 'ghost' }, { source: 'n1', target: 'n1' }] };
};

describe('forcePositions (in this thread: Node has no Worker)', () => {
  it('gives every node a finite position, linked nodes closer than unlinked ones', async () => {
    const { nodes, edges } = small();
    const positions = await forcePositions(nodes, edges, { budgetMs: 5000 });
    expect([...positions.keys()]).toEqual(nodes.map((node) => node.id));
    for (const { x, y } of positions.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    const linked = new Set(edges.map((e) => `${e.source}>${e.target}`));
    const [near, far] = [true, false].map((wanted) =>
      mean(
        nodes.flatMap((a) =>
          nodes
            .filter((b) => a.id < b.id && (linked.has(`${a.id}>${b.id}`) || linked.has(`${b.id}>${a.id}`)) === wanted)
            .map((b) => distance(positions.get(a.id), positions.get(b.id))),
        ),
      ),
    );
    expect(near).toBeLessThan(far ?? 0);
  });

  it('is deterministic when it cools within the budget, and keeps fixed nodes where they are', async () => {
    const { nodes, edges } = small();
    const first = await forcePositions(nodes, edges, { budgetMs: 5000 });
    expect(await forcePositions(nodes, edges, { budgetMs: 5000 })).toEqual(first);
    const fixed = new Map([
      ['n0', { x: 500, y: -300 }],
      ['n7', { x: -40, y: 25 }],
    ]);
    const pinned = await forcePositions(nodes, edges, { budgetMs: 5000, fixed, initial: first });
    expect(pinned.get('n0')).toEqual({ x: 500, y: -300 });
    expect(pinned.get('n7')).toEqual({ x: -40, y: 25 });
    expect(distance(pinned.get('n1'), pinned.get('n0'))).toBeLessThan(300); // pulled along by its link
  });

  it('stops at the budget on a big graph, reporting progress', async () => {
    const { nodes, edges } = randomGraph(2000, 3000);
    const timed = async () => {
      const progress: number[] = [];
      const start = performance.now();
      const positions = await forcePositions(nodes, edges, { budgetMs: 50, onProgress: (done) => progress.push(done) });
      return { positions, progress, ms: performance.now() - start };
    };
    // The first run also pays for compiling d3-force's code; on a busy machine one cold tick can take 100+ ms.
    const cold = await timed();
    const { positions, progress, ms } = await timed();
    console.log(
      `forcePositions, 2,000 nodes / 3,000 edges, budget 50 ms: ${cold.ms.toFixed(1)} ms cold, ${ms.toFixed(1)} ms warm`,
    );
    expect(ms).toBeLessThan(50 + 200);
    expect(positions.size).toBe(2000);
    for (const { x, y } of positions.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('yields to the event loop between slices', async () => {
    const { nodes, edges } = randomGraph(300, 450);
    // A timer set when a slice ends must have run before the next slice ends.
    let slices = 0;
    let timerRan = true;
    let starved = 0;
    const start = performance.now();
    await forcePositions(nodes, edges, {
      budgetMs: 5000,
      onProgress: () => {
        slices++;
        if (!timerRan) starved++;
        timerRan = false;
        setTimeout(() => (timerRan = true), 0);
      },
    });
    console.log(`300 nodes / 450 edges: cooled in ${(performance.now() - start).toFixed(1)} ms, ${slices} slices`);
    expect(slices).toBeGreaterThan(2);
    expect(starved).toBe(0);
  });

  it('rejects with an AbortError when aborted, before or during the run', async () => {
    const { nodes, edges } = randomGraph(2000, 3000);
    const controller = new AbortController();
    const run = forcePositions(nodes, edges, { budgetMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const start = performance.now();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - start).toBeLessThan(1000);
    await expect(forcePositions(nodes, edges, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('force.worker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers a request with progress, then one position per node', async () => {
    const replies: ForceReply[] = [];
    const scope: { onmessage: ((event: { data: ForceRequest }) => void) | null; postMessage(r: ForceReply): void } = {
      onmessage: null,
      postMessage: (reply) => replies.push(reply),
    };
    vi.stubGlobal('self', scope);
    await import('../src/graph/layouts/force.worker');
    const request: ForceRequest = {
      ids: ['a', 'b', 'c'],
      links: [
        [0, 1],
        [1, 2],
      ],
      fixed: [[0, 10, 20]],
      initial: [],
      deadline: Date.now() + 2000,
    };
    scope.onmessage?.({ data: request });
    await vi.waitFor(() => expect(replies.at(-1)?.type).toBe('done'));
    const done = replies.at(-1);
    expect(done?.type === 'done' && done.xy.length).toBe(6);
    expect(done?.type === 'done' && done.xy.slice(0, 2)).toEqual([10, 20]);
    expect(replies.filter((reply) => reply.type === 'progress').at(-1)).toEqual({ type: 'progress', done: 1 });
  });
});
