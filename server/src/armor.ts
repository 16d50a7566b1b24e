import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { codedError } from './errors';

/**
 * Limits on the shape of a query, checked before it runs (graphql-armor): depth, aliases,
 * directives, tokens and a static cost. A query over a limit is refused with TOO_COMPLEX.
 * The deepest query the schema needs (neighbourhood → nodes → enterprise → segments → chain →
 * anchors → segments) is 7 levels.
 */
export const QUERY_LIMITS = { depth: 10, aliases: 30, directives: 20, tokens: 3000, cost: 20_000 };

const tooComplex = (ctx: ValidationContext | null, error: GraphQLError) => {
  ctx?.reportError(codedError('TOO_COMPLEX', error.message.replace(/^Syntax Error: /, '')));
};
const refuse = { propagateOnRejection: false, onReject: [tooComplex] };

export function armorPlugins() {
  return new EnvelopArmor({
    maxDepth: { n: QUERY_LIMITS.depth, ...refuse },
    maxAliases: { n: QUERY_LIMITS.aliases, ...refuse },
    maxDirectives: { n: QUERY_LIMITS.directives, ...refuse },
    maxTokens: { n: QUERY_LIMITS.tokens, ...refuse },
    costLimit: { maxCost: QUERY_LIMITS.cost, ...refuse },
    // Suggestions ("Did you mean …?") help analysts writing queries; keep them.
    blockFieldSuggestion: { enabled: false },
  }).protect().plugins;
}
