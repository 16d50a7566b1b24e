import { GraphQLError } from 'graphql';
import { CodedError, type ErrorCode } from '../domain/errors';

/**
 * Errors at the GraphQL edge: the coded errors of the layers below (domain/errors.ts) become
 * GraphQL errors here, with their code in `extensions.code`. Every other error is masked
 * (mask-error.ts).
 */

export type { ErrorCode };

export function codedError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function notFound(what: string, id: string): GraphQLError {
  return codedError('NOT_FOUND', `No ${what} with id '${id}'.`, { id });
}

/** The code of an error (a GraphQL error, the error it wraps, or a coded error); undefined when it has none. */
export function codeOf(error: unknown): string | undefined {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const code =
    original instanceof GraphQLError || original instanceof CodedError
      ? original.extensions?.code
      : error instanceof GraphQLError
        ? error.extensions?.code
        : undefined;
  return typeof code === 'string' ? code : undefined;
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
