import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import type { GraphStore } from './store/port';
import { createChainAtlasYoga, type YogaOptions } from './yoga';

export interface AppOptions {
  store: GraphStore;
  /** The built web app (web/dist); the API alone when absent. */
  webDir?: string;
  api?: YogaOptions;
}

/** One HTTP server: the GraphQL API at /graphql and the built web app everywhere else. */
export function createApp({ store, webDir, api }: AppOptions): Server {
  const yoga = createChainAtlasYoga(store, api);
  const web =
    webDir && existsSync(webDir) ? sirv(webDir, { single: true, etag: true, gzip: false, dev: false }) : undefined;
  return createServer((req, res) => {
    if (req.url?.startsWith(yoga.graphqlEndpoint)) {
      void yoga(req, res);
    } else if (web) {
      web(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      });
    } else {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('The web app is not built: run `pnpm build`. The API is at /graphql.');
    }
  });
}
