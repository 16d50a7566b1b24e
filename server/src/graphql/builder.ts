import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import { atLeast } from '../auth/roles';
import type { Context } from './context';
import { codedError } from './errors';
import { DEFAULT_PAGE_SIZE } from './pagination';

/** The one Pothos schema builder; every file in schema/ adds its types to it. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Connection: { totalCount: number };
  AuthScopes: { viewer: boolean; analyst: boolean; editor: boolean; admin: boolean };
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: ({ caller }) => ({
      viewer: atLeast(caller.role, 'viewer'),
      analyst: atLeast(caller.role, 'analyst'),
      editor: atLeast(caller.role, 'editor'),
      admin: atLeast(caller.role, 'admin'),
    }),
    unauthorizedError: (_parent, { caller }, info, result) => {
      const needed = scopesOf(result.failure).join(' or ') || 'another role';
      const who = caller.authenticated
        ? `the token of ${caller.name} is a ${caller.role}'s`
        : `the caller has no token (${caller.role})`;
      return codedError(
        'FORBIDDEN',
        `${info.parentType.name}.${info.fieldName} needs the ${needed} role, and ${who}. Send a token with it: Authorization: Bearer <token> (in GraphiQL, the Headers tab of this tab).`,
        { needed },
      );
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false, complexity: { field: 0, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
    nodesOnConnection: { complexity: { field: 0, multiplier: 1 } },
    defaultConnectionFieldOptions: { complexity: (args) => connectionCost(args) },
    // the Node interface and node(id:) are this schema's own (schema/node-types.ts)
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // checked as a validation rule, before anything runs (useOperationLimits in use-operation-limits.ts)
    disabled: true,
  },
});

/** The scopes (roles) an authorization failure names. */
function scopesOf(failure: AuthFailure): string[] {
  if ('failures' in failure) return [...new Set(failure.failures.flatMap(scopesOf))];
  return 'scope' in failure ? [failure.scope] : [];
}

/** The cost of a connection field: what is selected inside counts once per item of the page asked for. */
export function connectionCost(args: { first?: number | null | undefined; last?: number | null | undefined }) {
  return { field: 1, multiplier: Math.max(0, args.first ?? args.last ?? DEFAULT_PAGE_SIZE) };
}

builder.queryType({ description: 'Chain Atlas: industry chains, their enterprises and the links between them.' });
builder.mutationType({ description: 'Curation: changes to the graph, checked like an import. Needs the editor role.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many there are over every page.', resolve: (c) => c.totalCount }),
);
