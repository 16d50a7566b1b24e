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
    expect((await server.figures(['c']))[0]?.map((s) => s.note)).toEqual(['first', 'second']);
    expect((await new SnapshotFile(path).figures(['c']))[0]?.map((s) => s.note)).toEqual(['first', 'second']);
  });

  it('cut off a line a crash left half-written before adding, and do not read one being written', async () => {
    const path = join(tempDir(), 'snapshots.jsonl');
    const store = new SnapshotFile(path);
    await store.add([snapshot('c', '2026-11-01T00:00:00Z', 'whole')]);
    appendFileSync(path, '{"chainId":"c","takenAt":"2026-11-02');
    expect((await store.figures(['c']))[0]?.map((s) => s.note)).toEqual(['whole']);
    await store.add([snapshot('c', '2026-11-03T00:00:00Z', 'after the crash')]);
    expect((await new SnapshotFile(path).figures(['c']))[0]?.map((s) => s.note)).toEqual(['whole', 'after the crash']);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
  });

  it('name the file and the line of a line that is not a snapshot', async () => {
    const path = join(tempDir(), 'snapshots.jsonl');
    await new SnapshotFile(path).add([snapshot('c', '2026-11-01T00:00:00Z')]);
    appendFileSync(path, '{"chainId": "c"}\n');
    await expect(new SnapshotFile(path).figures(['c'])).rejects.toThrow(`${path}, line 2: not a chain snapshot.`);
    writeFileSync(path, 'not json\n');
    await expect(new SnapshotFile(path).at('c', '2026-12-01T00:00:00Z')).rejects.toThrow(`${path}, line 1: not JSON`);
  });
});

describe('a snapshot kept as what changed from the one before', () => {
  const member = (i: number, segment = 's1') => ({
    id: `m${String(i).padStart(4, '0')}`,
    name: `企业${i}`,
    local: i % 2 === 0,
    segmentIds: [segment],
  });
  const at = (day: number, members: ChainSnapshot['members'], links: ChainSnapshot['links']): ChainSnapshot => ({
    ...snapshot('c', new Date(Date.UTC(2026, 0, day)).toISOString(), `day ${day}`),
    members,
    links,
    suppliers: [{ id: 'x', name: '区外供应商', local: false }],
  });

  it('reads back every snapshot as it was taken, and the file holds the changes, not the firms again', async () => {
    const path = join(tempDir(), 'snapshots.jsonl');
    const store = new SnapshotFile(path);
    const taken: ChainSnapshot[] = [];
    let members = Array.from({ length: 2000 }, (_, i) => member(i));
    for (let day = 1; day <= 40; day++) {
      // each day a firm enters, one leaves, one changes segment, and a link comes
      members = [...members.filter((m) => m.id !== `m${String(day).padStart(4, '0')}`), member(2000 + day)];
      members = members
        .map((m) => (m.id === 'm0100' ? { ...m, segmentIds: [`s${day}`] } : m))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const links = Array.from({ length: day }, (_, i) => ({ from: 'x', to: `m${String(1000 + i).padStart(4, '0')}` }));
      taken.push(at(day, members, links));
      await store.add([taken[taken.length - 1] as ChainSnapshot]);
    }
    const again = new SnapshotFile(path);
    for (const s of taken) expect(await again.at('c', s.takenAt)).toEqual(s);
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { depth: number });
    // whole every 16th: 3 of 40 lines hold all 2,000 firms
    expect(lines.map((l) => l.depth).filter((d) => d === 0)).toHaveLength(3);
    const whole = JSON.stringify(taken[0]).length;
    expect(readFileSync(path).length).toBeLessThan(4 * whole);
  });
});
