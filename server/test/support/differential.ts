import type { Role } from '../../src/auth/roles';
import type { Query } from './helpers';

/** One request of the differential test: what the web app or the cookbook sends. */
export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  role?: Role | undefined;
}

/**
 * Lists whose order the API does not promise, by the name of the field that holds them: compared
 * as sets. Every other list is compared in order.
 */
export const UNORDERED_FIELDS = new Set<string>([]);

/**
 * Where two answers differ, as "path: a ≠ b" lines (the first 5). Lists under UNORDERED_FIELDS are
 * compared as sorted by their JSON.
 */
export function differences(a: unknown, b: unknown, path = '', field = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${a.length} items ≠ ${b.length} items`];
    const [x, y] = UNORDERED_FIELDS.has(field) ? [sortedByJson(a), sortedByJson(b)] : [a, b];
    const found: string[] = [];
    for (let i = 0; i < x.length && found.length < 5; i++)
      found.push(...differences(x[i], y[i], `${path}[${i}]`, field));
    return found.slice(0, 5);
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const found: string[] = [];
    for (const key of keys) {
      if (found.length >= 5) break;
      found.push(...differences(a[key], b[key], path ? `${path}.${key}` : key, key));
    }
    return found.slice(0, 5);
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  return [`${path}: ${short(a)} ≠ ${short(b)}`];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sortedByJson = (list: unknown[]) =>
  list
    .map((v) => [JSON.stringify(v), v] as const)
    .sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0))
    .map(([, v]) => v);
const short = (v: unknown) => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

const named = (documents: string[], name: string): string => {
  const found = documents.find((d) => new RegExp(`^\\s*(query|mutation)\\s+${name}\\b`).test(d));
  if (!found) throw new Error(`the web app sends no operation ${name}`);
  return found;
};

interface Overview {
  chains: { nodes: { id: string; anchors: { id: string; shortName: string }[] }[] };
}
interface ChainMap {
  chain: { segments: { id: string }[] } | null;
}

/**
 * Every operation the web app sends (web/src/persisted-operations.json), with variables as the web
 * app would give them, taken from the data through `query` (the embedded store's API): each chain,
 * some of its segments, its anchors, paths between them, searches by their names. Each as an
 * analyst and, where the view is open to everyone, as the anonymous viewer.
 */
export async function webOperations(documents: string[], query: Query): Promise<Operation[]> {
  const op = (name: string, variables: Record<string, unknown>, role?: Role): Operation => ({
    name,
    query: named(documents, name),
    variables,
    role,
  });
  const overview = (await query<Overview>(named(documents, 'ChainsOverview'), {}, 'analyst')).data;
  if (!overview) throw new Error('ChainsOverview answered nothing');
  const chains = overview.chains.nodes.slice(0, 6);
  const anchors = [...new Map(chains.flatMap((c) => c.anchors).map((a) => [a.id, a])).values()].slice(0, 6);
  const ops: Operation[] = [
    op('ChainsOverview', {}),
    op('ChainsOverview', {}, 'analyst'),
    op('Me', {}),
    op('Me', {}, 'analyst'),
  ];
  for (const chain of chains) {
    for (const role of [undefined, 'analyst'] as const)
      ops.push(op('ChainMap', { id: chain.id, local: 8, outside: 8 }, role));
    ops.push(op('Targets', { id: chain.id }, 'analyst'));
    ops.push(op('Targets', { id: chain.id, weights: { complement: 2, proximity: 0.5 } }, 'analyst'));
    const map = (await query<ChainMap>(named(documents, 'ChainMap'), { id: chain.id, local: 1, outside: 1 }, 'analyst'))
      .data;
    for (const segment of (map?.chain?.segments ?? []).slice(0, 4)) {
      ops.push(op('GapCandidates', { id: segment.id, first: 10 }, 'analyst'));
      for (const local of [true, false]) {
        ops.push(op('SegmentFirms', { id: segment.id, local, first: 20 }, 'analyst'));
        ops.push(op('SegmentFirms', { id: segment.id, local, first: 20 }));
      }
    }
  }
  ops.push(op('RecordExport', { chain: chains[0]?.id, format: 'csv', rows: 3 }, 'analyst'));
  for (const anchor of anchors) {
    ops.push(op('SystemOf', { id: anchor.id }));
    for (const depth of [1, 2]) ops.push(op('Neighbourhood', { id: anchor.id, depth, limit: 200 }));
    ops.push(op('Neighbourhood', { id: anchor.id, depth: 2, limit: 40, kinds: ['SUPPLIES'] }));
    ops.push(op('SearchEnterprises', { query: anchor.shortName.slice(0, 2), first: 20 }));
  }
  for (let i = 0; i + 1 < anchors.length; i++) {
    const [from, to] = [anchors[i]?.id, anchors[i + 1]?.id];
    ops.push(op('Path', { from, to, maxHops: 4 }));
    ops.push(op('Path', { from, to, maxHops: 6, kinds: ['CONTROLS'] }));
  }
  ops.push(op('SearchEnterprises', { query: '有限公司', first: 20 }));
  ops.push(op('SearchEnterprises', { query: '物流', first: 50 }));
  return ops;
}
