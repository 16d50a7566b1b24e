import type { Size } from '@chain-atlas/seeds/scale';
import { TokenBook } from '../src/auth/tokens';
import { encodeId } from '../src/graphql/global-id';
import { neighbourhoodInOrder, segmentsInOrder } from '../src/graphql/schema/orders';
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

/** Quick: one request a side and one timed round, after the check that both answers are the same. */
export async function b4(size: Size, { quick = false } = {}) {
  const store = new MemoryStore(await readDataset([dataset(size)]));
  // as an analyst: nothing is withheld (a viewer is not shown an outside firm's needed segments)
  const yoga = createChainAtlasYoga(store, { tokens: new TokenBook([], 'analyst') });
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
    const differs = firstDifference(a, b);
    if (differs) throw new Error(`B4: the two answers differ at limit ${limit}: ${differs}`);
    const n = a.data.neighbourhood as { nodes: unknown[]; edges: unknown[] };
    const elements = n.nodes.length + n.edges.length;
    const bytes = Buffer.byteLength(JSON.stringify(a));
    const inputs = Array.from({ length: quick ? 1 : ROUNDS }, () => limit);
    const api = await timeEachAsync(inputs, viaApi, quick ? 1 : 3);
    const own = await timeEachAsync(inputs, direct, quick ? 1 : 3);
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
  console.log(
    `\nB4 API vs direct store call, the same neighbourhood JSON, on ${size}, ms (${quick ? '1 × 1' : `${ROUNDS} × 3`} runs each)`,
  );
  printTable(['elements', 'limit', 'KiB', 'API p50', 'API p95', 'direct p50', 'direct p95', 'ratio p50'], rows);
  return results;
}

/** What the API answers for the web app's Neighbourhood operation, built straight from the store. */
async function directNeighbourhood(store: GraphStore, id: string, limit: number) {
  // in the order the API promises (orders.ts): the same work on both sides
  const n = neighbourhoodInOrder(
    (await store.neighbourhood(id, { depth: 3, kinds: ['CONTROLS', 'SUPPLIES'], limit })) as Neighbourhood,
  );
  const segments = (await store.segmentsOf(n.nodes.map((e) => e.id))).map(segmentsInOrder);
  const chainIds = [...new Set(segments.flat().map((s) => s.chainId))];
  const chains = new Map((await store.chainsById(chainIds)).flatMap((c) => (c ? [[c.id, c]] : [])));
  const enterprise = (e: EnterpriseRecord, i: number) => ({
    id: encodeId('Enterprise', e.id),
    key: e.id,
    name: e.name,
    shortName: e.shortName,
    district: e.district ?? null,
    city: e.city ?? null,
    province: e.province ?? null,
    local: e.local,
    park: e.park ?? null,
    status: e.status ?? null,
    industry: e.industry ?? null,
    stockCode: e.stockCode ?? null,
    derivedFields: e.derived ?? [],
    attributes: Object.entries(e.attributes ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value })),
    foundedOn: e.foundedOn ?? null,
    registeredCapital: e.registeredCapital ?? null,
    registeredCapitalCurrency: e.registeredCapitalCurrency ?? 'CNY',
    employees: e.employees ?? null,
    revenue: e.revenue ?? null,
    tags: e.tags,
    role: e.role,
    segments: (segments[i] ?? []).map((s) => ({
      id: encodeId('Segment', s.id),
      key: s.id,
      name: s.name,
      tier: s.tier,
      chain: { id: encodeId('Chain', s.chainId), key: s.chainId, name: chains.get(s.chainId)?.name },
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
    share: r.kind === 'CONTROLS' ? (r.share ?? null) : null,
    product: r.kind === 'SUPPLIES' ? r.product : null,
  });
  return {
    centre: { id: encodeId('Enterprise', n.centreId) },
    nodes: n.nodes.map((e, i) => ({ distance: n.distances[i], enterprise: enterprise(e, i) })),
    edges: n.edges.map(edge),
    truncated: n.truncated,
  };
}

/**
 * Where two JSON values first differ, as a path and both values; undefined when they are the same.
 * The direct side mirrors the web app's operation by hand: when that operation asks for another
 * field, this says which, rather than that the answers differ.
 */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return Object.is(a, b) ? undefined : `${path}: API ${JSON.stringify(a)}, direct ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: an array on one side only`;
  const keys = Array.isArray(a)
    ? [...Array(Math.max(a.length, (b as unknown[]).length)).keys()].map(String)
    : [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (!Array.isArray(a)) {
    const order = (o: object) => Object.keys(o).join(',');
    if (order(a) !== order(b)) return `${path}: keys API [${order(a)}], direct [${order(b)}]`;
  }
  for (const k of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}${Array.isArray(a) ? `[${k}]` : `.${k}`}`,
    );
    if (found) return found;
  }
  return undefined;
}
