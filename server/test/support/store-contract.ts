import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Curator } from '../../src/curation/curator';
import type { Dataset } from '../../src/domain/model';
import type { ChainSnapshot } from '../../src/domain/snapshot';
import { controlledBy, findRoots, type Holding } from '../../src/domain/systems';
import { importFiles, readDataset } from '../../src/import/importer';
import { jsonLines } from '../../src/interchange/format';
import { ImportError } from '../../src/interchange/problems';
import { DEMO_DATA_DIR } from '../../src/paths';
import type { EnterpriseQuery, GraphStore, ImportTarget } from '../../src/store/port';
import { tempDir } from './cli';

export type ContractStore = GraphStore;

const one = async (store: GraphStore, id: string) => (await store.getEnterprises([id]))[0];
const search = (store: GraphStore, text: string, limit: number, more: Partial<EnterpriseQuery> = {}) =>
  store.search({ text, order: 'RELEVANCE', offset: 0, limit, ...more });

/**
 * What every GraphStore must do, the same on the embedded store and on Neo4j: run by
 * store-contract.test.ts against each. `open` gives an empty store; the suite imports the demo
 * data set into it through the importer, then checks every method against answers worked out
 * from the data files themselves.
 */
export function describeStoreContract(name: string, open: () => Promise<ContractStore>) {
  describe(`GraphStore contract: ${name}`, async () => {
    const data = await readDataset([DEMO_DATA_DIR]); // the rows as the files give them, for expectations
    let store: ContractStore;
    const byShortName = (s: string) => data.enterprises.find((e) => e.shortName === s)?.id as string;

    it('imports the demo data, and importing it again changes nothing', async () => {
      store = await open();
      const first = await importFiles(store, { paths: [DEMO_DATA_DIR] });
      expect(first.counts.enterprises).toEqual({ added: data.enterprises.length, updated: 0, unchanged: 0 });
      expect(first.counts.supplies.added).toBe(data.supplies.length);
      const again = await importFiles(store, { paths: [DEMO_DATA_DIR] });
      for (const kind of ['enterprises', 'controls', 'supplies', 'chains', 'inSegment'] as const) {
        expect(again.counts[kind], kind).toMatchObject({ added: 0, updated: 0 });
      }
    });

    it('gets enterprises by id, in order, with a role', async () => {
      const ids = [byShortName('长江商贸'), 'no-such-id', byShortName('汉江金控')];
      const found = await store.getEnterprises(ids);
      expect(found.map((e) => e?.shortName)).toEqual(['长江商贸', undefined, '汉江金控']);
      expect(found[0]).toMatchObject({ role: 'ROOT', local: true, name: '湖北长江商贸物流集团有限公司' });
      expect(await one(store, 'no-such-id')).toBeUndefined();
    });

    it('searches Chinese names and short names by substring, exact short name first', async () => {
      expect((await search(store, '长江商贸', 5)).items[0]?.shortName).toBe('长江商贸');
      expect((await search(store, '物流集团', 10)).items.map((e) => e.shortName)).toContain('长江商贸');
      const han = await search(store, '汉', 50);
      expect(han.items.length).toBeGreaterThan(5);
      expect(han.items.every((e) => e.name.includes('汉') || e.shortName.includes('汉'))).toBe(true);
      expect(han.total).toBe(
        data.enterprises.filter((e) => e.name.includes('汉') || e.shortName.includes('汉')).length,
      );
      expect((await search(store, '   ', 5)).total).toBe(data.enterprises.length);
      expect(await search(store, '不存在的企业名称', 5)).toEqual({ total: 0, items: [] });
      expect((await search(store, '长江', 3)).items.length).toBe(3);
      expect((await search(store, '', 1, { text: byShortName('长江商贸') })).items[0]?.shortName).toBe('长江商贸');
    });

    it('searches by pinyin initials: of the short name first, then of names, then letters in order', async () => {
      expect((await search(store, 'cjsm', 5)).items[0]?.shortName).toBe('长江商贸');
      expect((await search(store, 'CJSM', 5)).items[0]?.shortName).toBe('长江商贸');
      // full-width letters, as a Chinese input method types them, are the same letters
      expect((await search(store, 'ＣＪＳＭ', 5)).items[0]?.shortName).toBe('长江商贸');
      const hbsm = await search(store, 'hbsm', 50);
      expect(hbsm.items.map((e) => e.name)).toContain('湖北长江商贸物流集团有限公司');
      expect(hbsm.total).toBeGreaterThan(0);
      expect((await search(store, 'qqqqzzzz', 5)).total).toBe(0);
    });

    it('filters a search by local, chain, segment and tier, sorts it, and pages it', async () => {
      const segment = data.segments.find((s) => s.chainId === 'logistics' && s.tier === 'UPSTREAM') as { id: string };
      const inSegment = new Set(data.inSegment.filter((m) => m.segmentId === segment.id).map((m) => m.enterpriseId));
      const outside = data.enterprises.filter((e) => inSegment.has(e.id) && !e.local);
      const found = await search(store, '', 100, { segmentId: segment.id, local: false, order: 'REVENUE' });
      expect(found.total).toBe(outside.length);
      expect(found.items.map((e) => e.id)).toEqual(
        outside.sort((a, b) => (b.revenue ?? -1) - (a.revenue ?? -1) || (a.id < b.id ? -1 : 1)).map((e) => e.id),
      );
      const upstream = await search(store, '', 100, { chainId: 'logistics', tier: 'UPSTREAM' });
      const upstreamSegments = new Set(
        data.segments.filter((s) => s.chainId === 'logistics' && s.tier === 'UPSTREAM').map((s) => s.id),
      );
      expect(upstream.total).toBe(
        new Set(data.inSegment.filter((m) => upstreamSegments.has(m.segmentId)).map((m) => m.enterpriseId)).size,
      );
      const byName = await search(store, '', 10, { order: 'NAME', offset: 5 });
      const names = data.enterprises.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(byName.items.map((e) => e.name)).toEqual(names.slice(5, 15));
    });

    it('gives the relationships of enterprises, by direction and kind, and by key', async () => {
      const root = byShortName('长江商贸');
      const [outControls, inSupplies, none] = [
        (await store.relationsOf([root, 'no-such-id'], 'out', 'CONTROLS'))[0],
        (await store.relationsOf([root], 'in', 'SUPPLIES'))[0],
        (await store.relationsOf(['no-such-id'], 'in', 'SUPPLIES'))[0],
      ];
      expect(outControls?.map((r) => r.to).sort()).toEqual(
        data.controls
          .filter((c) => c.from === root)
          .map((c) => c.to)
          .sort(),
      );
      expect(outControls?.every((r) => r.kind === 'CONTROLS' && r.from === root && (r.share ?? 0) > 0)).toBe(true);
      expect(inSupplies?.map((r) => `${r.from}:${r.kind === 'SUPPLIES' ? r.product : ''}`).sort()).toEqual(
        data.supplies
          .filter((s) => s.to === root)
          .map((s) => `${s.from}:${s.product}`)
          .sort(),
      );
      expect(none).toEqual([]);
      const s = data.supplies[0] as (typeof data.supplies)[number];
      const [found, missing] = await store.relations([
        { kind: 'SUPPLIES', from: s.from, to: s.to, product: s.product },
        { kind: 'CONTROLS', from: s.from, to: s.to },
      ]);
      expect(found).toMatchObject({ kind: 'SUPPLIES', from: s.from, to: s.to, product: s.product, source: s.source });
      expect(missing).toBeUndefined();
    });

    it('finds every shortest path between two enterprises within a number of hops', async () => {
      const root = byShortName('长江商贸');
      const child = data.controls.find((c) => c.from === root)?.to as string;
      expect(await store.shortestPaths(root, child, { maxHops: 3, kinds: ['CONTROLS'], limit: 10 })).toEqual([
        { nodeIds: [root, child], relations: [expect.objectContaining({ kind: 'CONTROLS', from: root, to: child })] },
      ]);
      const far = byShortName('汉江金控');
      const paths =
        (await store.shortestPaths(root, far, { maxHops: 6, kinds: ['CONTROLS', 'SUPPLIES'], limit: 50 })) ?? [];
      expect(paths.length).toBeGreaterThan(0);
      const length = paths[0]?.relations.length ?? 0;
      for (const p of paths) {
        expect(p.relations).toHaveLength(length);
        expect(p.nodeIds[0]).toBe(root);
        expect(p.nodeIds.at(-1)).toBe(far);
        p.relations.forEach((r, i) => {
          expect([r.from, r.to].sort()).toEqual([p.nodeIds[i], p.nodeIds[i + 1]].sort());
        });
      }
      expect(await store.shortestPaths(root, far, { maxHops: 1, kinds: ['CONTROLS'], limit: 5 })).toEqual([]);
      expect(
        await store.shortestPaths(root, 'no-such-id', { maxHops: 3, kinds: ['SUPPLIES'], limit: 5 }),
      ).toBeUndefined();
    });

    it('walks neighbourhoods by depth and kind, either direction, within a limit', async () => {
      const root = byShortName('长江商贸');
      const direct = new Set([
        ...data.controls.filter((c) => c.from === root || c.to === root).map((c) => (c.from === root ? c.to : c.from)),
        ...data.supplies.filter((s) => s.from === root || s.to === root).map((s) => (s.from === root ? s.to : s.from)),
      ]);
      const one = await store.neighbourhood(root, { depth: 1, kinds: ['CONTROLS', 'SUPPLIES'], limit: 500 });
      expect(one?.nodes[0]?.id).toBe(root);
      expect(one?.distances[0]).toBe(0);
      expect(new Set(one?.nodes.slice(1).map((e) => e.id))).toEqual(direct);
      expect(one?.truncated).toBe(false);
      const ids = new Set(one?.nodes.map((e) => e.id));
      expect(one?.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);

      const owned = await store.neighbourhood(root, { depth: 3, kinds: ['CONTROLS'], limit: 500 });
      expect(owned?.edges.length).toBeGreaterThan(0);
      expect(owned?.edges.every((e) => e.kind === 'CONTROLS' && typeof e.share === 'number')).toBe(true);
      expect(owned?.distances.every((d) => d <= 3)).toBe(true);

      const two = await store.neighbourhood(root, { depth: 2, kinds: ['CONTROLS', 'SUPPLIES'], limit: 10 });
      expect(two?.nodes).toHaveLength(10);
      expect(two?.truncated).toBe(true);
      // cut short within a hop: the smallest ids of that hop are kept, the same on every store
      expect(two?.nodes.slice(1).map((e) => e.id)).toEqual([...direct].sort().slice(0, 9));
      // the limit reached exactly at one hop, with more one hop further: cut short too
      const exact = await store.neighbourhood(root, {
        depth: 2,
        kinds: ['CONTROLS', 'SUPPLIES'],
        limit: direct.size + 1,
      });
      expect(new Set(exact?.nodes.slice(1).map((e) => e.id))).toEqual(direct);
      expect(exact?.truncated).toBe(true);
      const all = await store.neighbourhood(root, {
        depth: 1,
        kinds: ['CONTROLS', 'SUPPLIES'],
        limit: direct.size + 1,
      });
      expect(all?.truncated).toBe(false);
      expect(await store.neighbourhood('no-such-id', { depth: 1, kinds: ['SUPPLIES'], limit: 5 })).toBeUndefined();
    });

    it('lists the chains with segments in order, template, leaders and anchors', async () => {
      const chains = await store.chains();
      expect(chains.map((c) => c.id).sort()).toEqual(data.chains.map((c) => c.id).sort());
      for (const chain of chains) {
        const segments = data.segments.filter((s) => s.chainId === chain.id).sort((a, b) => a.order - b.order);
        expect(chain.segments.map((s) => s.id)).toEqual(segments.map((s) => s.id));
        const feeds = data.feeds.filter((f) => segments.some((s) => s.id === f.from));
        expect(sortedPairs(chain.feeds)).toEqual(sortedPairs(feeds));
        expect(chain.leaders.map((l) => l.id)).toEqual(
          data.leads.filter((l) => l.chainId === chain.id).map((l) => l.leaderId),
        );
        expect(chain.anchorIds.sort()).toEqual(
          data.anchors
            .filter((a) => a.chainId === chain.id)
            .map((a) => a.enterpriseId)
            .sort(),
        );
      }
      const [none, logistics] = await store.chainsById(['no-such-chain', 'logistics']);
      expect(none).toBeUndefined();
      expect(logistics?.name).toBe('商贸物流');
      const segment = data.segments[0] as (typeof data.segments)[number];
      expect(await store.segmentsById([segment.id, 'nope'])).toEqual([expect.objectContaining(segment), undefined]);
      const anchor = data.anchors[0] as (typeof data.anchors)[number];
      expect(
        (await store.anchoredBy([anchor.enterpriseId, 'nope'])).map((ids) => ids.includes(anchor.chainId)),
      ).toEqual([true, false]);
    });

    it('lists the members of a chain and the segments of an enterprise', async () => {
      const [members = [], none] = await store.chainMembers(['logistics', 'no-such-chain']);
      expect(none).toEqual([]);
      const segments = new Set(data.segments.filter((s) => s.chainId === 'logistics').map((s) => s.id));
      const expected = data.inSegment.filter((m) => segments.has(m.segmentId));
      expect(members.map((m) => `${m.enterprise.id}@${m.segmentId}`).sort()).toEqual(
        expected.map((m) => `${m.enterpriseId}@${m.segmentId}`).sort(),
      );
      const root = byShortName('长江商贸');
      expect(((await store.segmentsOf([root]))[0] ?? []).map((s) => s.id).sort()).toEqual(
        data.inSegment
          .filter((m) => m.enterpriseId === root)
          .map((m) => m.segmentId)
          .sort(),
      );
      expect(await store.segmentsOf(['no-such-id'])).toEqual([[]]);
    });

    it('derives the systems and roles from ownership and supply', async () => {
      const expected = expectedSystems(data);
      expect((await store.systemRoots()).sort()).toEqual([...expected.keys()].sort());
      for (const [rootId, want] of expected) {
        const [system] = await store.systems([rootId]);
        expect(system?.members.map((m) => m.enterprise.id).sort()).toEqual([...want.members].sort());
        expect(system?.affiliateIds).toEqual([...want.affiliates].sort());
        expect(system?.members[0]?.enterprise.role).toBe('ROOT');
      }
      expect(await store.systems(['no-such-id'])).toEqual([undefined]);
    });

    it('keeps a chain subgraph until a write changes the graph, then reads it anew', async () => {
      const root = byShortName('长江商贸');
      const chainId = data.anchors.find((a) => a.enterpriseId === root)?.chainId as string;
      const first = await store.chainSubgraph(chainId);
      expect(first?.enterprises.some((e) => e.id === root)).toBe(true);
      // asked again with nothing written: the same subgraph (and so the analysis's kept reports)
      expect(await store.chainSubgraph(chainId)).toBe(first);
      const dir = tempDir();
      const original = data.enterprises.find((e) => e.id === root);
      writeFileSync(join(dir, 'enterprises.jsonl'), jsonLines([{ ...original, employees: 54321 }]));
      await importFiles(store, { paths: [dir] });
      const after = await store.chainSubgraph(chainId);
      expect(after).not.toBe(first);
      expect(after?.enterprises.find((e) => e.id === root)?.employees).toBe(54321);
      expect(await store.chainSubgraph(chainId)).toBe(after);
    });

    it('takes a later file as an update of an existing enterprise', async () => {
      const id = byShortName('长江商贸');
      const original = data.enterprises.find((e) => e.id === id);
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-contract-'));
      writeFileSync(join(dir, 'enterprises.jsonl'), `${JSON.stringify({ ...original, revenue: 1234567 })}\n`);
      const result = await importFiles(store, { paths: [dir] });
      expect(result.counts.enterprises).toEqual({ added: 0, updated: 1, unchanged: 0 });
      expect((await one(store, id))?.revenue).toBe(1234567);
      expect((await one(store, id))?.role).toBe('ROOT');
    });

    it('removes relationships that are there, leaves the others alone, and derives roles again', async () => {
      const root = byShortName('长江商贸');
      const child = data.controls.find((c) => c.from === root && (c.share ?? 0) >= 0.5)?.to as string;
      const member = data.inSegment[0] as (typeof data.inSegment)[number];
      const removed = await store.remove(
        [
          { kind: 'controls', from: root, to: child },
          { kind: 'inSegment', enterpriseId: member.enterpriseId, segmentId: member.segmentId },
          { kind: 'supplies', from: root, to: child, product: '没有这种产品' },
        ],
        'contract test',
      );
      expect(removed.map((r) => r.kind)).toEqual(['controls', 'inSegment']);
      expect((await store.relationsOf([root], 'out', 'CONTROLS'))[0]?.some((r) => r.to === child)).toBe(false);
      expect(((await store.segmentsOf([member.enterpriseId]))[0] ?? []).some((s) => s.id === member.segmentId)).toBe(
        false,
      );
      const [system] = await store.systems([root]);
      expect(system?.members.some((m) => m.enterprise.id === child)).toBe(false);
      expect(await store.remove([{ kind: 'controls', from: root, to: child }], 'again')).toEqual([]);
    });

    it('checks an import again when it writes: of two that fit alone but not together, the second is refused', async () => {
      // two firms each buying 60% of one company, in two imports read and checked before either writes
      const company = 'wc-company';
      const dir = tempDir();
      const files = (holder: string) => {
        const at = join(dir, holder);
        mkdirSync(at);
        writeFileSync(
          join(at, 'enterprises.jsonl'),
          jsonLines([
            { id: company, name: '重检目标有限公司', local: true },
            { id: holder, name: `${holder}投资有限公司`, local: true },
          ]),
        );
        writeFileSync(join(at, 'controls.jsonl'), jsonLines([{ from: holder, to: company, share: 0.6 }]));
        return at;
      };
      const [a, b] = [files('wc-holder-a'), files('wc-holder-b')];
      const { first, second } = bothChecked(store);
      const results = await Promise.allSettled([
        importFiles(first, { paths: [a] }),
        importFiles(second, { paths: [b] }),
      ]);
      expect(results[0].status).toBe('fulfilled');
      const refused = (results[1] as PromiseRejectedResult).reason;
      expect(refused).toBeInstanceOf(ImportError);
      expect(refused.message).toMatch(/store changed while the import was read/);
      expect(refused.problems).toHaveLength(1);
      expect(refused.problems[0]).toMatchObject({ file: join(b, 'controls.jsonl'), line: 1, field: 'share' });
      expect(refused.problems[0].message).toMatch(/would sum to 120%.*'wc-holder-a' 60% \(in the store\)/);
      // nothing of the refused import was written: not its controls row, not its new enterprise
      expect((await store.relationsOf([company], 'in', 'CONTROLS'))[0]?.map((r) => r.from)).toEqual(['wc-holder-a']);
      expect(await one(store, 'wc-holder-b')).toBeUndefined();
    });

    it('checks an import again against an edit committed while it was read', async () => {
      const company = 'wc-company';
      const dir = tempDir();
      writeFileSync(
        join(dir, 'enterprises.jsonl'),
        jsonLines([{ id: 'wc-holder-c', name: '丙投资有限公司', local: true }]),
      );
      writeFileSync(join(dir, 'controls.jsonl'), jsonLines([{ from: 'wc-holder-c', to: company, share: '30%' }]));
      const other = byShortName('汉江金控');
      const curator = new Curator(store);
      const editor = { name: 'contract', role: 'editor' as const, authenticated: true };
      // the edit lands after the import's own check and before its write
      const target: ImportTarget = {
        view: (rows) => store.view(rows),
        plan: (rows) => store.plan(rows),
        commit: async (rows, note, check) => {
          await curator.addRelationship(editor, { kind: 'CONTROLS', from: other, to: company, share: 0.3 });
          return store.commit(rows, note, check);
        },
      };
      const refused = await importFiles(target, { paths: [dir] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ImportError);
      expect((refused as ImportError).problems[0]?.message).toMatch(/would sum to 120%/);
      const holders = (await store.relationsOf([company], 'in', 'CONTROLS'))[0] ?? [];
      expect(holders.map((r) => r.from).sort()).toEqual([other, 'wc-holder-a'].sort());
      expect(await one(store, 'wc-holder-c')).toBeUndefined();
      // and an edit that would pass 100% is refused by the curator, as it was before
      await expect(
        curator.addRelationship(editor, { kind: 'CONTROLS', from: 'wc-holder-a', to: company, share: 0.8 }),
      ).rejects.toThrow(/would sum to 110%/);
    });

    it('keeps chain snapshots by chain and time, and gives the latest one at or before a moment', async () => {
      const figures = (members: number): ChainSnapshot['figures'] => ({
        segments: 4,
        covered: 2,
        coverage: 0.5,
        fill: 1,
        extend: 1,
        strengthen: 0,
        localSourcing: null,
        chokepoints: 0,
        members,
        localMembers: members,
        links: 0,
      });
      const snapshot = (chainId: string, takenAt: string, members: number): ChainSnapshot => ({
        chainId,
        takenAt,
        cause: 'IMPORT',
        note: `${chainId} at ${takenAt}`,
        figures: figures(members),
        segments: [{ id: 's1', name: '环节一', need: 'FILL', group: false }],
        members: Array.from({ length: members }, (_, i) => ({
          id: `m${i}`,
          name: `企业${i}`,
          local: true,
          segmentIds: ['s1'],
        })),
        links: [],
        suppliers: [],
      });
      // out of time order, and one time with another offset (2026-11-01T02:00Z)
      await store.snapshots.add([
        snapshot('contract-a', '2026-12-01T00:00:00.000Z', 3),
        snapshot('contract-a', '2026-11-01T10:00:00+08:00', 1),
        snapshot('contract-b', '2026-11-15T00:00:00.000Z', 7),
      ]);
      await store.snapshots.add([snapshot('contract-a', '2026-11-20T00:00:00.000Z', 2)]);
      const [all = []] = await store.snapshots.figures(['contract-a']);
      expect(all.map((s) => s.figures.members)).toEqual([1, 2, 3]);
      expect(all[0]).toEqual({
        chainId: 'contract-a',
        takenAt: '2026-11-01T10:00:00+08:00',
        cause: 'IMPORT',
        note: 'contract-a at 2026-11-01T10:00:00+08:00',
        figures: figures(1),
      });
      expect(
        (await store.snapshots.figures(['contract-a'], '2026-11-20T00:00:00Z'))[0]?.map((s) => s.figures.members),
      ).toEqual([2, 3]);
      // several chains at once, in the order asked, [] for one without snapshots
      expect(
        (await store.snapshots.figures(['contract-b', 'no-such-chain', 'contract-a'])).map((l) => l.length),
      ).toEqual([1, 0, 3]);
      expect((await store.snapshots.at('contract-a', '2026-11-30T23:59:59Z'))?.members).toHaveLength(2);
      expect((await store.snapshots.at('contract-a', '2026-11-01T02:00:00Z'))?.note).toBe(
        'contract-a at 2026-11-01T10:00:00+08:00',
      );
      expect(await store.snapshots.at('contract-a', '2026-11-01T01:59:59Z')).toBeUndefined();
      expect((await store.snapshots.at('contract-b', '2027-01-01T00:00:00Z'))?.figures.members).toBe(7);
      // a snapshot without a valid time is refused, and so is its batch: nothing of it is kept
      await expect(
        store.snapshots.add([
          snapshot('contract-c', '2026-12-01T00:00:00Z', 1),
          snapshot('contract-c', 'yesterday', 1),
        ]),
      ).rejects.toThrow(/contract-c.*takenAt 'yesterday'/);
      expect(await store.snapshots.figures(['contract-c'])).toEqual([[]]);
    });
  });
}

/**
 * Two import targets over one store whose writes wait until both imports have been read and
 * checked, and go one after the other: the race of two imports, made certain.
 */
function bothChecked(store: GraphStore): { first: ImportTarget; second: ImportTarget } {
  let secondChecked: () => void = () => {};
  const checked = new Promise<void>((resolve) => {
    secondChecked = resolve;
  });
  let firstWritten: () => void = () => {};
  const written = new Promise<void>((resolve) => {
    firstWritten = resolve;
  });
  const first: ImportTarget = {
    view: (rows) => store.view(rows),
    plan: (rows) => store.plan(rows),
    commit: async (rows, note, check) => {
      await checked;
      try {
        return await store.commit(rows, note, check);
      } finally {
        firstWritten();
      }
    },
  };
  const second: ImportTarget = {
    view: async (rows) => {
      const view = await store.view(rows);
      // after the checks that follow this view (they run at once, without waiting on anything)
      setImmediate(secondChecked);
      return view;
    },
    plan: (rows) => store.plan(rows),
    commit: async (rows, note, check) => {
      await written;
      return store.commit(rows, note, check);
    },
  };
  return { first, second };
}

function sortedPairs(pairs: { from: string; to: string }[]): string[] {
  return pairs.map((p) => `${p.from}>${p.to}`).sort();
}

/** The systems of the demo data, worked out from the rows with the pure analysis functions. */
function expectedSystems(data: Dataset): Map<string, { members: Set<string>; affiliates: Set<string> }> {
  const holdings = data.controls.filter((c): c is Holding & typeof c => c.share !== undefined);
  const out = new Map<string, { members: Set<string>; affiliates: Set<string> }>();
  for (const root of findRoots(holdings)) {
    const members = new Set(controlledBy(root, (id) => holdings.filter((h) => h.from === id)).map((c) => c.id));
    const affiliates = new Set<string>();
    for (const s of data.supplies) {
      if (members.has(s.from) && !members.has(s.to)) affiliates.add(s.to);
      if (members.has(s.to) && !members.has(s.from)) affiliates.add(s.from);
    }
    out.set(root, { members, affiliates });
  }
  return out;
}
