import type { GraphQLResolveInfo } from 'graphql';
import { type FieldNode, Kind, type SelectionSetNode } from 'graphql';
import type { EnterpriseRecord } from '../store/port';
import type { Loaders } from './context';

/**
 * Whether the query selects a path of fields below the field being resolved, e.g.
 * ['nodes', 'enterprise', 'segments'], through inline fragments and fragment spreads alike.
 * Lets a resolver load a whole level of what will be asked for in one go.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const walk = (sets: readonly (SelectionSetNode | undefined)[], rest: readonly string[]): boolean => {
    if (rest.length === 0) return true;
    const [name, ...more] = rest;
    const fields: FieldNode[] = [];
    const collect = (set: SelectionSetNode | undefined) => {
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value === name) fields.push(s);
        } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
        else collect(info.fragments[s.name.value]?.selectionSet);
      }
    };
    for (const set of sets) collect(set);
    return (
      fields.length > 0 &&
      walk(
        fields.map((f) => f.selectionSet),
        more,
      )
    );
  };
  return walk(
    info.fieldNodes.map((f) => f.selectionSet),
    path,
  );
}

/**
 * Enterprises a resolver already holds, made known to the request's loaders, with what the query
 * selects below them at `path` (their segments, and those segments' chains) loaded in one batch
 * each: the fields below then resolve without a promise apiece.
 */
export async function preload(
  loaders: Loaders,
  info: GraphQLResolveInfo,
  path: readonly string[],
  enterprises: readonly EnterpriseRecord[],
): Promise<void> {
  for (const e of enterprises) loaders.enterprise.prime(e.id, e);
  if (!selects(info, [...path, 'segments'])) return;
  const segments = await loaders.segmentsOf.loadMany(enterprises.map((e) => e.id));
  if (selects(info, [...path, 'segments', 'chain']))
    await loaders.chain.loadMany([...new Set(segments.flat().map((s) => s.chainId))]);
}
