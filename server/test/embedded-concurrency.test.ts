import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../src/bin/open-store';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { type EnterpriseRecord, emptyDataset } from '../src/store/port';
import { tempDir } from './support/cli';

/** Two stores on one data directory: the server's, and another process's (an importer's). */
describe('the embedded store, written by the server and by another process at once', () => {
  it('applies every segment once and in order, when a refresh is under way as the server writes', async () => {
    const dir = tempDir();
    const server = await openEmbeddedStore(dir);
    const other = await EmbeddedStore.open(dir);
    const [first] = (await server.search({ order: 'REVENUE', offset: 0, limit: 1 })).items;
    const { role: _role, ...enterprise } = structuredClone(first as EnterpriseRecord);
    const row = (revenue: number) => {
      const data = emptyDataset();
      data.enterprises.push({ ...enterprise, revenue });
      return data;
    };
    const revenue = async (store: EmbeddedStore) => (await store.getEnterprises([enterprise.id]))[0]?.revenue;

    await other.commit(row(111), 'other process');
    const watching = server.refresh(); // the watch timer fires ...
    await server.commit(row(222), 'curator'); // ... as a curator's change is written
    await watching;
    expect(await revenue(server)).toBe(222);
    expect(await revenue(await EmbeddedStore.open(dir))).toBe(222);

    // and later writes from either side still go through
    await other.commit(row(333), 'other process again');
    await server.commit(row(444), 'curator again');
    expect(await revenue(server)).toBe(444);
    expect(await revenue(await EmbeddedStore.open(dir))).toBe(444);
  });

  it('checks a change against the graph as it is when written, under the lock', async () => {
    const dir = tempDir();
    const server = await openEmbeddedStore(dir);
    const other = await EmbeddedStore.open(dir);
    const [first] = (await server.search({ order: 'REVENUE', offset: 0, limit: 1 })).items;
    const { role: _role, ...enterprise } = structuredClone(first as EnterpriseRecord);
    const fresh = { ...enterprise, id: `${enterprise.id}-NEW` };
    const data = emptyDataset();
    data.enterprises.push(fresh);
    await other.commit(data, 'other process'); // the server has not looked since
    const seen: boolean[] = [];
    await server.commit(data, 'curator', (view) => seen.push(view.has('enterprises', fresh.id)));
    expect(seen).toEqual([true]);
  });
});
