import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { type Lang, type MessageKey, translate } from './i18n/messages';
import manifest from './persisted-operations.json';

/** The API's endpoint: same origin in production, proxied by Vite in development. */
export const GRAPHQL_URL = '/graphql';

/** A failed request: the first GraphQL error's message and its `extensions.code` (or an HTTP/network failure). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string | undefined;
  /** `extensions.reason`, where the server gives one. */
  readonly reason: string | undefined;

  constructor(message: string, code?: string, reason?: string) {
    super(code ? `${message} (${code})` : message);
    this.code = code;
    this.reason = reason;
  }
}

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: readonly { message: string; extensions?: { code?: unknown; reason?: unknown } }[];
}

/** The hash of each of the app's operations by its text (persisted-operations.json, made by `pnpm persist`). */
const HASHES = new Map(Object.entries(manifest as Record<string, string>).map(([hash, text]) => [text, hash]));

/**
 * The body of a request: a persisted operation goes by its hash only (a server with trusted
 * documents on accepts nothing else from the app); any other document by its text.
 */
export function requestBody(document: Parameters<typeof print>[0], variables: unknown): string {
  const text = print(document);
  const hash = HASHES.get(text);
  return JSON.stringify(
    hash ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : { query: text, variables },
  );
}

/**
 * Runs a typed query against /graphql; throws an ApiError on any GraphQL, HTTP or network error.
 * A server that does not know the operation's hash (one built from other sources) gets its text.
 */
export async function request<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Data> {
  try {
    return await send<Data>(requestBody(document, variables), signal);
  } catch (error) {
    if (!(error instanceof ApiError && error.reason === 'PERSISTED_QUERY_NOT_FOUND')) throw error;
    return send<Data>(JSON.stringify({ query: print(document), variables }), signal);
  }
}

async function send<Data>(requestText: string, signal?: AbortSignal): Promise<Data> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: requestText,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      say('error.network', { message: error instanceof Error ? error.message : String(error) }),
      'NETWORK',
    );
  }
  let body: GraphQLResponse<Data>;
  try {
    body = (await response.json()) as GraphQLResponse<Data>;
  } catch {
    throw new ApiError(say('error.badResponse', { status: response.status }), `HTTP_${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const { code, reason } = first.extensions ?? {};
    throw new ApiError(
      first.message,
      typeof code === 'string' ? code : undefined,
      typeof reason === 'string' ? reason : undefined,
    );
  }
  if (!response.ok || body.data == null) {
    throw new ApiError(say('error.httpFailed', { status: response.status }), `HTTP_${response.status}`);
  }
  return body.data;
}

/** A message in the page's language of the moment (the `lang` parameter, as useT reads it). */
function say(key: MessageKey, vars: Record<string, string | number>): string {
  const lang: Lang =
    typeof location !== 'undefined' && new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  return translate(lang, key, vars);
}
