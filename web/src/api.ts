import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { type Lang, type MessageKey, translate } from './i18n/messages';
import manifest from './persisted-operations.json';
import { currentToken, tokenRefused } from './state/token';

/** The API's endpoint: same origin in production, proxied by Vite in development. */
export const GRAPHQL_URL = '/graphql';

/** A failed request: the first GraphQL error's message and its `extensions.code` (or an HTTP/network failure). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string | undefined;
  /** `extensions.reason`, where the server gives one. */
  readonly reason: string | undefined;
  /** `extensions.needed`: the role a FORBIDDEN field or mutation needs (analyst, editor, admin). */
  readonly needed: string | undefined;
  /** The HTTP status of the answer (none for a network failure). */
  readonly status: number | undefined;

  constructor(message: string, code?: string, more: { reason?: string; needed?: string; status?: number } = {}) {
    super(code ? `${message} (${code})` : message);
    this.code = code;
    this.reason = more.reason;
    this.needed = more.needed;
    this.status = more.status;
  }

  /** True for a FORBIDDEN error that says which role it needs: the caller is known, only not allowed. */
  get needsRole(): boolean {
    return this.code === 'FORBIDDEN' && this.needed !== undefined;
  }
}

interface GraphQLError {
  message: string;
  extensions?: { code?: unknown; reason?: unknown; needed?: unknown };
}

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: readonly GraphQLError[];
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

/** Answers asked for before the app needed them (see `prefetch`), by request body; each is taken once. */
const ahead = new Map<string, { token: string | null; at: number; answer: Promise<unknown> }>();

/** An early answer is taken within this long of its asking. */
const EARLY_FOR_MS = 10_000;

/**
 * Sends a request now, for the `request` of the same document and variables that the app will
 * make once it has loaded: the page's first data comes while its code is still starting.
 */
export function prefetch<Data, Variables>(document: TadaDocumentNode<Data, Variables>, variables: Variables): void {
  const body = requestBody(document, variables);
  if (ahead.has(body)) return;
  const token = currentToken();
  // the token given explicitly: a refusal here forgets nothing (the request that takes it asks again)
  const answer = send<Data>(body, undefined, { token });
  answer.catch(() => {}); // a failure is for the request that takes it
  ahead.set(body, { token, at: performance.now(), answer });
}

/** The early answer for this body, if one was asked for lately by the same caller; taken once. */
function takeEarly<Data>(body: string, options: RequestOptions) {
  const entry = ahead.get(body);
  ahead.delete(body);
  if (!entry || options.token !== undefined) return undefined;
  if (entry.token !== currentToken() || performance.now() - entry.at > EARLY_FOR_MS) return undefined;
  return entry.answer as Promise<{ data: Data; errors: ApiError[] }>;
}

/** Who a request is from: the token kept for this tab (the default), another one (checking it), or none. */
export interface RequestOptions {
  /** A token to send instead of the kept one; null sends none (the anonymous caller). */
  token?: string | null;
}

/**
 * Runs a typed query against /graphql; throws an ApiError on any GraphQL, HTTP or network error.
 * A server that does not know the operation's hash (one built from other sources) gets its text.
 */
export async function request<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<Data> {
  const { data, errors } = await requestPartial(document, variables, signal, options);
  const first = errors[0];
  if (first) throw first;
  return data as Data;
}

/**
 * Runs a typed query and answers what the server could give: `data` with the fields that failed
 * set to null (as far as nullability carries them), and an ApiError for each failure. Throws when
 * there is no data at all (a refused request, an HTTP or network failure).
 */
export async function requestPartial<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<{ data: Data; errors: ApiError[] }> {
  const body = requestBody(document, variables);
  const early = takeEarly<Data>(body, options);
  try {
    // an early answer that failed is asked for again, as any request is (a refused token then
    // signs the tab out the usual way)
    return await (early ? early.catch(() => send<Data>(body, signal, options)) : send<Data>(body, signal, options));
  } catch (error) {
    if (!(error instanceof ApiError && error.reason === 'PERSISTED_QUERY_NOT_FOUND')) throw error;
    return send<Data>(JSON.stringify({ query: print(document), variables }), signal, options);
  }
}

const apiError = (error: GraphQLError, status: number): ApiError => {
  const { code, reason, needed } = error.extensions ?? {};
  return new ApiError(error.message, typeof code === 'string' ? code : undefined, {
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof needed === 'string' ? { needed } : {}),
    status,
  });
};

async function send<Data>(
  requestText: string,
  signal: AbortSignal | undefined,
  options: RequestOptions,
): Promise<{ data: Data; errors: ApiError[] }> {
  const token = options.token === undefined ? currentToken() : options.token;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
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
  // the server does not know the token this tab keeps (revoked, or another server): forget it
  if (response.status === 401 && token && options.token === undefined) tokenRefused(token);
  let body: GraphQLResponse<Data>;
  try {
    body = (await response.json()) as GraphQLResponse<Data>;
  } catch {
    throw new ApiError(say('error.badResponse', { status: response.status }), `HTTP_${response.status}`, {
      status: response.status,
    });
  }
  const errors = (body.errors ?? []).map((e) => apiError(e, response.status));
  if (!response.ok || body.data == null) {
    throw (
      errors[0] ??
      new ApiError(say('error.httpFailed', { status: response.status }), `HTTP_${response.status}`, {
        status: response.status,
      })
    );
  }
  return { data: body.data, errors };
}

/** A message in the page's language of the moment (the `lang` parameter, as useT reads it). */
function say(key: MessageKey, vars: Record<string, string | number>): string {
  const lang: Lang =
    typeof location !== 'undefined' && new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  return translate(lang, key, vars);
}
