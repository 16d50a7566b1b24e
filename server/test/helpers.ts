import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';
import { createChainAtlasYoga } from '../src/yoga';

/** A yoga instance over the demo data, and a helper that posts a query to it in-process. */
export async function demoApi() {
  const store = new MemoryStore(await readDataset([DEMO_DATA_DIR]));
  const yoga = createChainAtlasYoga(store);
  async function query<T = Record<string, unknown>>(
    source: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: T; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] }> {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: source, variables }),
    });
    return response.json();
  }
  return { store, yoga, query };
}
