import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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
export const isVariableError = (error: GraphQLError) =>
  !error.path && (error.extensions?.http as { status?: number } | undefined)?.status === 400;

export const asBadInput = (error: GraphQLError) =>
  new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    extensions: { ...error.extensions, code: error.extensions?.code ?? 'BAD_INPUT' },
  });
