import { GraphQLError } from 'graphql';
import { MAX_ID_LENGTH, overLength } from './domain/limits';

/** The error codes clients can rely on, in `extensions.code`. Every other error is masked. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_INPUT'
  | 'FORBIDDEN'
  | 'TOO_COMPLEX'
  | 'TIMEOUT'
  | 'UNAVAILABLE'
  /** Too many requests a second (HTTP 429, before GraphQL: see http/limits.ts). */
  | 'RATE_LIMITED';

export function codedError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function notFound(what: string, id: string): GraphQLError {
  return codedError('NOT_FOUND', `No ${what} with id '${id}'.`, { id });
}

/** Checks that an integer argument lies in [min, max]; a BAD_INPUT error naming it otherwise. */
export function intInRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw codedError('BAD_INPUT', `Argument '${argument}' must be an integer from ${min} to ${max}; got ${value}.`, {
      argument,
    });
  }
  return value;
}

export { MAX_ID_LENGTH };

/** An id argument: at most MAX_ID_LENGTH characters. */
export function idArgument(argument: string, value: string | number): string {
  const id = String(value);
  if (overLength(id, MAX_ID_LENGTH) !== undefined) {
    throw codedError('BAD_INPUT', `Argument '${argument}' must be at most ${MAX_ID_LENGTH} characters.`, { argument });
  }
  return id;
}
