import type { ExecutionResult } from 'graphql';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codedError } from './errors';

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
