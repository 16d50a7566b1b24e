import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { armorPlugins } from './armor';
import { type Context, createContext } from './context';
import { schema } from './schema/index';
import type { GraphStore } from './store/port';

export const EXAMPLE_QUERY = `# Chain Atlas — try:
{
  chains {
    name
    leaders { name title }
    segments { name tier covered localCount }
  }
}
`;

/** The GraphQL server over a store: /graphql, with GraphiQL on GET from a browser. */
export function createChainAtlasYoga(store: GraphStore): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(store),
    graphiql: { title: 'Chain Atlas 链图 — GraphQL', defaultQuery: EXAMPLE_QUERY },
    // GraphiQL served from this server, not a CDN: district networks are often offline.
    renderGraphiQL,
    landingPage: false,
    // Errors that are not GraphQLErrors with a code (bugs, store failures) reach clients as
    // "Unexpected error." only; their details stay in the server log.
    maskedErrors: { isDev: false },
    plugins: armorPlugins(),
  });
}
