/**
 * Coded errors: a refusal the caller can act on, with a code it may rely on. Any layer throws
 * them (a store that cannot be reached, a curation that breaks a rule, an analysis queue that is
 * full); the GraphQL edge shows them as GraphQL errors with the code in `extensions.code`
 * (graphql/errors.ts, graphql/mask-error.ts). Every other error is masked there.
 */

/** The error codes clients can rely on, in `extensions.code`. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_INPUT'
  | 'FORBIDDEN'
  | 'TOO_COMPLEX'
  | 'TIMEOUT'
  | 'UNAVAILABLE'
  /** Too many requests a second (HTTP 429, before GraphQL: see http/rate-gate.ts). */
  | 'RATE_LIMITED';

/** An error with a code; `extensions` is what GraphQL shows of it (the code and any details). */
export class CodedError extends Error {
  readonly extensions: { code: ErrorCode } & Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CodedError';
    this.extensions = { code, ...extra };
  }
}

export const codedError = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}): CodedError =>
  new CodedError(code, message, extra);

export const notFound = (what: string, id: string): CodedError =>
  codedError('NOT_FOUND', `No ${what} with id '${id}'.`, { id });
