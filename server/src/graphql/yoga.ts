import type { IncomingMessage } from 'node:http';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { type DocumentNode, getOperationAST } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type AnalysisRunner, inlineAnalysis } from '../analysis-pool/runner';
import { AuditLog } from '../audit/audit-log';
import { TokenBook } from '../auth/tokens';
import { Curator } from '../curation/curator';
import { PERSISTED_OPERATIONS_FILE } from '../paths';
import { log } from '../platform/log';
import type { GraphStore } from '../store/port';
import { callerOf } from './caller';
import { type Context, createContext } from './context';
import { cookbookTabs } from './cookbook';
import { DEFAULT_TIMEOUT_MS, MAX_BATCH } from './limits';
import { maskError } from './mask-error';
import { addressOf, type Charged } from './node-request';
import { schema } from './schema/index';
import { armorPlugins } from './use-armor';
import { renderPage, useGraphiqlPolicy } from './use-graphiql-policy';
import { useIntrospectionForTokensOnly } from './use-introspection-for-tokens-only';
import { useJsonParams } from './use-json-params';
import { useJsonPostsOnly } from './use-json-posts-only';
import { useOperationLimits } from './use-operation-limits';
import { readPersistedOperations, usePersisted } from './use-persisted';
import { usePlainStringify } from './use-plain-stringify';
import { useRequestTimeout } from './use-request-timeout';
import { useVariableErrors } from './use-variable-errors';
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

/** What Node's HTTP server passes with each request (see http/app.ts). */
export interface NodeServerContext {
  req?: IncomingMessage & { id?: string };
}

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

const isMutation = (document: DocumentNode, operationName?: string | null) =>
  getOperationAST(document, operationName)?.operation === 'mutation';

/** Documents run once (graphql-yoga parses the same text to the same document while it is cached). */
const seen = new WeakSet<DocumentNode>();
function seenBefore(document: DocumentNode): boolean {
  if (seen.has(document)) return true;
  seen.add(document);
  return false;
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
