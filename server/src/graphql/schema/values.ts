/** Argument and value helpers the schema files share. */

import { ENTERPRISE_RELATION_KINDS, type EnterpriseRelationKind } from '../../domain/model';
import type { EnterpriseRecord } from '../../store/port';
import { type Loaders, loadEnterprises } from '../context';
import { codedError } from '../errors';
import { arrayConnection, type PageArgs } from '../pagination';

/** The relationship kinds an argument chooses: every kind when left out, never none. */
export function kindsArgument(kinds: readonly EnterpriseRelationKind[] | null | undefined): EnterpriseRelationKind[] {
  if (kinds?.length === 0) {
    throw codedError('BAD_INPUT', "Argument 'kinds' must name at least one kind; leave it out for every kind.", {
      argument: 'kinds',
    });
  }
  return [...new Set(kinds ?? ENTERPRISE_RELATION_KINDS)];
}

/** A share multiplied along holdings, to six places: 0.658 rather than 0.6579999999999999. */
export const roundShare = (share: number): number => Math.round(share * 1e6) / 1e6;

/** A page of enterprises by id, as a connection. */
export async function enterprisePage(loaders: Loaders, args: PageArgs, ids: readonly string[]) {
  const page = arrayConnection(args, ids);
  const byId = new Map(
    (
      await loadEnterprises(
        loaders,
        page.edges.map((e) => e.node),
      )
    ).map((e) => [e.id, e]),
  );
  return {
    ...page,
    edges: page.edges.flatMap((e) =>
      byId.has(e.node) ? [{ cursor: e.cursor, node: byId.get(e.node) as EnterpriseRecord }] : [],
    ),
  };
}
