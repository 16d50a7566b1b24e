import type { ImplementableObjectRef } from '@pothos/core';
import { parseRelationId, relationId } from '../../store/port';
import { builder } from '../builder';
import type { Loaders } from '../context';
import { codedError } from '../errors';
import { decodeId, encodeId } from '../global-id';
import { ChainRef, EnterpriseRef, LeaderRef, RelationRef, SegmentRef, SystemRef } from './refs';

/**
 * The Relay `Node` interface: every object that can be fetched again has a global id (see
 * global-id.ts), and `node(id:)` / `nodes(ids:)` fetch it through the request's loaders.
 *
 * Written here rather than with the relay plugin's builder.node: the plugin resolves every id
 * field through an async wrapper, a promise per object, which in a neighbourhood of thousands of
 * enterprises and relationships was a large part of the API's cost (benchmark B4). These id fields
 * are plain functions.
 */
interface NodeKind {
  /** The object's own key, inside its global id. */
  key: (value: never) => string;
  load: (loaders: Loaders, keys: string[]) => Promise<(object | undefined)[]>;
}

const KINDS: Record<string, NodeKind> = {};
/** The GraphQL type of each object node(s) returned, for the interface's resolveType. */
const typeOfValue = new WeakMap<object, string>();

export const NodeRef = builder.interfaceRef<object>('Node').implement({
  description: 'An object with a global id, which `node(id:)` fetches again.',
  resolveType: (value) => typeOfValue.get(value) ?? null,
  fields: (t) => ({ id: t.id({ description: 'Its global id.', resolve: () => '' }) }),
});

type Types = typeof builder.$inferSchemaTypes;

/** Makes `ref` a Node: its global id (and own key) fields, and how node(id:) loads it. */
function implementNode<T extends object>(
  ref: ImplementableObjectRef<Types, T>,
  description: string,
  key: (value: T) => string,
  load: NodeKind['load'],
  keyDescription?: string,
) {
  KINDS[ref.name] = { key: key as NodeKind['key'], load };
  ref.implement({
    description,
    interfaces: [NodeRef] as never,
    fields: (t) => ({
      id: t.id({ description: 'Its global id.', resolve: (v) => encodeId(ref.name, key(v)) }),
      ...(keyDescription ? { key: t.string({ description: keyDescription, resolve: (v) => key(v) }) } : {}),
    }),
  });
}

const byId = (x: { id: string }) => x.id;

implementNode(
  EnterpriseRef,
  'A company (企业).',
  byId,
  (l, keys) => l.enterprise.loadMany(keys),
  'Its own id: the unified social credit code where known.',
);
implementNode(
  ChainRef,
  'An industry chain (产业链).',
  byId,
  (l, keys) => l.chain.loadMany(keys),
  'Its own id, e.g. logistics.',
);
implementNode(SegmentRef, 'A link of a chain (环节).', byId, (l, keys) => l.segment.loadMany(keys), 'Its own id.');
implementNode(
  LeaderRef,
  'A chain leader (链长): the district official who heads a chain.',
  byId,
  async (l, keys) => {
    const leaders = new Map((await l.allChains.load('all')).flatMap((c) => c.leaders.map((x) => [x.id, x])));
    return keys.map((k) => leaders.get(k));
  },
  'Its own id.',
);
implementNode(
  SystemRef,
  'An enterprise system (系): a root, its direct enterprises (直系) and its supply-chain affiliates.',
  (s) => s.rootId,
  (l, keys) => l.system.loadMany(keys),
);
implementNode(
  RelationRef,
  'A relationship between two enterprises: CONTROLS (parent → subsidiary) or SUPPLIES (supplier → customer).',
  relationId,
  (l, keys) =>
    Promise.all(
      keys.map((k) => {
        const key = parseRelationId(k);
        return key ? l.relation.load(key) : undefined;
      }),
    ),
  'Kind, ends and (for SUPPLIES) product.',
);

/** The objects of global ids, in order; null where an id names nothing. */
async function loadNodes(loaders: Loaders, ids: readonly (string | number)[]): Promise<(object | null)[]> {
  return Promise.all(
    ids.map(async (raw) => {
      const { typename, id } = decodeId(String(raw));
      const kind = KINDS[typename];
      if (!kind) throw codedError('BAD_INPUT', `'${raw}' is not a global id of this API.`);
      const [value] = await kind.load(loaders, [id]);
      if (!value) return null;
      typeOfValue.set(value, typename);
      return value;
    }),
  );
}

export const MAX_NODES = 100;

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    description:
      'Any object with a global id (Enterprise, Chain, Segment, Leader, EnterpriseSystem, Relation); null when it names nothing.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { loaders }) => (await loadNodes(loaders, [id]))[0] ?? null,
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    complexity: (args) => ({ field: 1, multiplier: Math.max(1, args.ids.length) }),
    description: `Several objects by global id (at most ${MAX_NODES}), in order; null where an id names nothing.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (_root, { ids }, { loaders }) => {
      if (ids.length > MAX_NODES)
        throw codedError('BAD_INPUT', `Argument 'ids' may hold at most ${MAX_NODES} ids; got ${ids.length}.`, {
          argument: 'ids',
        });
      return loadNodes(loaders, ids);
    },
  }),
}));
