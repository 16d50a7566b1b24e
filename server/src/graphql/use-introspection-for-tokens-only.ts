import type { FieldNode, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { bearerToken } from './caller';
import { codedError } from './errors';

/**
 * The schema's description (__schema, __type) only for callers with a token: on a server open to
 * a network, an anonymous caller is not handed a map of everything there is to ask.
 */
export function useIntrospectionForTokensOnly(): Plugin {
  return {
    onValidate({ addValidationRule, context }) {
      const request = (context as { request?: Request }).request;
      if (request && hasToken(request)) return;
      addValidationRule((ctx: ValidationContext) => ({
        Field(node: FieldNode) {
          if (node.name.value === '__schema' || node.name.value === '__type')
            ctx.reportError(
              codedError(
                'FORBIDDEN',
                `Introspection (${node.name.value}) needs a token on this server (CHAIN_PRODUCTION=on): send Authorization: Bearer <token>.`,
              ),
            );
        },
      }));
    },
  };
}

function hasToken(request: Request): boolean {
  try {
    return bearerToken(request) !== undefined;
  } catch {
    return false; // a malformed Authorization header: refused when the context is built
  }
}
