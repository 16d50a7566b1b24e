/**
 * The limits of one GraphQL operation, in one place: what it may ask for (complexity, depth,
 * breadth: counted by @pothos/plugin-complexity), its text (aliases, directives, tokens:
 * graphql-armor), how many fields a mutation may change, how many operations a batch may hold
 * and how long one may run. The HTTP layer's limits (requests a second, time debt, requests at
 * once, body size) are http/rate-gate.ts's; the data's (lengths of ids, names, text) are
 * domain/limits.ts's.
 */

/**
 * Limits on what one operation may ask for, counted by @pothos/plugin-complexity and checked
 * while the query is validated (useOperationLimits, use-operation-limits.ts). A field costs 1; a plain list multiplies what is selected inside it by 10; a
 * connection by the page it asks for (`first` or `last`, default 20); a bounded analysis field
 * (a neighbourhood, a path search) by its own limit argument.
 */
export const COMPLEXITY_LIMITS = { complexity: 500_000, depth: 15, breadth: 400 };

/**
 * Limits on the text of a query, checked while it is parsed and validated (graphql-armor):
 * aliases, directives and tokens. A query over a limit is refused with TOO_COMPLEX.
 */
export const QUERY_LIMITS = { aliases: 30, directives: 20, tokens: 5000 };

/** The most fields a mutation operation may change at once (each is audited, synced to disk, before it runs). */
export const MAX_MUTATION_FIELDS = 10;

/** The most operations one batched request (a JSON array) may hold. */
export const MAX_BATCH = 10;
/** How long one operation (not a mutation) may run before it is answered with TIMEOUT (use-request-timeout.ts). */
export const DEFAULT_TIMEOUT_MS = 15_000;
