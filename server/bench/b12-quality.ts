import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidatesFor } from '../src/analysis/candidates';
import type { ChainSubgraph } from '../src/domain/records';
import { readDataset } from '../src/import/importer';
import { convertListed } from '../src/import/listed/convert';
import { writeOutput } from '../src/import/listed/output';
import { MemoryStore } from '../src/store/memory/memory-store';
import { writeGeneratedB12 } from './b12-generated';
import { HIDE_SEED, HIDE_SHARE, type HiddenPair, hideMemberships } from './b12-hide';
import { compare, poolOf, rankOf, ratio, type SegmentRanking } from './b12-metrics';
import { missCounts, PairFacts } from './b12-misses';
import { printB12 } from './b12-report';
import { agree, check } from './scenario';

/** The repository's root; the listed-company sources are looked for beside it. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LISTED_RAW = join(ROOT, '..', 'shared', 'datasets', 'chainkg', 'raw');

/** What B12 ranks with: candidatesFor, or a stand-in in tests. Best first. */
export type Ranker = (graph: ChainSubgraph, segmentId: string) => readonly { enterpriseId: string }[];

const seconds = (since: number) => (performance.now() - since) / 1e3;

/** The data: the converted listed-company set when its sources are there, else the generated one. */
async function prepare(scratch: string, raw: string) {
  const started = performance.now();
  if (existsSync(raw)) {
    const dir = join(scratch, 'b12-listed');
    writeOutput(dir, (await convertListed({ input: raw })).files);
    return { kind: 'listed' as const, dir, seconds: seconds(started) };
  }
  const dir = join(scratch, 'b12-generated');
  writeGeneratedB12(dir);
  return { kind: 'generated' as const, dir, seconds: seconds(started) };
}

/**
 * B12: hides the memberships of HIDE_SHARE of the firms (seed HIDE_SEED), ranks candidates for
 * every segment that lost one, and measures how well the hidden firms come back, against a
 * size-only and a random ranking of the same pools.
 */
export async function runB12(scratch: string, rank: Ranker, raw = LISTED_RAW) {
  const source = await prepare(scratch, raw);
  let t = performance.now();
  const data = await readDataset([source.dir]);
  const readSeconds = seconds(t);
  t = performance.now();
  const hidden = hideMemberships(data);
  const hideSeconds = seconds(t);
  t = performance.now();
  const store = new MemoryStore(hidden.dataset);
  const loadSeconds = seconds(t);
  t = performance.now();
  const graphs = new Map<string, ChainSubgraph>();
  for (const chain of await store.chains()) {
    const graph = await store.chainSubgraph(chain.id);
    if (graph) graphs.set(chain.id, graph);
  }
  const subgraphSeconds = seconds(t);

  const chainOf = new Map(hidden.dataset.segments.map((s) => [s.id, s.chainId]));
  const graphOf = (segmentId: string) => graphs.get(chainOf.get(segmentId) ?? '');
  const hiddenBy = new Map<string, string[]>();
  for (const p of hidden.pairs) hiddenBy.set(p.segmentId, [...(hiddenBy.get(p.segmentId) ?? []), p.enterpriseId]);
  const visibleBy = new Map<string, Set<string>>();
  for (const m of hidden.dataset.inSegment)
    visibleBy.set(m.segmentId, (visibleBy.get(m.segmentId) ?? new Set<string>()).add(m.enterpriseId));

  const segments: SegmentRanking[] = [];
  t = performance.now();
  for (const segmentId of [...hiddenBy.keys()].sort()) {
    const graph = graphOf(segmentId);
    const ranked = graph ? rank(graph, segmentId).map((c) => c.enterpriseId) : [];
    const known = visibleBy.get(segmentId) ?? new Set<string>();
    segments.push({ segmentId, list: ranked.filter((id) => !known.has(id)), hidden: hiddenBy.get(segmentId) ?? [] });
  }
  const rankSeconds = seconds(t);

  const enterprise = new Map(hidden.dataset.enterprises.map((e) => [e.id, e]));
  const figures = compare(segments, (id) => enterprise.get(id));
  const facts = new PairFacts(hidden.dataset);
  const missed: HiddenPair[] = segments.flatMap((s) =>
    s.hidden
      .filter((id) => rankOf(s.list, id) === undefined)
      .map((enterpriseId) => ({ enterpriseId, segmentId: s.segmentId })),
  );
  const result = {
    data: source.kind,
    hideShare: HIDE_SHARE,
    hideSeed: HIDE_SEED,
    firmsWithMemberships: hidden.firmsWithMemberships,
    hiddenFirms: hidden.firms.length,
    hiddenPairs: hidden.pairs.length,
    segments: segments.length,
    meanPool: segments.reduce((sum, s) => sum + poolOf(s).length, 0) / Math.max(1, segments.length),
    pairsMakingASegmentProduct: hidden.pairs.filter((p) => facts.makesProductOf(p)).length,
    ...figures,
    ratios: {
      vsSizeOnly: ratio(figures.model.hitsAt10, figures.sizeOnly.hitsAt10),
      vsRandom: ratio(figures.model.hitsAt10, figures.random.hitsAt10),
      vsRandomMean: ratio(figures.model.hitsAt10, figures.randomMean.hitsAt10),
    },
    misses: missCounts(missed, facts, graphOf),
    seconds: {
      [source.kind === 'listed' ? 'convert' : 'generate']: source.seconds,
      read: readSeconds,
      hide: hideSeconds,
      storeLoad: loadSeconds,
      subgraphs: subgraphSeconds,
      ranking: rankSeconds,
    },
  };
  printB12(result);
  return result;
}

export type B12Result = Awaited<ReturnType<typeof runB12>>;

/**
 * `pnpm bench -- --only B12`: B12 with the chain analysis' candidatesFor, default weights. Quick: on
 * the generated set (whatever lies beside the repository), twice; both runs must give the same
 * quality figures (they are deterministic), and the baselines, ranking every hidden pair, must
 * cover all of them.
 */
export async function b12(scratch: string, { quick = false } = {}) {
  const rank: Ranker = (graph, segmentId) => candidatesFor(graph, segmentId);
  if (!quick) return runB12(scratch, rank);
  const none = join(scratch, 'no-listed-data');
  const [first, second] = [await runB12(scratch, rank, none), await runB12(scratch, rank, none)];
  const quality = ({ seconds: _, ...r }: B12Result) => r;
  agree('B12', "two runs' quality figures", quality(first), quality(second));
  check('B12', first.hiddenPairs > 0, 'no membership was hidden');
  for (const baseline of ['sizeOnly', 'random'] as const)
    check(
      'B12',
      first[baseline].coverage === 1,
      `the ${baseline} baseline ranks ${first[baseline].coverage} of the pairs`,
    );
  return first;
}
