import { resolve } from 'node:path';
import { takeSnapshots } from '../chronicle/snapshots';
import { importFiles } from '../import/importer';
import { DEFAULT_DATA_DIR, DEMO_DATA_DIR } from '../paths';
import { EmbeddedStore } from '../store/embedded/embedded-store';
import { connect, neo4jConfigFromEnv } from '../store/neo4j/config';
import { Neo4jGateway } from '../store/neo4j/gateway';
import { Neo4jStore } from '../store/neo4j/neo4j-store';
import type { GraphStore, ImportTarget } from '../store/port';

/**
 * The embedded store in CHAIN_DATA_DIR (default: data/store/ at the top of the workspace). A new,
 * empty data directory is first filled with the demo data set, through the importer.
 */
export async function openEmbeddedStore(
  dataDir = dataDirFromEnv(),
  { seed = true }: { seed?: boolean } = {},
): Promise<EmbeddedStore> {
  const store = await EmbeddedStore.open(dataDir);
  if (store.empty && seed) await seedDemo(store);
  return store;
}

/** The demo data set, imported into a new store, and the first snapshot of its chains. */
async function seedDemo(store: GraphStore): Promise<void> {
  await importFiles(store, { paths: [DEMO_DATA_DIR] });
  await takeSnapshots(store, { cause: 'IMPORT', note: '演示数据' });
}

/**
 * CHAIN_DATA_DIR, resolved against the folder the command was run from (pnpm runs scripts in a
 * package's folder, and tells the original one in INIT_CWD), or the default.
 */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.CHAIN_DATA_DIR?.trim();
  return dir ? resolve(env.INIT_CWD ?? process.cwd(), dir) : DEFAULT_DATA_DIR;
}

/**
 * The Neo4j store of NEO4J_URI & co., its schema in place; undefined when NEO4J_URI is not set. A
 * database holding no Chain Atlas data yet is first filled with the demo data set, as the embedded
 * store's new data directory is.
 */
export async function openNeo4jStore(
  env: NodeJS.ProcessEnv = process.env,
  { seed = true }: { seed?: boolean } = {},
): Promise<Neo4jStore | undefined> {
  const config = neo4jConfigFromEnv(env);
  if (!config) return undefined;
  const store = new Neo4jStore(new Neo4jGateway(await connect(config), config.database));
  await store.ensureSchema();
  if (seed && (await store.isEmpty())) await seedDemo(store);
  return store;
}

/** The store in use: Neo4j when NEO4J_URI is set, the embedded store otherwise. */
export async function openStore(options: { dataDir?: string } = {}): Promise<{
  store: GraphStore & ImportTarget;
  kind: 'neo4j' | 'embedded';
  where: string;
}> {
  const neo4j = await openNeo4jStore();
  if (neo4j) return { store: neo4j, kind: 'neo4j', where: process.env.NEO4J_URI ?? '' };
  const embedded = await openEmbeddedStore(options.dataDir);
  return { store: embedded, kind: 'embedded', where: embedded.path };
}
