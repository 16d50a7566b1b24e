import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codedError } from './errors';
import { COMPLEXITY_LIMITS, MAX_MUTATION_FIELDS } from './limits';

/**
 * What one operation may ask for — depth, breadth and cost (@pothos/plugin-complexity: a field
 * costs 1, a list multiplies what is inside it by 10, a connection by its page) and, for a
 * mutation, how many fields it changes — checked before anything else is done with the document:
 * before GraphQL's own validation (some of whose rules grow with the expanded size of the
 * query), before graphql-jit compiles it and before a resolver runs. Each fragment is counted once
 * and its result reused at every spread, so the check takes time in proportion to the text of
 * the query, however many times its fragments expand. A query over a limit is refused with
 * TOO_COMPLEX, and GraphQL's own validation is skipped.
 */
export function useOperationLimits(): Plugin {
  return {
    onValidate({ params, context, setResult }) {
      const request = (context as { params?: { variables?: unknown; operationName?: string | null } }).params;
      const variables = request?.variables;
      const rules = [
        createComplexityRule({
          context,
          variableValues: variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {},
          operationName: request?.operationName ?? null,
          validate: (result, report) => {
            for (const what of ['depth', 'breadth', 'complexity'] as const) {
              if (result[what] > COMPLEXITY_LIMITS[what])
                report(
                  codedError(
                    'TOO_COMPLEX',
                    `The query's ${what} is ${result[what]}, over the limit of ${COMPLEXITY_LIMITS[what]}.`,
                    { limit: what },
                  ),
                );
            }
          },
        }),
        mutationFieldRule,
      ];
      const refused = limitErrors(params.schema, params.documentAST, rules);
      if (refused.length > 0) setResult(refused);
    },
  };
}

/**
 * The TOO_COMPLEX errors of `rules` on the document; other problems (an unknown field, a missing
 * fragment, bad variables) are left to GraphQL's validation and execution, which name them better.
 */
function limitErrors(schema: GraphQLSchema, document: DocumentNode, rules: ValidationRule[]): GraphQLError[] {
  try {
    return validate(schema, document, rules).filter((e) => e.extensions?.code === 'TOO_COMPLEX');
  } catch {
    // the count stopped at something GraphQL's validation refuses (a missing argument, a
    // subscription): it will say what
    return [];
  }
}

/** A mutation naming more than MAX_MUTATION_FIELDS fields (aliases and fragments counted) is refused with TOO_COMPLEX. */
const mutationFieldRule: ValidationRule = (context: ValidationContext) => {
  /** Fields named by each fragment, counted once; -1 while being counted (a cycle, refused elsewhere). */
  const counted = new Map<string, number>();
  const fieldsOf = (fragment: FragmentDefinitionNode): number => {
    const name = fragment.name.value;
    const known = counted.get(name);
    if (known !== undefined) return Math.max(known, 0);
    counted.set(name, -1);
    const n = count(fragment.selectionSet);
    counted.set(name, n);
    return n;
  };
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((n, s) => {
      if (s.kind === Kind.FIELD) return n + 1;
      if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet);
      const fragment = context.getFragment(s.name.value);
      return fragment ? n + fieldsOf(fragment) : n;
    }, 0);
  return {
    OperationDefinition(operation: OperationDefinitionNode) {
      if (operation.operation !== 'mutation') return;
      const n = count(operation.selectionSet);
      if (n > MAX_MUTATION_FIELDS) {
        context.reportError(
          codedError(
            'TOO_COMPLEX',
            `A mutation may change at most ${MAX_MUTATION_FIELDS} fields at once; this one names ${n}.`,
          ),
        );
      }
    },
  };
};
