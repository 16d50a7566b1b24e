import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Plugin } from 'graphql-yoga';
import { graphiqlCsp } from '../platform/content-policy';

/** The page's own scripts may run on the GraphiQL page: a policy with their hashes (http/headers.ts). */
export function useGraphiqlPolicy(): Plugin {
  return {
    onResponse({ response }) {
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      const html = lastGraphiql;
      if (html) response.headers.set('content-security-policy', graphiqlCsp(html));
    },
  };
}

/** The GraphiQL page last rendered (the same page every time: the options do not change). */
let lastGraphiql: string | undefined;
export function renderPage(options: Parameters<typeof renderGraphiQL>[0]): string {
  lastGraphiql = renderGraphiQL(options);
  return lastGraphiql;
}
