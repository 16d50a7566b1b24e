import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * GraphQL is answered only for POSTs of JSON (and GETs, which never change anything: a mutation
 * is refused on GET). A browser sends a form post or a text/plain body to another site without
 * asking it first; a JSON body it sends only after a preflight, which this server answers only
 * for the origins it names (CORS). So a page elsewhere cannot make a signed-in (or, with an
 * anonymous editor role, any) browser change the graph (cross-site request forgery).
 */
export function useJsonPostsOnly(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (type === 'application/json' || type === 'application/graphql-response+json') return;
      throw createGraphQLError(
        `A POST to /graphql must send JSON (Content-Type: application/json); got ${type ? `'${type}'` : 'no Content-Type'}. Forms and plain text are refused, so that other sites cannot post them.`,
        { extensions: { code: 'BAD_REQUEST', http: { status: 415 } } },
      );
    },
  };
}
