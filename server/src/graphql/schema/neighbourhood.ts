import { MAX_DEPTH, MAX_NEIGHBOURHOOD_LIMIT } from '../../store/port';
import { builder } from '../builder';
import { intInRange, notFound } from '../errors';
import { keyOf } from '../global-id';
import { preload } from '../lookahead';
import { RelationKindEnum } from './enums';
import { neighbourhoodInOrder } from './orders';
import { EnterpriseRef, NeighbourhoodNodeRef, NeighbourhoodRef, RelationRef } from './refs';
import { kindsArgument } from './values';

NeighbourhoodNodeRef.implement({
  description: 'An enterprise of a neighbourhood, with its distance from the centre.',
  fields: (t) => ({
    distance: t.exposeInt('distance', { description: 'Hops from the centre (0 for the centre).' }),
    enterprise: t.field({ type: EnterpriseRef, resolve: (n) => n.enterprise }),
  }),
});

NeighbourhoodRef.implement({
  description: "An enterprise's surroundings: the enterprises within some hops and the relationships between them.",
  fields: (t) => ({
    centre: t.field({
      type: EnterpriseRef,
      resolve: (n) => n.nodes[0] ?? Promise.reject(notFound('enterprise', n.centreId)),
    }),
    nodes: t.field({
      type: [NeighbourhoodNodeRef],
      description: 'Nearest first (the centre first), then by id; as many as the limit allows.',
      complexity: { field: 1, multiplier: 1 },
      resolve: (n) => n.nodes.map((enterprise, i) => ({ enterprise, distance: n.distances[i] ?? 0 })),
    }),
    edges: t.field({
      type: [RelationRef],
      description: 'Every relationship of the chosen kinds between two of the nodes.',
      complexity: { field: 1, multiplier: 2 },
      resolve: (n) => n.edges,
    }),
    truncated: t.exposeBoolean('truncated', { description: 'The limit cut the neighbourhood short.' }),
  }),
});

builder.queryFields((t) => ({
  neighbourhood: t.field({
    type: NeighbourhoodRef,
    nullable: true,
    description: `Enterprises within \`depth\` hops (1 to ${MAX_DEPTH}) of an enterprise over the chosen kinds of relationship, either direction.`,
    // what is selected inside counts once per enterprise the limit allows (and relationships twice)
    complexity: (args) => ({ field: 1, multiplier: Math.max(1, Math.min(args.limit ?? 200, MAX_NEIGHBOURHOOD_LIMIT)) }),
    args: {
      id: t.arg.id({ required: true, description: 'The centre: its global id or its key.' }),
      depth: t.arg.int({ defaultValue: 1 }),
      kinds: t.arg({ type: [RelationKindEnum], description: 'Default: every kind.' }),
      limit: t.arg.int({
        defaultValue: 200,
        description: `The most enterprises returned, 1 to ${MAX_NEIGHBOURHOOD_LIMIT}.`,
      }),
    },
    resolve: async (_root, args, { store, loaders }, info) => {
      const depth = intInRange('depth', args.depth ?? 1, 1, MAX_DEPTH);
      const limit = intInRange('limit', args.limit ?? 200, 1, MAX_NEIGHBOURHOOD_LIMIT);
      const kinds = kindsArgument(args.kinds);
      const id = keyOf('Enterprise', args.id, 'id');
      const found = await store.neighbourhood(id, { depth, limit, kinds });
      if (!found) throw notFound('enterprise', id);
      await preload(loaders, info, ['nodes', 'enterprise'], found.nodes);
      return neighbourhoodInOrder(found);
    },
  }),
}));
