import { importFiles } from '../import/importer';
import { DEFAULT_DATA_DIR, DEMO_DATA_DIR } from '../paths';
import { EmbeddedStore } from './embedded/embedded-store';

/**
 * The embedded store in CHAIN_DATA_DIR (default: data/ at the top of the workspace). A new,
 * empty data directory is first filled with the demo data set, through the importer.
 */
export async function openEmbeddedStore(
  dataDir = process.env.CHAIN_DATA_DIR || DEFAULT_DATA_DIR,
  { seed = true }: { seed?: boolean } = {},
): Promise<EmbeddedStore> {
  const store = await EmbeddedStore.open(dataDir);
  if (store.empty && seed) await importFiles(store, { paths: [DEMO_DATA_DIR] });
  return store;
}
