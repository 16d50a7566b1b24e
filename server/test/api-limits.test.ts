import { describe, expect, it, vi } from 'vitest';
import { AnalysisPool } from '../src/analysis-pool/pool';
import type { ChainSubgraph } from '../src/domain/records';
import { MAX_PARAMETER_SETS } from '../src/graphql/context';
import { MAX_BATCH } from '../src/graphql/limits';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { createLogger, setRootLogger } from '../src/platform/log';
import { MemoryStore } from '../src/store/memory/memory-store';
import { heavyChain } from './support/heavy-chain';
import { demoApi, testTokenBook } from './support/helpers';
import { analysisBomb, explorerBomb, mutationBomb } from './support/hostile-queries';

const deep = `{ chains { nodes { ${'segments { chain { '.repeat(10)}name${' } }'.repeat(10)} } } }`;
const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: chains { totalCount }`).join(' ')} }`;
const wide = `{ chains(first: 100) { nodes { members(first: 100) { nodes { suppliers(first: 100) { nodes { name } } } } } } }`;

describe('bounds: hostile queries are refused before anything runs, and others are served meanwhile', () => {
  it.each([
    ['a query nested 20 levels deep', deep, /depth is 2\d, over the limit of 15/],
    ['a query with 1,000 aliases', aliases, /breadth is 2000, over the limit of 400/],
    ['a query of a million items', wide, /complexity is \d+, over the limit/],
  ])(
    'refuses %s with TOO_COMPLEX, no store call made, while normal requests are answered',
    async (_what, source, message) => {
      const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
      const spies = ['chains', 'getEnterprises', 'chainMembers', 'relationsOf'].map((m) =>
        vi.spyOn(store, m as 'chains'),
      );
      const { query } = await demoApi({ store });
      const hostile = Array.from({ length: 20 }, () => query(source));
      const normal = Array.from({ length: 20 }, () =>
        query<{ chains: { totalCount: number } }>('{ chains { totalCount } }'),
      );
      const [refused, served] = await Promise.all([Promise.all(hostile), Promise.all(normal)]);
      for (const r of refused) {
        expect(r.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
        expect(r.errors?.[0]?.message).toMatch(message);
        expect(r.data ?? null).toBeNull();
      }
      for (const r of served) expect(r.data?.chains.totalCount).toBe(11);
      // the store saw only the normal requests
      expect(spies[0]?.mock.calls.length).toBe(20);
      for (const spy of spies.slice(1)) expect(spy.mock.calls.length).toBe(0);
    },
  );

  it.each([
    [
      'a mutation whose fragments double 24 times',
      mutationBomb(24),
      /at most 10 fields at once; this one names 16777216/,
    ],
    ['a query whose fragments double 14 times', explorerBomb(14), /depth is \d+, over the limit of 15/],
  ])(
    'refuses %s at once: each fragment is counted once, before validation and compiling',
    async (_what, source, message) => {
      const { query } = await demoApi({ tokens: testTokenBook('editor') });
      const started = performance.now();
      const r = await query(source);
      // without counting each fragment once, this takes from seconds to minutes: the bound only
      // tells the two apart (the figures are in docs/benchmarks.md, B14)
      expect(performance.now() - started).toBeLessThan(5000);
      expect(new Set(r.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['TOO_COMPLEX']));
      expect(r.errors?.map((e) => e.message).join('\n')).toMatch(message);
    },
  );

  it('refuses ten sets of gap-report parameters over every chain before anything runs', async () => {
    const { query } = await demoApi();
    const r = await query(analysisBomb(10));
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_COMPLEX']);
    expect(r.errors?.[0]?.message).toMatch(/complexity is \d+, over the limit/);
    // one such set is fine, and so is the default report of every chain
    const one = await query<{ a0: { nodes: unknown[] } }>(
      `${analysisBomb(1).slice(0, -1)} plain: chains(first: 100) { nodes { gapReport { minCover } } } }`,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data?.a0.nodes).toHaveLength(11);
  });

  it(`refuses a request asking for more than ${MAX_PARAMETER_SETS} sets of gap-report parameters`, async () => {
    const { query } = await demoApi();
    const sets = (n: number) =>
      Array.from({ length: n }, (_, k) => `r${k}: gapReport(minFirms: ${k + 2}) { minFirms }`).join(' ');
    const fine = await query(`{ chain(id: "logistics") { ${sets(MAX_PARAMETER_SETS)} } }`);
    expect(fine.errors).toBeUndefined();
    const over = await query(`{ chain(id: "logistics") { ${sets(MAX_PARAMETER_SETS + 1)} } }`);
    expect(over.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
    expect(over.errors?.[0]?.message).toMatch(/at most 4 different sets of parameters; this one asks for 5/);
    // counted over the whole request, whatever level of the query asks
    const nested = await query(
      `{ chain(id: "logistics") { ${sets(3)} segments { a: candidates(first: 1, weights: { scale: 2 }) { totalCount } b: candidates(first: 1, weights: { scale: 3 }) { totalCount } } } }`,
      {},
      'analyst',
    );
    expect(nested.errors?.[0]?.extensions?.code).toBe('TOO_COMPLEX');
    expect(nested.errors?.[0]?.message).toMatch(/this one asks for 5/);
  });

  it("stops an analysis at the request's time limit and answers TIMEOUT, serving others meanwhile", async () => {
    const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
    const heavy = heavyChain((await store.chainSubgraph('logistics')) as ChainSubgraph, 200_000);
    vi.spyOn(store, 'chainSubgraph').mockResolvedValue(heavy);
    const analysis = new AnalysisPool({ threads: 1 });
    try {
      const { query } = await demoApi({ store, timeoutMs: 1000, analysis });
      const started = performance.now();
      const stuck = query('{ chain(id: "logistics") { gapReport { minCover } } }');
      // the event loop is free while the worker computes: these are answered at once
      const served: number[] = [];
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const t = performance.now();
        expect(
          (await query<{ chains: { totalCount: number } }>('{ chains { totalCount } }')).data?.chains.totalCount,
        ).toBe(11);
        served.push(performance.now() - t);
      }
      const answer = await stuck;
      expect(answer.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(performance.now() - started).toBeLessThan(5000);
      // the worker was ended, not left computing: the next analysis is answered
      vi.mocked(store.chainSubgraph).mockRestore();
      const next = await query<{ chain: { gapReport: { minCover: number } } }>(
        '{ chain(id: "logistics") { gapReport { minCover } } }',
      );
      expect(next.data?.chain.gapReport.minCover).toBe(1);
      expect(Math.max(...served)).toBeLessThan(1000);
    } finally {
      await analysis.close();
    }
  });

  it(`answers a batch of up to ${MAX_BATCH} operations, and refuses a larger one`, async () => {
    const { yoga } = await demoApi();
    const post = (n: number) =>
      yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: n }, () => ({ query: '{ chains { totalCount } }' }))),
      });
    const ok = (await (await post(MAX_BATCH)).json()) as { data: { chains: { totalCount: number } } }[];
    expect(ok).toHaveLength(MAX_BATCH);
    expect(ok.every((r) => r.data.chains.totalCount === 11)).toBe(true);
    const refused = await post(MAX_BATCH + 1);
    expect(refused.status).toBe(413);
    expect(JSON.stringify(await refused.json())).toMatch(/Batching is limited to 10 operations/);
  });

  it('answers TIMEOUT when an operation runs too long, and goes on serving others', async () => {
    const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
    const slow = new Promise<never>(() => {}); // a store call that never answers
    vi.spyOn(store, 'chainSubgraph').mockReturnValue(slow);
    const { query } = await demoApi({ store, timeoutMs: 300 });
    const [stuck, fine] = await Promise.all([
      query('{ chain(id: "logistics") { gapReport { minCover } } }'),
      query<{ chain: { name: string } }>('{ chain(id: "logistics") { name } }'),
    ]);
    expect(stuck.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    expect(stuck.errors?.[0]?.message).toMatch(/longer than 300 ms/);
    expect(fine.data?.chain.name).toBe('商贸物流');
  });

  it('never answers TIMEOUT for a mutation: a write under way completes, and its answer says so', async () => {
    const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
    const commit = store.commit.bind(store);
    vi.spyOn(store, 'commit').mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return commit(...args);
    });
    const { query } = await demoApi({ store, timeoutMs: 100 });
    const r = await query<{ updateEnterprise: { changed: boolean; enterprise: { revenue: number } } }>(
      'mutation { updateEnterprise(id: "91420103T375845494", input: { revenue: 1 }) { changed enterprise { revenue } } }',
      {},
      'editor',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateEnterprise).toEqual({ changed: true, enterprise: { revenue: 1 } });
  });

  it('masks every error that is not coded: a store failure reaches the client as "Unexpected error."', async () => {
    const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
    vi.spyOn(store, 'chains').mockRejectedValue(new Error('disk /secret/path is on fire'));
    const lines: string[] = [];
    setRootLogger(createLogger({ write: (line: string) => lines.push(line) }, 'info'));
    const { query } = await demoApi({ store });
    const r = await query('{ chains { totalCount } }');
    setRootLogger(createLogger());
    expect(r.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toMatch(/secret/);
    // the details go to the server's log instead
    const logged = lines.map((l) => JSON.parse(l) as { level: number; err?: { message: string } });
    expect(logged.some((l) => l.level >= 50 && l.err?.message.includes('on fire'))).toBe(true);
  });
});
