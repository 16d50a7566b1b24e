import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';

/** The API's endpoint: same origin in production, proxied by Vite in development. */
export const GRAPHQL_URL = '/graphql';

/** A failed request: the first GraphQL error's message and its `extensions.code` (or an HTTP/network failure). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(code ? `${message} (${code})` : message);
    this.code = code;
  }
}

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: readonly { message: string; extensions?: { code?: unknown } }[];
}

/** Runs a typed query against /graphql; throws an ApiError on any GraphQL, HTTP or network error. */
export async function request<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Data> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: print(document), variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(`无法连接服务器：${error instanceof Error ? error.message : String(error)}`, 'NETWORK');
  }
  let body: GraphQLResponse<Data>;
  try {
    body = (await response.json()) as GraphQLResponse<Data>;
  } catch {
    throw new ApiError(`服务器响应无效（HTTP ${response.status}）`, `HTTP_${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    throw new ApiError(first.message, typeof code === 'string' ? code : undefined);
  }
  if (!response.ok || body.data == null) {
    throw new ApiError(`请求失败（HTTP ${response.status}）`, `HTTP_${response.status}`);
  }
  return body.data;
}
