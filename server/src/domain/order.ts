import { compareIds } from './compare';
import type { Enterprise } from './model';
import type { EnterpriseOrder } from './records';

const byId = (a: Enterprise, b: Enterprise) => compareIds(a.id, b.id);
const desc = (key: 'revenue' | 'registeredCapital' | 'employees') => (a: Enterprise, b: Enterprise) =>
  (b[key] ?? -1) - (a[key] ?? -1) || byId(a, b);

/** The comparators of the search orders; every one ends on the id, so pages never overlap. */
const ORDERS: Record<Exclude<EnterpriseOrder, 'RELEVANCE'>, (a: Enterprise, b: Enterprise) => number> = {
  // by code point, as Neo4j orders strings: the same order on both stores
  NAME: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b)),
  REVENUE: desc('revenue'),
  REGISTERED_CAPITAL: desc('registeredCapital'),
  EMPLOYEES: desc('employees'),
  // oldest first; unknown dates last
  FOUNDED_ON: (a, b) => (a.foundedOn ?? '9999').localeCompare(b.foundedOn ?? '9999') || byId(a, b),
};

/**
 * The comparator of an order of enterprises. Without a search text RELEVANCE has nothing to rank
 * by but size: larger revenue first.
 */
export function enterpriseOrder(order: EnterpriseOrder): (a: Enterprise, b: Enterprise) => number {
  return ORDERS[order === 'RELEVANCE' ? 'REVENUE' : order];
}
