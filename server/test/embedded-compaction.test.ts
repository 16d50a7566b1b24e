import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../src/auth/roles';
import { Curator } from '../src/curation/curator';
import { DataDir } from '../src/store/embedded/data-dir';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { demoStoreCopy, ROOT, tempDir } from './support/cli';
import { dumpGraph as dump } from './support/store-dump';

const caller: Caller = { name: 'test', role: 'editor', authenticated: true };
/** Each edit is a request of its own in the server: the event loop turns between them. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Edits `from` to `to` (exclusive) of a fixed sequence, through the curator, one commit each:
 * revenue updates; a supply added with a verification date, taken out, and added again without
 * one (a relationship that starts afresh); memberships added.
 */
async function edit(store: EmbeddedStore, from: number, to: number): Promise<void> {
  const curator = new Curator(store);
  const ids = [...store.graph.records()].map((e) => e.id).sort();
  const segments = [...store.chainIndex.segments.keys()].sort();
  const id = (n: number) => ids[n % ids.length] as string;
  for (let i = from; i < to; i++) {
    const k = Math.floor(i / 5);
    const supply = { kind: 'SUPPLIES', from: id(k * 13), to: id(k * 13 + 7), product: `测试产品 ${k}` } as const;
    switch (i % 5) {
      case 0:
        await curator.updateEnterprise(caller, id(i * 31), { revenue: 1000 + i });
        break;
      case 1:
        await curator.addRelationship(caller, { ...supply, verifiedAt: '2026-01-02', confidence: 0.5 });
        break;
      case 2:
        await curator.removeRelationship(caller, supply);
        break;
      case 3:
        await curator.addRelationship(caller, supply);
        break;
      case 4:
        await curator.addRelationship(caller, {
          kind: 'IN_SEGMENT',
          from: id(i * 17),
          to: segments[i % segments.length] as string,
        });
        break;
    }
    await turn();
  }
}

const manifestOf = (dir: string) => new DataDir(dir).readManifest();
const segmentFolders = (dir: string) => readdirSync(join(dir, 'segments')).sort();

describe('compaction of the embedded store', () => {
  it('restarts after many edits from a few segments, with every edit', async () => {
    const dir = await demoStoreCopy();
    const store = await EmbeddedStore.open(dir);
    await edit(store, 0, 200);
    await store.settled(); // a compaction under way ends
    const segments = manifestOf(dir)?.segments ?? [];
    expect(segments.length).toBeLessThanOrEqual(17);
    expect(segments[0]?.through).toBeDefined();
    expect(segmentFolders(dir)).toEqual(segments.map((s) => s.name));
    expect(dump(await EmbeddedStore.open(dir))).toEqual(dump(store));
  }, 60_000);

  it('opens a compacted directory, and one of many segments, to the graph the segments made', async () => {
    const dir = await demoStoreCopy();
    const store = await EmbeddedStore.open(dir, { compaction: false });
    await edit(store, 0, 60);
    expect(manifestOf(dir)?.segments).toHaveLength(61);
    const expected = dump(store);
    // many small segments, folded at open
    expect(dump(await EmbeddedStore.open(dir, { compaction: false }))).toEqual(expected);
    const compactor = await EmbeddedStore.open(dir, { compaction: false });
    expect(await compactor.compact()).toBe(61);
    const [only, ...rest] = manifestOf(dir)?.segments ?? [];
    expect(rest).toEqual([]);
    expect(only?.through).toBe('000061');
    expect(segmentFolders(dir)).toEqual([only?.name]);
    expect(dump(await EmbeddedStore.open(dir))).toEqual(expected);
    // and it goes on: more edits, compacted again over the compacted segment
    await edit(compactor, 60, 90);
    expect(await compactor.compact()).toBe(31);
    expect(dump(await EmbeddedStore.open(dir))).toEqual(dump(compactor));
  }, 60_000);

  it('a store behind a compaction catches up to the same graph (a re-added relationship starts afresh)', async () => {
    const dir = await demoStoreCopy();
    const writer = await EmbeddedStore.open(dir, { compaction: false });
    await edit(writer, 0, 12); // the supply of k = 2 is there, with its verification date
    const behind = await EmbeddedStore.open(dir, { compaction: false });
    await edit(writer, 12, 40); // ... taken out and added again without one
    expect(await writer.compact()).toBeGreaterThan(30);
    expect(await behind.refresh()).toBe(true);
    expect(dump(behind)).toEqual(dump(writer));
    const supplies = [...behind.graph.relations()].filter((r) => r.kind === 'SUPPLIES');
    expect(supplies.filter((r) => r.product === '测试产品 2').map((r) => r.verifiedAt)).toEqual([undefined]);
  }, 60_000);

  it('a compaction told to stop (the store is closing) leaves nothing behind', async () => {
    const dir = await demoStoreCopy();
    const store = await EmbeddedStore.open(dir, { compaction: false });
    await edit(store, 0, 5);
    const before = manifestOf(dir);
    let asked = 0;
    expect(await new DataDir(dir).prepareCompaction(Number.POSITIVE_INFINITY, () => ++asked > 3)).toBeUndefined();
    expect(asked).toBe(4);
    expect(manifestOf(dir)).toEqual(before);
    expect(segmentFolders(dir)).toEqual(before?.segments.map((s) => s.name));
    await store.close();
    expect(await store.compact()).toBe(0); // closed: stops at once
  });

  it('writes only the files of the kinds a segment has rows of', async () => {
    const dir = await demoStoreCopy();
    const store = await EmbeddedStore.open(dir, { compaction: false });
    await edit(store, 0, 3);
    const names = manifestOf(dir)?.segments.map((s) => s.name) ?? [];
    const files = names.slice(1).map((n) => readdirSync(join(dir, 'segments', n)).sort());
    expect(files).toEqual([['enterprises.jsonl'], ['supplies.jsonl'], ['removals.jsonl']]);
  });
});

describe('a compaction killed at any step', () => {
  let prepared: { dir: string; expected: ReturnType<typeof dump> } | undefined;
  async function uncompacted() {
    if (!prepared) {
      const dir = await demoStoreCopy();
      const store = await EmbeddedStore.open(dir, { compaction: false });
      await edit(store, 0, 40);
      prepared = { dir, expected: dump(store) };
    }
    const copy = tempDir();
    cpSync(prepared.dir, copy, { recursive: true });
    return { dir: copy, expected: prepared.expected };
  }

  it.each([
    'compaction-written',
    'compaction-renamed',
    'compaction-manifest-written',
    'compaction-manifest-renamed',
    'compaction-dropping',
  ])(
    'killed at %s, the directory opens with every edit, and the next write clears what it left',
    async (failpoint) => {
      const { dir, expected } = await uncompacted();
      const run = await compactIn(dir, failpoint);
      expect(run.signal).toBe('SIGKILL');
      const store = await EmbeddedStore.open(dir, { compaction: false });
      expect(dump(store)).toEqual(expected);
      // the next write removes what the dead compaction left; then a compaction goes through
      await edit(store, 40, 41);
      const named = manifestOf(dir)?.segments.map((s) => s.name) ?? [];
      expect(segmentFolders(dir)).toEqual(named);
      expect(await store.compact()).toBe(named.length);
      expect(segmentFolders(dir)).toHaveLength(1);
      expect(dump(await EmbeddedStore.open(dir))).toEqual(dump(store));
    },
    30_000,
  );

  it('not killed, the same process compacts it whole', async () => {
    const { dir, expected } = await uncompacted();
    const run = await compactIn(dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ folded: 41 });
    expect(segmentFolders(dir)).toHaveLength(1);
    expect(dump(await EmbeddedStore.open(dir))).toEqual(expected);
  }, 30_000);
});

describe('a damaged data directory', () => {
  it('is refused with the file and what is wrong', async () => {
    const dir = await demoStoreCopy();
    const store = await EmbeddedStore.open(dir, { compaction: false });
    await edit(store, 0, 3);
    const manifest = readFileSync(join(dir, 'MANIFEST'), 'utf8');

    writeFileSync(join(dir, 'MANIFEST'), '{"version": 2, "segm');
    await expect(EmbeddedStore.open(dir)).rejects.toThrow(/damaged: .*MANIFEST is not JSON/);

    const parsed = JSON.parse(manifest);
    writeFileSync(join(dir, 'MANIFEST'), JSON.stringify({ ...parsed, segments: [...parsed.segments].reverse() }));
    await expect(EmbeddedStore.open(dir)).rejects.toThrow(/MANIFEST, segment 2 \("000003"\): it is out of order/);

    writeFileSync(join(dir, 'MANIFEST'), manifest);
    rmSync(join(dir, 'segments', '000003'), { recursive: true });
    await expect(EmbeddedStore.open(dir)).rejects.toThrow(
      /segments\/000003, named by .*MANIFEST, cannot be read \(ENOENT\)/,
    );

    mkdirSync(join(dir, 'segments', '000003'));
    writeFileSync(join(dir, 'segments', '000003', 'supplies.jsonl'), '{"from": "a"}\n{"from": \n');
    await expect(EmbeddedStore.open(dir)).rejects.toThrow(/segments\/000003\/supplies.jsonl:2 is not JSON/);
  });

  it('a manifest of version 1 (written before compaction) still opens', async () => {
    const dir = await demoStoreCopy();
    const { id: _id, ...manifest } = JSON.parse(readFileSync(join(dir, 'MANIFEST'), 'utf8'));
    writeFileSync(join(dir, 'MANIFEST'), JSON.stringify({ ...manifest, version: 1 }));
    const store = await EmbeddedStore.open(dir);
    expect(store.size().enterprises).toBe(651);
    await edit(store, 0, 1);
    expect(manifestOf(dir)?.version).toBe(2);
  });
});

/** Runs one compaction of `dir` in a process of its own, killed at `failpoint` when given. */
function compactIn(
  dir: string,
  failpoint?: string,
): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/test/support/compact-child.ts', dir], {
      cwd: ROOT,
      env: { ...process.env, ...(failpoint ? { CHAIN_FAILPOINT: failpoint } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout }));
  });
}
