/** Argument and value helpers the schema files share. */
import { ENTERPRISE_RELATION_KINDS, type EnterpriseRelationKind } from '../domain/model';
import { codedError } from '../errors';

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
