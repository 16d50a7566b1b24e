import { EnvelopArmor } from '@escape.tech/graphql-armor';
import {
  type GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { codedError } from './errors';

/**
 * Limits on the text of a query, checked while it is parsed and validated (graphql-armor):
 * aliases, directives and tokens. Depth, breadth and cost are checked by the schema itself
 * (@pothos/plugin-complexity, see builder.ts). A query over a limit is refused with TOO_COMPLEX.
 */
export const QUERY_LIMITS = { aliases: 30, directives: 20, tokens: 5000 };

const tooComplex = (ctx: ValidationContext | null, error: GraphQLError) => {
  ctx?.reportError(codedError('TOO_COMPLEX', error.message.replace(/^Syntax Error: /, '')));
};
const refuse = { propagateOnRejection: false, onReject: [tooComplex] };

export function armorPlugins() {
  return new EnvelopArmor({
    maxAliases: { n: QUERY_LIMITS.aliases, ...refuse },
    maxDirectives: { n: QUERY_LIMITS.directives, ...refuse },
    maxTokens: { n: QUERY_LIMITS.tokens, ...refuse },
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    // Suggestions ("Did you mean …?") help analysts writing queries; keep them.
    blockFieldSuggestion: { enabled: false },
  }).protect().plugins;
}

/** The most fields a mutation operation may change at once (each is audited, synced to disk, before it runs). */
export const MAX_MUTATION_FIELDS = 10;

/** A mutation naming more than MAX_MUTATION_FIELDS fields (aliases and fragments counted) is refused with TOO_COMPLEX. */
export function useMutationFieldLimit(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext) => ({
        OperationDefinition(operation: OperationDefinitionNode) {
          if (operation.operation !== 'mutation') return;
          const count = (set: SelectionSetNode, seen: Set<string>): number =>
            set.selections.reduce((n, s) => {
              if (s.kind === Kind.FIELD) return n + 1;
              if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet, seen);
              const fragment = context.getFragment(s.name.value);
              if (!fragment || seen.has(s.name.value)) return n;
              return n + count(fragment.selectionSet, new Set([...seen, s.name.value]));
            }, 0);
          const n = count(operation.selectionSet, new Set());
          if (n > MAX_MUTATION_FIELDS) {
            context.reportError(
              codedError(
                'TOO_COMPLEX',
                `A mutation may change at most ${MAX_MUTATION_FIELDS} fields at once; this one names ${n}.`,
              ),
            );
          }
        },
      }));
    },
  };
}
