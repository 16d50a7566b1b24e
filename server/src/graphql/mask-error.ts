import { GraphQLError } from 'graphql';
import { codeOf, type ErrorCode } from './errors';
import { asBadInput, isVariableError } from './use-variable-errors';

/** Codes a client may see with their message; every other error reaches it as "Unexpected error.". */
const CODES = new Set<string>([
  'NOT_FOUND',
  'BAD_INPUT',
  'FORBIDDEN',
  'TOO_COMPLEX',
  'TIMEOUT',
  'UNAVAILABLE',
] satisfies ErrorCode[]);

/**
 * Error masking: GraphQL's own errors (syntax, validation, variables; no original error) and our
 * coded errors pass; anything else (a bug, a store failure) is masked there (graphql-yoga logs it,
 * with its stack, through the server's logger: see yoga.ts).
 */
export function maskError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    // (given its code where it is thrown: a new error here would be logged as the server's)
    if (isVariableError(error)) return error.extensions?.code ? error : asBadInput(error);
    if (!original && !error.path) return error;
    const code = codeOf(error);
    if (code !== undefined && CODES.has(code)) return error;
  }
  return new GraphQLError(message, {
    ...(error instanceof GraphQLError && error.path ? { path: error.path } : {}),
    extensions: { code: 'INTERNAL' },
  });
}
