import { AnalysisPool } from '../analysis-pool/pool';
import { createApp } from '../http/app';
import { NEO4J_MS_PER_SECOND } from '../http/rate-gate';
import { isWildcard } from '../http/request-origin';
import { WEB_DIST_DIR } from '../paths';
import { createLogger, setRootLogger } from '../platform/log';
import { EmbeddedStore } from '../store/embedded/embedded-store';
import { analysisFromEnv, apiOptionsFromEnv, drainMsFromEnv, limitsFromEnv, listenFromEnv } from './config';
import { openStore } from './open-store';

const logger = createLogger();
setRootLogger(logger);

const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.fatal(`PORT must be a port number from 0 to 65535; got '${process.env.PORT}'.`);
  process.exit(1);
}

const started = performance.now();
let opened: Awaited<ReturnType<typeof openStore>>;
let api: ReturnType<typeof apiOptionsFromEnv>;
let limits: ReturnType<typeof limitsFromEnv>;
let drainMs: number;
let analysis: AnalysisPool;
let listen: ReturnType<typeof listenFromEnv>;
try {
  listen = listenFromEnv();
  api = apiOptionsFromEnv();
  analysis = new AnalysisPool(analysisFromEnv());
  limits = limitsFromEnv();
  drainMs = drainMsFromEnv();
  opened = await openStore();
} catch (e) {
  logger.fatal(`Chain Atlas could not start: ${(e as Error).message}`);
  process.exit(1);
}
const { store } = opened;
// imports committed by `pnpm run import` show up without a restart
if (store instanceof EmbeddedStore) store.watch(1000, (err) => logger.error({ err }, 'reading a new import failed'));

const { server, shutdown } = createApp({
  store,
  webDir: WEB_DIST_DIR,
  api: { ...api, analysis },
  // a request's time on Neo4j is mostly the database's: a larger default share (see the constant)
  limits: opened.kind === 'neo4j' ? { msPerSecond: NEO4J_MS_PER_SECOND, ...limits } : limits,
  hosts: listen.hosts,
  proxies: listen.proxies,
});
server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT to another port)` : error.message;
  logger.fatal(`Chain Atlas could not start: ${reason}.`);
  process.exit(1);
});
server.listen(port, listen.host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const name = isWildcard(listen.host) || listen.host === '127.0.0.1' ? 'localhost' : listen.host;
  const web = `http://${name.includes(':') ? `[${name}]` : name}:${actual}/`;
  const graphql = `http://localhost:${actual}/graphql`;
  // said whatever the log level: what runs where is what an operator looks for first
  logger.child({}, { level: 'info' }).info(
    {
      store: opened.kind,
      where: opened.where,
      web,
      graphql,
      anonymousRole: api.tokens?.anonymousRole,
      tokensFile: api.tokensFile,
      auditFile: api.audit?.file,
      trustedDocuments: api.trustedDocuments ?? false,
      corsOrigins: api.corsOrigins,
      listening: listen.host,
    },
    `Chain Atlas is ready in ${Math.round(performance.now() - started)} ms: web ${web}, GraphQL ${graphql}`,
  );
  // started by a launcher (`npm run demo`) over an IPC channel: tell it where, for its plain line
  process.send?.({ ready: { web, graphql } });
});

// SIGTERM (or Ctrl-C, or the launcher that started it gone, however it ended): answer what is
// under way, close the store, then leave
let stopping = false;
function stop(why: string): void {
  if (stopping) return;
  stopping = true;
  logger.info(`${why}: finishing the requests under way, then stopping`);
  shutdown(10_000, drainMs).then(
    () => {
      // the refusals and reads of candidates counted since their last summary
      try {
        api.audit?.close();
      } catch (err) {
        logger.error({ err }, 'the audit log could not be written on stopping');
      }
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    },
    (err: unknown) => {
      logger.error({ err }, 'stopping failed');
      process.exit(1);
    },
  );
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => stop(signal));
process.once('disconnect', () => stop('the launcher is gone'));
