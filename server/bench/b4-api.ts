import type { Size } from '@chain-atlas/seeds/scale';
import { encodeId } from '../src/graphql/global-id';
import { readPersistedOperations } from '../src/graphql/use-persisted';
import { createChainAtlasYoga } from '../src/graphql/yoga';
import { readDataset } from '../src/import/importer';
import { PERSISTED_OPERATIONS_FILE } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import type { EnterpriseRecord, GraphStore, Neighbourhood, Relation } from '../src/store/port';
import { dataset } from './datasets';
import { busiest, limitFor } from './hub';
import { ms, printTable, timeEachAsync } from './stats';

/**
 * B4: the cost of the API. The same neighbourhood (the web app's own Neighbourhood operation, as
 * it sends it: by its persisted hash) of about 200, 2,000 and 10,000 elements (enterprises and
 * relationships), asked through yoga.fetch, against a direct store call that builds the very same
 * JSON by hand; in one run. Both sides end with the response body as UTF-8 bytes, what goes on the
 * wire (yoga.fetch answers with bytes; the direct side encodes its JSON). Target: API / direct ≤ 1.2.
 */
const TARGETS = [200, 2_000, 10_000];
const ROUNDS = 20;

export async function b4(size: Size) {
  const store = new MemoryStore(await readDataset([dataset(size)]));
  const yoga = createChainAtlasYoga(store);
  const [hash] =
    [...readPersistedOperations(PERSISTED_OPERATIONS_FILE)].find(([, t]) => t.startsWith('query Neighbourhood')) ?? [];
  if (!hash) throw new Error('The web app has no Neighbourhood operation in its persisted operations.');
  const hub = await busiest(store);
  const viaApi = async (limit: number) => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { id: hub, depth: 3, limit },
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    });
    return Buffer.from(await response.arrayBuffer());
  };
  const direct = async (limit: number) =>
    Buffer.from(JSON.stringify({ data: { neighbourhood: await directNeighbourhood(store, hub, limit) } }));

  const rows = [];
  const results: Record<string, unknown> = {};
  for (const target of TARGETS) {
    const limit = await limitFor(store, hub, target);
    const [a, b] = [JSON.parse((await viaApi(limit)).toString()), JSON.parse((await direct(limit)).toString())];
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`B4: the two answers differ at limit ${limit}`);
    const n = a.data.neighbourhood as { nodes: unknown[]; edges: unknown[] };
    const elements = n.nodes.length + n.edges.length;
    const bytes = Buffer.byteLength(JSON.stringify(a));
    const inputs = Array.from({ length: ROUNDS }, () => limit);
    const api = await timeEachAsync(inputs, viaApi);
    const own = await timeEachAsync(inputs, direct);
    const ratio = api.p50 / own.p50;
    results[`elements${target}`] = { elements, limit, bytes, api, direct: own, ratio };
    rows.push([
      elements,
      limit,
      (bytes / 1024).toFixed(0),
      ms(api.p50),
      ms(api.p95),
      ms(own.p50),
      ms(own.p95),
      ratio.toFixed(2),
    ]);
  }
  console.log(`\nB4 API vs direct store call, the same neighbourhood JSON, on ${size}, ms (${ROUNDS} × 3 runs each)`);
  printTable(['elements', 'limit', 'KiB', 'API p50', 'API p95', 'direct p50', 'direct p95', 'ratio p50'], rows);
  return results;
}

/** What the API answers for the web app's Neighbourhood operation, built straight from the store. */
async function directNeighbourhood(store: GraphStore, id: string, limit: number) {
  const n = (await store.neighbourhood(id, { depth: 3, kinds: ['CONTROLS', 'SUPPLIES'], limit })) as Neighbourhood;
  const segments = await store.segmentsOf(n.nodes.map((e) => e.id));
  const chainIds = [...new Set(segments.flat().map((s) => s.chainId))];
  const chains = new Map((await store.chainsById(chainIds)).flatMap((c) => (c ? [[c.id, c]] : [])));
  const enterprise = (e: EnterpriseRecord, i: number) => ({
    id: encodeId('Enterprise', e.id),
    key: e.id,
    name: e.name,
    shortName: e.shortName,
    district: e.district,
    local: e.local,
    park: e.park ?? null,
    status: e.status,
    foundedOn: e.foundedOn ?? null,
    registeredCapital: e.registeredCapital ?? null,
    employees: e.employees ?? null,
    revenue: e.revenue ?? null,
    tags: e.tags,
    role: e.role,
    segments: (segments[i] ?? []).map((s) => ({
      id: encodeId('Segment', s.id),
      name: s.name,
      tier: s.tier,
      chain: { id: encodeId('Chain', s.chainId), name: chains.get(s.chainId)?.name },
    })),
  });
  const edge = (r: Relation) => ({
    id: encodeId(
      'Relation',
      r.kind === 'CONTROLS' ? `CONTROLS:${r.from}>${r.to}` : `SUPPLIES:${r.from}>${r.to}:${r.product}`,
    ),
    kind: r.kind,
    fromId: encodeId('Enterprise', r.from),
    toId: encodeId('Enterprise', r.to),
    share: r.kind === 'CONTROLS' ? r.share : null,
    product: r.kind === 'SUPPLIES' ? r.product : null,
    annualValue: r.kind === 'SUPPLIES' ? (r.annualValue ?? null) : null,
    provenance: { source: r.source, confidence: r.confidence, verifiedAt: r.verifiedAt ?? null },
  });
  return {
    centre: { id: encodeId('Enterprise', n.centreId) },
    nodes: n.nodes.map((e, i) => ({ distance: n.distances[i], enterprise: enterprise(e, i) })),
    edges: n.edges.map(edge),
    truncated: n.truncated,
  };
}
