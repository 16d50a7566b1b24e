import type { Size } from '@chain-atlas/seeds/scale';
import { findCentrality } from '../src/analysis/centrality';
import { findChokepoints } from '../src/analysis/chokepoints';
import { gapReport } from '../src/analysis/gap-report';
import { ChainIndexView } from '../src/analysis/subgraph';
import type { ChainSubgraph } from '../src/domain/records';
import { readDataset } from '../src/import/importer';
import { MemoryStore } from '../src/store/memory/memory-store';
import { dataset } from './datasets';
import { agree } from './scenario';
import { ms, printTable, timeEachAsync } from './stats';

/**
 * B7: a whole chain's gap report on the embedded store (the chain subgraph from the store, then
 * the analysis), every chain of the set; target p50 ≤ 50 ms on M.
 * B8: centrality (articulation points, bridges, betweenness) and chokepoints (single sources) on a chain subgraph of about
 * 5,000 enterprises; target ≤ 300 ms.
 * A report from a subgraph just built and one from the subgraph kept must be the same, for every
 * chain. Quick: one timed round.
 */
export async function b7b8(size: Size, { quick = false } = {}) {
  const rounds = quick ? 1 : 3;
  const store = new MemoryStore(await readDataset([dataset(size)]));
  const chainIds = (await store.chains()).map((c) => c.id);
  const graphs = await Promise.all(chainIds.map((id) => store.chainSubgraph(id)));
  const nodes = graphs.map((g) => g?.enterprises.length ?? 0);
  for (const id of chainIds) {
    store.forgetChainSubgraphs();
    const built = gapReport((await store.chainSubgraph(id)) as ChainSubgraph);
    const kept = gapReport((await store.chainSubgraph(id)) as ChainSubgraph);
    agree('B7', `chain ${id}'s gap reports from a subgraph just built and from the one kept`, built, kept);
  }
  // cold: the store builds the chain's subgraph (as after an import); warm: it has it already
  const cold = await timeEachAsync(
    chainIds,
    async (id) => {
      store.forgetChainSubgraphs();
      return gapReport((await store.chainSubgraph(id)) as ChainSubgraph);
    },
    rounds,
  );
  const subgraphOnly = await timeEachAsync(
    chainIds,
    (id) => {
      store.forgetChainSubgraphs();
      return store.chainSubgraph(id);
    },
    rounds,
  );
  const b7 = await timeEachAsync(
    chainIds,
    async (id) => gapReport((await store.chainSubgraph(id)) as ChainSubgraph),
    rounds,
  );

  // B8: a chain subgraph cut to about 5,000 enterprises (its first members and their links)
  const big = graphs[0] as ChainSubgraph;
  const keep = new Set(big.enterprises.slice(0, 5000).map((e) => e.id));
  const five: ChainSubgraph = {
    chain: big.chain,
    enterprises: big.enterprises.filter((e) => keep.has(e.id)),
    memberships: big.memberships.filter((m) => keep.has(m.enterpriseId)),
    supplies: big.supplies.filter((s) => keep.has(s.from) && keep.has(s.to)),
  };
  const b8 = await timeEachAsync(
    [five],
    async (g) => {
      const view = new ChainIndexView(g);
      return findChokepoints(view, findCentrality(view).bridges);
    },
    quick ? 1 : 5,
  );
  console.log(
    `\nB7 gap report per chain on ${size} (${chainIds.length} chains, ${Math.min(...nodes)}–${Math.max(...nodes)} enterprises in a chain subgraph), ms`,
  );
  printTable(
    ['step', 'p50', 'p95', 'target'],
    [
      ['chain subgraph built by the store', ms(subgraphOnly.p50), ms(subgraphOnly.p95), ''],
      ['gap report, subgraph built first (cold)', ms(cold.p50), ms(cold.p95), ''],
      ['gap report, subgraph kept (warm)', ms(b7.p50), ms(b7.p95), '≤ 50'],
    ],
  );
  console.log(
    `\nB8 chokepoints on a ${five.enterprises.length}-enterprise chain subgraph (${five.supplies.length} supply links), ms`,
  );
  printTable(
    ['step', 'p50', 'p95', 'target'],
    [['articulation points, bridges, betweenness, single sources', ms(b8.p50), ms(b8.p95), '≤ 300']],
  );
  return {
    b7,
    subgraphOnly,
    b8,
    chainSizes: nodes,
    b8Size: { enterprises: five.enterprises.length, links: five.supplies.length },
  };
}
