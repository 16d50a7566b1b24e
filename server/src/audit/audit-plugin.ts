import {
  type ExecutionResult,
  type FieldNode,
  GraphQLError,
  getOperationAST,
  Kind,
  valueFromASTUntyped,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';

/**
 * Every mutation in the audit log: each top-level field of a mutation operation leaves an entry —
 * who, the field and its arguments, from where, and `ok` or the code that refused it — written
 * durably before the answer goes out. (An import run from the command line records itself.)
 */
export function useAudit(): Plugin<Context> {
  return {
    onExecute({ args: { document, operationName }, setExecuteFn, executeFn }) {
      const operation = getOperationAST(document, operationName);
      if (operation?.operation !== 'mutation') return;
      setExecuteFn(async (args) => {
        const result = (await executeFn(args)) as ExecutionResult;
        const context = args.contextValue as Context;
        for (const selection of operation.selectionSet.selections) {
          if (selection.kind !== Kind.FIELD || selection.name.value === '__typename') continue;
          const detail = argumentsOf(selection, args.variableValues ?? {});
          const key = selection.alias?.value ?? selection.name.value;
          const error = result.errors?.find((e) => e.path?.[0] === key);
          context.audit.record({
            who: context.caller.name,
            role: context.caller.role,
            action: selection.name.value,
            target: targetOf(detail),
            detail,
            from: context.from,
            ...(context.requestId ? { requestId: context.requestId } : {}),
            outcome: error ? codeOf(error) : 'ok',
          });
        }
        return result;
      });
    },
  };
}

function argumentsOf(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const argument of field.arguments ?? []) {
    values[argument.name.value] = valueFromASTUntyped(argument.value, variables);
  }
  return values;
}

/** What a mutation acted on, in words, from its usual arguments. */
function targetOf(detail: Record<string, unknown>): string {
  const input = (detail.input ?? {}) as Record<string, unknown>;
  if (input.kind && input.from && input.to) return `${input.kind} ${input.from} → ${input.to}`;
  const named = detail.id ?? input.id ?? detail.chain ?? detail.name;
  return named == null ? '' : String(named);
}

function codeOf(error: GraphQLError): string {
  const original = error.originalError instanceof GraphQLError ? error.originalError : error;
  const code = original.extensions?.code ?? error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}
