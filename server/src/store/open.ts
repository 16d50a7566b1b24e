import { readDatasetFolder } from '../import/read-folder';
import { DEMO_DATA_DIR } from '../paths';
import { MemoryStore } from './memory/memory-store';
import type { GraphStore } from './port';

/** The store the server uses: for now the embedded store, loaded with the demo data set. */
export async function openStore(dataDir = DEMO_DATA_DIR): Promise<GraphStore> {
  return new MemoryStore(readDatasetFolder(dataDir));
}
