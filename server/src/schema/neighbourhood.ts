import { builder } from '../builder';
import { ENTERPRISE_RELATION_KINDS } from '../domain/model';
import { codedError, idArgument, intInRange, notFound } from '../errors';
import { MAX_DEPTH, MAX_NEIGHBOURHOOD_LIMIT } from '../store/port';
import { RelationKindEnum } from './enums';
import { EnterpriseRef, NeighbourhoodNodeRef, NeighbourhoodRef, RelationRef } from './refs';

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
      resolve: (n) => n.nodes.map((enterprise, i) => ({ enterprise, distance: n.distances[i] ?? 0 })),
    }),
    edges: t.field({ type: [RelationRef], resolve: (n) => n.edges }),
    truncated: t.exposeBoolean('truncated', { description: 'The limit cut the neighbourhood short.' }),
  }),
});

builder.queryFields((t) => ({
  neighbourhood: t.field({
    type: NeighbourhoodRef,
    nullable: true,
    description: `Enterprises within \`depth\` hops (1 to ${MAX_DEPTH}) of an enterprise over the chosen kinds of relationship, either direction.`,
    args: {
      id: t.arg.id({ required: true }),
      depth: t.arg.int({ defaultValue: 1 }),
      kinds: t.arg({ type: [RelationKindEnum], description: 'Default: every kind.' }),
      limit: t.arg.int({
        defaultValue: 200,
        description: `The most enterprises returned, 1 to ${MAX_NEIGHBOURHOOD_LIMIT}.`,
      }),
    },
    resolve: async (_root, args, { store }) => {
      const depth = intInRange('depth', args.depth ?? 1, 1, MAX_DEPTH);
      const limit = intInRange('limit', args.limit ?? 200, 1, MAX_NEIGHBOURHOOD_LIMIT);
      if (args.kinds?.length === 0) {
        throw codedError('BAD_INPUT', "Argument 'kinds' must name at least one kind; leave it out for every kind.", {
          argument: 'kinds',
        });
      }
      const kinds = args.kinds ?? ENTERPRISE_RELATION_KINDS;
      const id = idArgument('id', args.id);
      return (await store.neighbourhood(id, { depth, limit, kinds })) ?? Promise.reject(notFound('enterprise', id));
    },
  }),
}));
