import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/model';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { MemoryStore } from '../src/store/memory/memory-store';
import { emptyDataset } from '../src/store/port';
import { tempDir } from './support/cli';
import { dumpWithSystems as dump } from './support/store-dump';

/**
 * The demo data `copies` times over, each copy's enterprises under ids of their own (the chain
 * side once): over 50,000 rows for 20 copies, a segment big enough to be opened a batch at a time.
 */
async function demoTimes(copies: number): Promise<Dataset> {
  const demo = await readDataset([DEMO_DATA_DIR]);
  const data = emptyDataset();
  for (const kind of ['district', 'chains', 'segments', 'feeds', 'leaders', 'leads', 'products'] as const)
    (data[kind] as unknown[]) = demo[kind].map((r) => structuredClone(r));
  for (let k = 0; k < copies; k++) {
    const id = (s: string) => `${s}-${k}`;
    data.enterprises.push(...demo.enterprises.map((e) => ({ ...structuredClone(e), id: id(e.id) })));
    data.controls.push(...demo.controls.map((r) => ({ ...r, from: id(r.from), to: id(r.to) })));
    data.supplies.push(...demo.supplies.map((r) => ({ ...r, from: id(r.from), to: id(r.to) })));
    data.inSegment.push(...demo.inSegment.map((r) => ({ ...r, enterpriseId: id(r.enterpriseId) })));
    data.anchors.push(...demo.anchors.map((r) => ({ ...r, enterpriseId: id(r.enterpriseId) })));
  }
  return data;
}

/** Commits in turn into a new embedded store and into a memory store; returns the directory and the memory store. */
async function both(commits: Dataset[]): Promise<{ dir: string; memory: MemoryStore }> {
  const dir = tempDir();
  const store = await EmbeddedStore.open(dir, { compaction: false });
  const memory = new MemoryStore();
  for (const [i, data] of commits.entries()) {
    await store.commit(structuredClone(data), `commit ${i}`);
    await memory.commit(structuredClone(data), `commit ${i}`);
  }
  await store.close();
  return { dir, memory };
}

describe('opening a big segment', () => {
  it('names relationships between its own enterprises by place, and opens to the same graph', async () => {
    const data = await demoTimes(20);
    const rows = Object.values(data).reduce((n, xs) => n + xs.length, 0);
    expect(rows).toBeGreaterThan(50_000);
    const { dir, memory } = await both([data]);
    const firstOf = (file: string) =>
      JSON.parse(readFileSync(join(dir, 'segments', '000001', file), 'utf8').split('\n')[0] as string);
    expect(firstOf('supplies.jsonl')).toMatchObject({ kind: 'SUPPLIES', from: expect.any(Number) });
    expect(firstOf('controls.jsonl')).toMatchObject({ kind: 'CONTROLS', to: expect.any(Number) });
    expect(typeof firstOf('in_segment.jsonl').enterpriseId).toBe('number');
    expect(typeof firstOf('anchors.jsonl').enterpriseId).toBe('number');
    // the systems derived when it was committed are kept with it, and read instead of derived
    const systems = join(dir, 'segments', '000001', 'systems.jsonl');
    expect(existsSync(systems)).toBe(true);
    const opened = await EmbeddedStore.open(dir, { compaction: false });
    expect(await dump(opened)).toEqual(await dump(memory));
    expect((await opened.systemRoots()).length).toBeGreaterThan(0);

    // as segments were written before (enterprises by id, relationships without their kind, no
    // systems kept): the same graph
    const old = tempDir();
    cpSync(dir, old, { recursive: true });
    const folder = join(old, 'segments', '000001');
    const ids = data.enterprises.map((e) => e.id);
    for (const file of ['controls.jsonl', 'supplies.jsonl', 'in_segment.jsonl', 'anchors.jsonl']) {
      const rows = readFileSync(join(folder, file), 'utf8').trimEnd().split('\n');
      const byId = rows.map((l) => {
        const { kind: _kind, ...r } = JSON.parse(l);
        for (const field of ['from', 'to', 'enterpriseId']) if (field in r) r[field] = ids[r[field]];
        return JSON.stringify(r);
      });
      writeFileSync(join(folder, file), `${byId.join('\n')}\n`);
    }
    rmSync(join(folder, 'systems.jsonl'));
    expect(await dump(await EmbeddedStore.open(old, { compaction: false }))).toEqual(await dump(memory));

    // kept by other rules: derived again
    const [head, ...rest] = readFileSync(systems, 'utf8').split('\n');
    writeFileSync(systems, [JSON.stringify({ ...JSON.parse(head as string), derivation: 0 }), ...rest].join('\n'));
    expect(await dump(await EmbeddedStore.open(dir, { compaction: false }))).toEqual(await dump(memory));

    // damaged: refused, naming the file and line
    writeFileSync(systems, [head, '{"root": 1, "members": [[99999999, 1, 0]], "affiliates": []}'].join('\n'));
    await expect(EmbeddedStore.open(dir)).rejects.toThrow(
      /damaged: .*segments\/000001\/systems\.jsonl:2 is not a system of enterprises of the segment/,
    );
  }, 60_000);

  it('opens to the same graph with later segments whose ends are ids, or one of each', async () => {
    const data = await demoTimes(20);
    const [a, b] = [data.enterprises[0], data.enterprises[1]] as [Dataset['enterprises'][0], Dataset['enterprises'][0]];
    const edit = emptyDataset();
    edit.supplies.push({ from: a.id, to: b.id, product: '测试产品', source: 'test', confidence: 0.5 });
    const added = emptyDataset();
    added.enterprises.push({ ...structuredClone(a), id: 'new-one', name: '新企业' });
    added.supplies.push({ from: 'new-one', to: a.id, product: '测试产品', source: 'test', confidence: 0.5 });
    added.controls.push({ from: b.id, to: 'new-one', share: 0.9, source: 'test', confidence: 1 });
    const { dir, memory } = await both([data, edit, added]);
    const mixed = JSON.parse(readFileSync(join(dir, 'segments', '000003', 'supplies.jsonl'), 'utf8'));
    expect([mixed.from, mixed.to]).toEqual([0, a.id]);
    const opened = await EmbeddedStore.open(dir, { compaction: false });
    expect(await dump(opened)).toEqual(await dump(memory));

    // compacted into one segment (read back whole, its ends resolved, written by place again)
    expect(await opened.compact()).toBe(3);
    await opened.close();
    const segment = readdirSync(join(dir, 'segments'));
    expect(segment).toEqual(['000004']);
    expect(existsSync(join(dir, 'segments', '000004', 'systems.jsonl'))).toBe(true);
    const compacted = await EmbeddedStore.open(dir, { compaction: false });
    expect(await dump(compacted)).toEqual(await dump(memory));
  }, 60_000);

  it('refuses an enterprise by place that is not one of the segment’s, naming the file and line', async () => {
    const { dir } = await both([await demoTimes(20)]);
    for (const [file, field] of [
      ['controls.jsonl', 'to'],
      ['in_segment.jsonl', 'enterpriseId'],
    ] as const) {
      const path = join(dir, 'segments', '000001', file);
      const lines = readFileSync(path, 'utf8').split('\n');
      const before = lines[2] as string;
      lines[2] = JSON.stringify({ ...JSON.parse(before), [field]: 13_020 });
      writeFileSync(path, lines.join('\n'));
      const where = file.replace('.', '\\.');
      await expect(EmbeddedStore.open(dir)).rejects.toThrow(
        new RegExp(
          `damaged: .*segments/000001/${where}:3 names an enterprise by place, 13020, but the segment has 13020 enterprises`,
        ),
      );
      lines[2] = before;
      writeFileSync(path, lines.join('\n'));
    }
  }, 60_000);
});
