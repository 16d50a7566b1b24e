import { createApp } from './app';
import { apiOptionsFromEnv } from './config';
import { WEB_DIST_DIR } from './paths';
import { EmbeddedStore } from './store/embedded/embedded-store';
import { openStore } from './store/open';

const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number from 0 to 65535; got '${process.env.PORT}'.`);
  process.exit(1);
}

const started = performance.now();
let opened: Awaited<ReturnType<typeof openStore>>;
let api: ReturnType<typeof apiOptionsFromEnv>;
try {
  api = apiOptionsFromEnv();
  opened = await openStore();
} catch (e) {
  console.error(`Chain Atlas could not start: ${(e as Error).message}`);
  process.exit(1);
}
const { store } = opened;
// imports committed by `pnpm run import` show up without a restart
if (store instanceof EmbeddedStore) store.watch();

const server = createApp({ store, webDir: WEB_DIST_DIR, api });
server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT to another port)` : error.message;
  console.error(`Chain Atlas could not start: ${reason}.`);
  process.exit(1);
});
server.listen(port, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(
    `Chain Atlas is ready in ${Math.round(performance.now() - started)} ms (${opened.kind} store: ${opened.where}):`,
  );
  console.log(`  web      http://localhost:${actual}/`);
  console.log(`  GraphQL  http://localhost:${actual}/graphql`);
  console.log(
    `  callers  anonymous: ${api.tokens?.anonymousRole}; tokens from ${api.tokensFile} and CHAIN_TOKENS; trusted documents ${api.trustedDocuments ? 'on' : 'off'}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void store.close().then(() => process.exit(0));
  });
}
