import type { ExecutionResult } from 'graphql';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codedError, codeOf, type ErrorCode } from './graphql/errors';

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

/**
 * A variable's value that its type refuses is the caller's mistake: the executor answers it as an
 * error without a code, which error masking would replace, and graphql-yoga would then log as the
 * server's. Given the code BAD_INPUT (and its 400) where it is answered.
 */
export function useVariableErrors(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone({ result, setResult }) {
        if (!result || !('errors' in result) || !result.errors?.some((e) => isVariableError(e) && !e.extensions?.code))
          return;
        setResult({
          ...result,
          errors: result.errors.map((e) => (isVariableError(e) && !e.extensions?.code ? asBadInput(e) : e)),
        });
      },
    }),
  };
}

/** An error about the request's variables, found before anything ran (HTTP 400, no path). */
const isVariableError = (error: GraphQLError) =>
  !error.path && (error.extensions?.http as { status?: number } | undefined)?.status === 400;

const asBadInput = (error: GraphQLError) =>
  new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    extensions: { ...error.extensions, code: error.extensions?.code ?? 'BAD_INPUT' },
  });

/**
 * Stops a query after `ms`: the client gets a TIMEOUT error and the server goes on serving
 * others. Analysis under way for it (in the worker pool) is stopped, its worker ended; a resolver
 * waiting on the store has its answer dropped (the Neo4j store has its own transaction timeout).
 * Mutations are not timed out: a write that is under way completes, and its answer must say so.
 */
export function useRequestTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn, args: { document, operationName } }) {
      if (getOperationAST(document, operationName)?.operation === 'mutation') return;
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => {
            const error = codedError('TIMEOUT', `The request took longer than ${ms} ms and was stopped.`);
            (args.contextValue as { cancel?: (reason: Error) => void }).cancel?.(error);
            resolve({ data: null, errors: [error] });
          }, ms);
        });
        try {
          return await Promise.race([executeFn(args) as Promise<ExecutionResult>, timedOut]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/**
 * Answers serialised by JSON.stringify, not by the serialiser graphql-jit attaches to its results:
 * that one builds the text piece by piece, and the UTF-8 length of such a string, which the
 * response needs, cost more than the serialising saved (a third of a request's time in B4).
 */
export function usePlainStringify(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone({ result }) {
        if (result && 'stringify' in result) delete (result as { stringify?: unknown }).stringify;
      },
    }),
  };
}
