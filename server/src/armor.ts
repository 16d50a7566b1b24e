import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
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
