import { type EnterprisePath, MAX_PATH_HOPS, MAX_PATHS } from '../../store/port';
import { builder } from '../builder';
import { loadEnterprises } from '../context';
import { intInRange, notFound } from '../errors';
import { keyOf } from '../global-id';
import { RelationKindEnum } from './enums';
import { pathsInOrder } from './orders';
import { EnterpriseRef, RelationRef } from './refs';
import { kindsArgument } from './values';

const PathRef = builder.objectRef<EnterprisePath>('EnterprisePath');
const PathsRef = builder.objectRef<{ paths: EnterprisePath[]; maxHops: number }>('PathSearch');

PathRef.implement({
  description: 'A path between two enterprises: each relationship may be walked either way.',
  fields: (t) => ({
    length: t.int({ description: 'How many relationships.', resolve: (p) => p.relations.length }),
    enterprises: t.field({
      type: [EnterpriseRef],
      description: 'From the start to the end, both included.',
      complexity: { field: 1, multiplier: MAX_PATH_HOPS + 1 },
      resolve: (p, _a, { loaders }) => loadEnterprises(loaders, p.nodeIds),
    }),
    relations: t.field({
      type: [RelationRef],
      description: 'relations[i] links enterprises[i] and enterprises[i + 1], in one direction or the other.',
      complexity: { field: 1, multiplier: MAX_PATH_HOPS },
      resolve: (p) => p.relations,
    }),
  }),
});

PathsRef.implement({
  description: 'The shortest paths found between two enterprises.',
  fields: (t) => ({
    found: t.boolean({ description: 'False when no path is as short as maxHops.', resolve: (s) => s.paths.length > 0 }),
    length: t.int({
      nullable: true,
      description: 'The length of the shortest paths; null when there is none.',
      resolve: (s) => s.paths[0]?.relations.length ?? null,
    }),
    paths: t.field({
      type: [PathRef],
      complexity: { field: 1, multiplier: 1 },
      resolve: (s) => s.paths,
    }),
  }),
});

builder.queryField('path', (t) =>
  t.field({
    type: PathsRef,
    nullable: true,
    description: `The shortest paths between two enterprises over the chosen kinds of relationship, in either direction, of at most \`maxHops\` (1 to ${MAX_PATH_HOPS}); up to \`limit\` (1 to ${MAX_PATHS}) of them. NOT_FOUND when either enterprise does not exist.`,
    complexity: (args) => ({ field: 5, multiplier: Math.max(1, Math.min(args.limit ?? 10, MAX_PATHS)) }),
    args: {
      from: t.arg.id({ required: true, description: 'Global id or key.' }),
      to: t.arg.id({ required: true, description: 'Global id or key.' }),
      maxHops: t.arg.int({ defaultValue: 4 }),
      kinds: t.arg({ type: [RelationKindEnum], description: 'Default: every kind.' }),
      limit: t.arg.int({ defaultValue: 10 }),
    },
    resolve: async (_root, args, { store }) => {
      const from = keyOf('Enterprise', args.from, 'from');
      const to = keyOf('Enterprise', args.to, 'to');
      const maxHops = intInRange('maxHops', args.maxHops ?? 4, 1, MAX_PATH_HOPS);
      const limit = intInRange('limit', args.limit ?? 10, 1, MAX_PATHS);
      const paths = await store.shortestPaths(from, to, { maxHops, limit, kinds: kindsArgument(args.kinds) });
      if (!paths) {
        const [a] = await store.getEnterprises([from]);
        throw notFound('enterprise', a ? to : from);
      }
      return { paths: pathsInOrder(paths), maxHops };
    },
  }),
);
