import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * `graphql()` typed by the schema (server/schema.graphql, introspected into graphql-env.d.ts by
 * `pnpm gql:generate`). Fragments are not masked: a query's result type includes its fragments' fields.
 */
export const graphql = initGraphQLTada<{ introspection: introspection; disableMasking: true }>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
