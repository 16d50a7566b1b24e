import type { IncomingMessage } from 'node:http';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type DocumentNode, type FieldNode, getOperationAST, type ValidationContext } from 'graphql';
import { createGraphQLError, createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { type AnalysisRunner, inlineAnalysis } from './analysis-pool/runner';
import { armorPlugins, useOperationLimits } from './armor';
import { AuditLog } from './audit/audit-log';
import { TokenBook } from './auth/tokens';
import { bearerToken, callerOf } from './caller';
import { type Context, createContext } from './context';
import { cookbookTabs } from './cookbook';
import { Curator } from './curation/curator';
import { codedError } from './graphql/errors';
import { addressOf, type Charged } from './http/limits';
import { useJsonPostsOnly } from './http/request-origin';
import { PERSISTED_OPERATIONS_FILE } from './paths';
import { readPersistedOperations, usePersisted } from './persisted';
import { graphiqlCsp } from './platform/content-policy';
import { log } from './platform/log';
import { maskError, usePlainStringify, useRequestTimeout, useVariableErrors } from './request-limits';
import { schema } from './schema/index';
import type { GraphStore } from './store/port';
import { Utf8Response } from './utf8-response';

export interface YogaOptions {
  /** Who may do what; by default nobody has a token and the anonymous caller is a viewer. */
  tokens?: TokenBook;
  /** Only the web app's persisted operations, unless the caller has an analyst token. */
  trustedDocuments?: boolean;
  /** How long one operation may run before it is answered with TIMEOUT. */
  timeoutMs?: number;
  /** The web app's operations by hash; by default web/src/persisted-operations.json. */
  persistedOperations?: Map<string, string>;
  /** Where mutations and exports are recorded; by default in memory only. */
  audit?: AuditLog;
  /** Origins other than the server's own whose pages may call the API (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Where the chain analysis runs; in the request's own thread by default (a server passes a pool). */
  analysis?: AnalysisRunner;
  /** A server open to a network: no GraphiQL, and introspection only for callers with a token. */
  production?: boolean;
}

/** What Node's HTTP server passes with each request (see app.ts). */
export interface NodeServerContext {
  req?: IncomingMessage & { id?: string };
}

/** The most operations one batched request (a JSON array) may hold. */
export const MAX_BATCH = 10;
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The GraphQL server over a store: /graphql, with GraphiQL on GET from a browser. */
export function createChainAtlasYoga(
  store: GraphStore,
  options: YogaOptions = {},
): YogaServerInstance<NodeServerContext, Context> {
  const tokens = options.tokens ?? new TokenBook([]);
  const server = {
    store,
    tokens,
    curator: new Curator(store),
    audit: options.audit ?? new AuditLog(),
    analysis: options.analysis ?? inlineAnalysis,
  };
  const operations = options.persistedOperations ?? readPersistedOperations(PERSISTED_OPERATIONS_FILE);
  return createYoga<NodeServerContext, Context>({
    schema,
    context: ({ request, req }) =>
      createContext(server, callerOf(request, tokens), {
        from: req ? addressOf(req) : 'unknown',
        ...(req?.id ? { requestId: req.id } : {}),
        charge: (ms) => {
          if (req) (req as Charged).extraChargeMs = ((req as Charged).extraChargeMs ?? 0) + ms;
        },
      }),
    graphiql: options.production
      ? false
      : {
          title: 'Chain Atlas 链图 — GraphQL',
          defaultTabs: cookbookTabs(),
        },
    // GraphiQL served from this server, not a CDN: district networks are often offline.
    renderGraphiQL: renderPage,
    cors: corsOptions(options.corsOrigins ?? []),
    logging: {
      debug: (...args) => log().debug(args.map(String).join(' ')),
      info: (...args) => log().info(args.map(String).join(' ')),
      warn: (...args) => log().warn(args.map(String).join(' ')),
      error: (...args) => log().error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    landingPage: false,
    fetchAPI: { Response: Utf8Response as typeof globalThis.Response },
    batching: { limit: MAX_BATCH },
    // no file uploads here: a multipart request is refused (415) rather than parsed
    multipart: false,
    maskedErrors: { maskError },
    plugins: [
      useJsonPostsOnly(),
      // operations compiled to JavaScript (graphql-jit): three to four times faster on large answers
      // (B4), from their second run: compiling costs more than running a query seen once (a flood of
      // queries each with other literals spent most of its time compiling them)
      useJsonParams(),
      // (mutations always: a mutation goes on to its next field when one is refused, the same each run)
      useGraphQlJit(
        {},
        { enableIf: ({ document, operationName }) => isMutation(document, operationName) || seenBefore(document) },
      ),
      usePlainStringify(),
      useVariableErrors(),
      useOperationLimits(),
      ...armorPlugins(),
      usePersisted(operations, tokens, options.trustedDocuments ?? false),
      useRequestTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      useGraphiqlPolicy(),
      ...(options.production ? [useIntrospectionForTokensOnly()] : []),
    ],
  });
}

/**
 * The schema's description (__schema, __type) only for callers with a token: on a server open to
 * a network, an anonymous caller is not handed a map of everything there is to ask.
 */
function useIntrospectionForTokensOnly(): Plugin {
  return {
    onValidate({ addValidationRule, context }) {
      const request = (context as { request?: Request }).request;
      if (request && hasToken(request)) return;
      addValidationRule((ctx: ValidationContext) => ({
        Field(node: FieldNode) {
          if (node.name.value === '__schema' || node.name.value === '__type')
            ctx.reportError(
              codedError(
                'FORBIDDEN',
                `Introspection (${node.name.value}) needs a token on this server (CHAIN_PRODUCTION=on): send Authorization: Bearer <token>.`,
              ),
            );
        },
      }));
    },
  };
}

function hasToken(request: Request): boolean {
  try {
    return bearerToken(request) !== undefined;
  } catch {
    return false; // a malformed Authorization header: refused when the context is built
  }
}

const isMutation = (document: DocumentNode, operationName?: string | null) =>
  getOperationAST(document, operationName)?.operation === 'mutation';

/** Documents run once (graphql-yoga parses the same text to the same document while it is cached). */
const seen = new WeakSet<DocumentNode>();
function seenBefore(document: DocumentNode): boolean {
  if (seen.has(document)) return true;
  seen.add(document);
  return false;
}

/** The page's own scripts may run on the GraphiQL page: a policy with their hashes (http/headers.ts). */
function useGraphiqlPolicy(): Plugin {
  return {
    onResponse({ response }) {
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      const html = lastGraphiql;
      if (html) response.headers.set('content-security-policy', graphiqlCsp(html));
    },
  };
}

/** The GraphiQL page last rendered (the same page every time: the options do not change). */
let lastGraphiql: string | undefined;
function renderPage(options: Parameters<typeof renderGraphiQL>[0]): string {
  lastGraphiql = renderGraphiQL(options);
  return lastGraphiql;
}

/** No CORS headers (same origin only) unless origins are named; then those, for GET and POST with a token. */
function corsOptions(origins: readonly string[]) {
  if (origins.length === 0) return false as const;
  return {
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'accept'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
  };
}

/**
 * The variables and extensions of a GET (or a form POST) are JSON in the query string; graphql-yoga
 * parses them without a catch, and a SyntaxError would reach the client as INTERNAL. Answered as
 * what it is: a bad request (400, BAD_REQUEST), naming the parameter's problem.
 */
function useJsonParams(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (e) {
          if (!(e instanceof SyntaxError)) throw e;
          throw createGraphQLError(`The request's variables or extensions are not JSON: ${e.message}`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
