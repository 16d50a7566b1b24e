import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScale } from '@chain-atlas/seeds/scale';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/model';
import { createChainAtlasYoga } from '../src/graphql/yoga';
import { KINDS } from '../src/interchange/format';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { code, demoStoreCopy, runImport, tempDir } from './support/cli';

const DEMO = { enterprises: 651 };

describe('the embedded store survives a crash at any moment of an import', () => {
  const scale = tempDir();
  const counts = generateScale('S', scale);
  const after = { enterprises: DEMO.enterprises + 10_000 };

  /** Opens the store and checks it holds the old graph or the new one, whole. */
  async function oldOrNew(dataDir: string): Promise<'old' | 'new'> {
    const store = await EmbeddedStore.open(dataDir);
    const { enterprises, relationships } = store.size();
    if (enterprises === DEMO.enterprises) {
      expect(relationships).toBeLessThan(2000);
      return 'old';
    }
    expect(enterprises).toBe(after.enterprises);
    expect(relationships).toBeGreaterThanOrEqual((counts.byKind.supplies ?? 0) + (counts.byKind.controls ?? 0));
    return 'new';
  }

  it.each([
    ['segment-written', 'old'],
    ['segment-renamed', 'old'],
    ['manifest-written', 'old'],
    ['manifest-renamed', 'new'],
  ])(
    'killed at %s, it reopens with the %s graph',
    async (failpoint, expected) => {
      const dataDir = await demoStoreCopy();
      const run = await runImport([scale, '--data-dir', dataDir], { env: { CHAIN_FAILPOINT: failpoint } });
      expect(run.signal).toBe('SIGKILL');
      expect(await oldOrNew(dataDir)).toBe(expected);
      // and the next import is not blocked by what the dead one left (its lock, its segment)
      const again = await runImport([scale, '--data-dir', dataDir]);
      expect(again.code).toBe(0);
      expect(await oldOrNew(dataDir)).toBe('new');
    },
    30_000,
  );

  it('killed with SIGKILL at random moments, it always reopens with the old graph or the new one', async () => {
    // how long a whole import takes here, to spread the kills over it
    const probe = await demoStoreCopy();
    const started = performance.now();
    expect((await runImport([scale, '--data-dir', probe])).code).toBe(0);
    const whole = performance.now() - started;
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const seen = new Set<string>();
    for (let trial = 0; trial < 8; trial++) {
      const dataDir = await demoStoreCopy();
      const at = Math.round(whole * (0.3 + 0.75 * random()));
      const run = await runImport([scale, '--data-dir', dataDir], { killAfterMs: at });
      const state = await oldOrNew(dataDir);
      seen.add(state);
      expect(run.signal === 'SIGKILL' || state === 'new', `killed at ${at} ms`).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(0);
  }, 120_000);
});

describe('a running store', () => {
  it('picks up an import another process committed, without a restart', async () => {
    const dataDir = await demoStoreCopy();
    const running = await EmbeddedStore.open(dataDir);
    expect(running.size().enterprises).toBe(DEMO.enterprises);
    const scale = tempDir();
    generateScale('S', scale);
    expect((await runImport([scale, '--data-dir', dataDir])).code).toBe(0);
    expect(await running.refresh()).toBe(true);
    expect(running.size().enterprises).toBe(DEMO.enterprises + 10_000);
    expect(await running.refresh()).toBe(false);
  }, 30_000);

  it('refuses a second writer while one holds the lock', async () => {
    const dataDir = await demoStoreCopy();
    const lock = join(dataDir, 'LOCK');
    const store = await EmbeddedStore.open(dataDir);
    writeFileSync(lock, String(process.pid)); // a live process (this one) holds the lock
    const data = { ...emptyDataset(), chains: [{ id: 'x', name: 'x' }] };
    await expect(store.commit(data, 'test')).rejects.toThrow(/is being written by process/);
    expect(existsSync(lock)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
  });
});

function emptyDataset(): Dataset {
  return Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Dataset;
}

describe('capacity', () => {
  it('refuses, before loading, a data directory beyond the Map limit', async () => {
    const dataDir = tempDir();
    const rows = Object.fromEntries(KINDS.map((k) => [k, 0]));
    const segments = [{ name: '000001', rows: { ...rows, enterprises: 17_000_000 }, createdAt: '', note: 'XL' }];
    writeFileSync(join(dataDir, 'MANIFEST'), JSON.stringify({ version: 1, segments }));
    await expect(EmbeddedStore.open(dataDir)).rejects.toThrow(
      /holds up to 17,000,000 enterprises; it can hold at most 16,777,216/,
    );
  });
});

describe('the API over a watched store', () => {
  it('answers with an import made while it runs', async () => {
    const dataDir = await demoStoreCopy();
    const store = await EmbeddedStore.open(dataDir);
    const stop = store.watch(50);
    const yoga = createChainAtlasYoga(store);
    const ask = async () => {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ searchEnterprises(query: "${NEW_FIRM}") { totalCount } }` }),
      });
      return ((await response.json()) as { data: { searchEnterprises: { totalCount: number } } }).data.searchEnterprises
        .totalCount;
    };
    expect(await ask()).toBe(0);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'enterprises.csv'),
      `id,name,shortName,district,local,status\n${code(77)},武汉${NEW_FIRM}有限公司,${NEW_FIRM},湖北省武汉市江汉区,true,存续\n`,
    );
    expect((await runImport([dir, '--data-dir', dataDir])).code).toBe(0);
    await expect.poll(ask, { timeout: 5000 }).toBe(1);
    stop();
  });
});

const NEW_FIRM = '新来科技';
