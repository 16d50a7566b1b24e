import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { codedError } from './errors';
import { QUERY_LIMITS } from './limits';

const tooComplex = (ctx: ValidationContext | null, error: GraphQLError) => {
  ctx?.reportError(codedError('TOO_COMPLEX', error.message.replace(/^Syntax Error: /, '')));
};
const refuse = { propagateOnRejection: false, onReject: [tooComplex] };

/** graphql-armor's limits on the text of a query (QUERY_LIMITS); one over them is refused with TOO_COMPLEX. */
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
