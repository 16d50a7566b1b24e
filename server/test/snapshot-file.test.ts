import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChainSnapshot } from '../src/domain/snapshot';
import { SnapshotFile } from '../src/store/embedded/snapshot-file';
import { tempDir } from './support/cli';

const snapshot = (chainId: string, takenAt: string, note = ''): ChainSnapshot => ({
  chainId,
  takenAt,
  cause: 'REQUEST',
  note,
  figures: {
    segments: 1,
    covered: 1,
    coverage: 1,
    fill: 0,
    extend: 0,
    strengthen: 0,
    localSourcing: null,
    chokepoints: 0,
    members: 0,
    localMembers: 0,
    links: 0,
  },
  segments: [],
  members: [],
  links: [],
  suppliers: [],
});

describe('chain snapshots in a data directory (snapshots.jsonl)', () => {
  it('are there after a restart, and a second process sees what the first added', async () => {
    const path = join(tempDir(), 'snapshots.jsonl');
    const server = new SnapshotFile(path);
    const importer = new SnapshotFile(path);
    await server.add([snapshot('c', '2026-11-01T00:00:00Z', 'first')]);
    await importer.add([snapshot('c', '2026-12-01T00:00:00Z', 'second')]);
    expect((await server.figures('c')).map((s) => s.note)).toEqual(['first', 'second']);
    expect((await new SnapshotFile(path).figures('c')).map((s) => s.note)).toEqual(['first', 'second']);
  });

  it('cut off a line a crash left half-written before adding, and do not read one being written', async () => {
    const path = join(tempDir(), 'snapshots.jsonl');
    const store = new SnapshotFile(path);
    await store.add([snapshot('c', '2026-11-01T00:00:00Z', 'whole')]);
    appendFileSync(path, '{"chainId":"c","takenAt":"2026-11-02');
    expect((await store.figures('c')).map((s) => s.note)).toEqual(['whole']);
    await store.add([snapshot('c', '2026-11-03T00:00:00Z', 'after the crash')]);
    expect((await new SnapshotFile(path).figures('c')).map((s) => s.note)).toEqual(['whole', 'after the crash']);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
  });

  it('name the file and the line of a line that is not a snapshot', async () => {
    const path = join(tempDir(), 'snapshots.jsonl');
    writeFileSync(path, `${JSON.stringify(snapshot('c', '2026-11-01T00:00:00Z'))}\n{"chainId": "c"}\n`);
    await expect(new SnapshotFile(path).figures('c')).rejects.toThrow(`${path}, line 2: not a chain snapshot.`);
    writeFileSync(path, 'not json\n');
    await expect(new SnapshotFile(path).at('c', '2026-12-01T00:00:00Z')).rejects.toThrow(`${path}, line 1: not JSON`);
  });
});
