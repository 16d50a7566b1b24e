import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../src/audit/audit-log';
import { openEmbeddedStore } from '../src/bin/open-store';
import { jsonLines } from '../src/interchange/format';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { code, runImport, tempDir } from './support/cli';
import { demoApi, type Query } from './support/helpers';

/**
 * "What changed since the last meeting", as a user gets it: the server's first start keeps a
 * snapshot of the demo data's chains, an import (the CLI, another process) changes one chain and
 * keeps another snapshot, and `changes(chain:, since:)` names exactly what the import did.
 */

interface Changes {
  since: string;
  before: { takenAt: string; cause: string; note: string; figures: Record<string, number | null> };
  after: { figures: Record<string, number | null> };
  gapsClosed: { name: string; before: string; after: string; segment: { id: string } | null }[];
  gapsOpened: { name: string }[];
  needs: { name: string; before: string | null; after: string | null }[];
  entered: { firm: { name: string; local: boolean; enterprise: { id: string } | null }; segments: string[] }[];
  left: { firm: { name: string } }[];
  linksAdded: { from: { name: string }; to: { name: string } }[];
  linksLost: { from: { name: string } }[];
  withheld: number;
}

const CHANGES = `query($chain: ID!, $since: String!) { changes(chain: $chain, since: $since) {
  since before { takenAt cause note figures { fill covered members localMembers links } }
  after { figures { fill covered members localMembers links } }
  gapsClosed { name before after segment { id } } gapsOpened { name } needs { name before after }
  entered { firm { name local enterprise { id } } segments } left { firm { name } }
  linksAdded { from { name } to { name } } linksLost { from { name } } withheld } }`;

describe('what changed since a moment', () => {
  const dir = tempDir();
  const storeDir = join(dir, 'store');
  let store: EmbeddedStore;
  const audit = new AuditLog(join(dir, 'audit.jsonl'));
  let query: Query;
  let since: string;
  let gap: { chain: string; segment: string; name: string; member: { id: string; name: string } };
  const newcomer = { id: code(90_001), name: '武汉新到冷链装备有限公司' };

  beforeAll(async () => {
    // the first start: the demo data, and the first snapshot of its chains
    (await openEmbeddedStore(storeDir)).close();
    since = new Date().toISOString();
    store = await EmbeddedStore.open(storeDir);
    ({ query } = await demoApi({ store, audit }));
    // a FILL segment (补链) of some chain, and a local member of that chain to supply
    const chains = await query<{
      chains: {
        nodes: {
          id: string;
          gapReport: { fill: { segment: { id: string; name: string } }[] };
          members: { nodes: { id: string; name: string; local: boolean }[] };
        }[];
      };
    }>(
      '{ chains(first: 20) { nodes { id gapReport { fill { segment { id name } } } members(first: 50, local: true) { nodes { id name local } } } } }',
      {},
      'analyst',
    );
    const chain = chains.data?.chains.nodes.find((c) => c.gapReport.fill.length > 0);
    if (!chain) throw new Error('the demo data has no FILL segment');
    const segment = chain.gapReport.fill[0]?.segment as { id: string; name: string };
    const member = chain.members.nodes[0] as { id: string; name: string };
    const { data } = await query<{ segment: { id: string }; enterprise: { id: string } }>(
      'query($s: ID!, $e: ID!) { segment(id: $s) { id } enterprise(id: $e) { id } }',
      { s: segment.id, e: member.id },
    );
    expect(data).toBeTruthy();
    gap = { chain: chain.id, segment: segment.id, name: segment.name, member };
  });

  afterAll(() => store?.close());

  it('is nothing before any import: the chain as it is equals its first snapshot', async () => {
    const r = await query<{ changes: Changes }>(CHANGES, { chain: gap.chain, since }, 'analyst');
    expect(r.errors).toBeUndefined();
    const c = r.data?.changes as Changes;
    expect(c.before.cause).toBe('IMPORT');
    expect(c.before.note).toBe('演示数据');
    expect([c.needs, c.entered, c.left, c.linksAdded, c.linksLost]).toEqual([[], [], [], [], []]);
    expect(c.after.figures).toEqual(c.before.figures);
  });

  it('names exactly what an import did: the gap it closed, the firm that entered, the link it brought', async () => {
    const files = join(dir, 'change');
    mkdirSync(files, { recursive: true });
    const segmentKey = Buffer.from(gap.segment, 'base64url')
      .toString('utf8')
      .replace(/^Segment:/, '');
    const memberKey = Buffer.from(gap.member.id, 'base64url')
      .toString('utf8')
      .replace(/^Enterprise:/, '');
    writeFileSync(
      join(files, 'enterprises.jsonl'),
      jsonLines([{ ...newcomer, shortName: '新到冷链', district: '湖北省武汉市江汉区', local: true }]),
    );
    writeFileSync(
      join(files, 'in_segment.jsonl'),
      jsonLines([{ enterpriseId: newcomer.id, segmentId: segmentKey, source: '招商落地', confidence: 1 }]),
    );
    writeFileSync(
      join(files, 'supplies.jsonl'),
      jsonLines([{ from: newcomer.id, to: memberKey, product: '冷链设备', source: '招商落地', confidence: 1 }]),
    );
    const run = await runImport([files, '--data-dir', storeDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Snapshots: \d+ chain\(s\)/);

    // the server picks up another process's commit within a second (its store's watch); here, at once
    await store.refresh();
    const r = await query<{ changes: Changes }>(CHANGES, { chain: gap.chain, since }, 'analyst');
    expect(r.errors).toBeUndefined();
    const c = r.data?.changes as Changes;
    expect(c.gapsClosed).toEqual([
      { name: gap.name, before: 'FILL', after: expect.any(String), segment: { id: gap.segment } },
    ]);
    expect(c.gapsClosed[0]?.after).not.toMatch(/FILL|EXTEND/);
    expect(c.gapsOpened).toEqual([]);
    expect(c.entered).toEqual([
      { firm: { name: newcomer.name, local: true, enterprise: { id: expect.any(String) } }, segments: [gap.name] },
    ]);
    expect(c.left).toEqual([]);
    expect(c.linksAdded).toEqual([{ from: { name: newcomer.name }, to: { name: gap.member.name } }]);
    expect(c.linksLost).toEqual([]);
    expect(c.withheld).toBe(0);
    expect(c.after.figures.fill).toBe((c.before.figures.fill as number) - 1);
    expect(c.after.figures.members).toBe((c.before.figures.members as number) + 1);
    expect(c.after.figures.links).toBe((c.before.figures.links as number) + 1);

    // the import kept a snapshot of every chain; the others did not change
    const all = await query<{
      chains: { nodes: { id: string; snapshots: { cause: string; note: string }[]; changes: Changes }[] };
    }>(
      `query($since: String!) { chains(first: 20) { nodes { id snapshots { cause note }
        changes(since: $since) { needs { name } entered { firm { name } } left { firm { name } } linksAdded { from { name } } linksLost { from { name } } } } } }`,
      { since },
      'analyst',
    );
    // every card's snapshots in one call to the store
    const figures = vi.spyOn(store.snapshots, 'figures');
    await query('{ chains(first: 20) { nodes { snapshots { takenAt } } } }');
    expect(figures).toHaveBeenCalledTimes(1);
    expect(figures.mock.calls[0]?.[0]).toHaveLength(all.data?.chains.nodes.length ?? 0);
    figures.mockRestore();
    for (const chain of all.data?.chains.nodes ?? []) {
      expect(chain.snapshots.map((s) => s.note)).toEqual(['演示数据', 'change']);
      if (chain.id === gap.chain) continue;
      const { needs, entered, left, linksAdded, linksLost } = chain.changes;
      expect([needs, entered, left, linksAdded, linksLost], chain.id).toEqual([[], [], [], [], []]);
    }
  });

  it('counts, and does not name, for a viewer an outside firm in a segment that needs something', async () => {
    const files = join(dir, 'outside');
    mkdirSync(files, { recursive: true });
    const segmentKey = Buffer.from(gap.segment, 'base64url')
      .toString('utf8')
      .replace(/^Segment:/, '');
    const outsider = { id: code(90_002), name: '上海外来算法科技有限公司' };
    writeFileSync(
      join(files, 'enterprises.jsonl'),
      jsonLines([{ ...outsider, shortName: '外来算法', district: '上海市浦东新区', local: false }]),
    );
    writeFileSync(
      join(files, 'in_segment.jsonl'),
      jsonLines([{ enterpriseId: outsider.id, segmentId: segmentKey, source: '企查', confidence: 0.8 }]),
    );
    expect((await runImport([files, '--data-dir', storeDir])).code).toBe(0);
    await store.refresh();
    const named = async (role: 'viewer' | 'analyst') => {
      const c = (await query<{ changes: Changes }>(CHANGES, { chain: gap.chain, since }, role)).data
        ?.changes as Changes;
      return { names: c.entered.map((m) => m.firm.name).sort(), withheld: c.withheld };
    };
    expect(await named('analyst')).toEqual({ names: [outsider.name, newcomer.name].sort(), withheld: 0 });
    expect(await named('viewer')).toEqual({ names: [newcomer.name], withheld: 1 });
  });

  it('names the leads made or moved since, for an analyst, and counts the pipeline by stage', async () => {
    const lead = async (firm: string, stages: string[]) => {
      const made = await query<{ createLead: { lead: { id: string } } }>(
        'mutation($e: ID!, $c: ID!) { createLead(input: { enterprise: $e, chain: $c, owner: "王五" }) { lead { id } } }',
        { e: firm, c: gap.chain },
        'editor',
      );
      expect(made.errors).toBeUndefined();
      const id = made.data?.createLead.lead.id as string;
      for (const stage of stages) {
        const moved = await query(
          'mutation($id: ID!, $s: LeadStage!) { moveLead(id: $id, stage: $s) { lead { stage } } }',
          { id, s: stage },
          'editor',
        );
        expect(moved.errors).toBeUndefined();
      }
    };
    await lead(newcomer.id, ['CONTACTED', 'VISITED', 'NEGOTIATING', 'SIGNED', 'LANDED']);
    await lead(gap.member.id, ['CONTACTED']);
    const moves = `query($chain: ID!, $since: String!) { changes(chain: $chain, since: $since) {
      leadsMoved { lead { enterprise { name } } from to moves } } chain(id: $chain) { pipeline { stage count overdue } } }`;
    const r = await query<{
      changes: {
        leadsMoved: { lead: { enterprise: { name: string } }; from: string | null; to: string; moves: number }[];
      };
      chain: { pipeline: { stage: string; count: number; overdue: number }[] };
    }>(moves, { chain: gap.chain, since }, 'analyst');
    expect(r.errors).toBeUndefined();
    expect(r.data?.changes.leadsMoved).toEqual([
      { lead: { enterprise: { name: newcomer.name } }, from: null, to: 'LANDED', moves: 6 },
      { lead: { enterprise: { name: gap.member.name } }, from: null, to: 'CONTACTED', moves: 2 },
    ]);
    // the chain's own field says the same, without comparing snapshots
    const own = await query<{ chain: { leadsMoved: unknown } }>(
      'query($chain: ID!, $since: String!) { chain(id: $chain) { leadsMoved(since: $since) { lead { enterprise { name } } from to moves } } }',
      { chain: gap.chain, since },
      'analyst',
    );
    expect(own.data?.chain.leadsMoved).toEqual(r.data?.changes.leadsMoved);
    const counts = Object.fromEntries((r.data?.chain.pipeline ?? []).map((s) => [s.stage, s.count]));
    expect(counts).toMatchObject({ LEAD: 0, CONTACTED: 1, LANDED: 1, LOST: 0 });
    // a viewer sees what changed, not the leads
    const viewer = await query<{ changes: { leadsMoved: null } | null }>(moves, { chain: gap.chain, since }, 'viewer');
    expect(viewer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(viewer.data?.changes?.leadsMoved).toBeNull();
  });

  it('refuses a moment that is not a date or time, naming the argument', async () => {
    const r = await query(CHANGES, { chain: gap.chain, since: 'last Tuesday' }, 'analyst');
    expect(r.errors?.[0]?.message).toBe(
      "Argument 'since' must be an ISO date (2026-11-05) or time; got 'last Tuesday'.",
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_INPUT', argument: 'since' });
  });

  it('keeps a snapshot on request for an editor only, and audits it', async () => {
    const viewer = await query('mutation { takeSnapshots(note: "例会") { snapshots { takenAt } } }', {}, 'viewer');
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const editor = await query<{ takeSnapshots: { snapshots: { note: string; cause: string }[] } }>(
      'mutation($c: [ID!]) { takeSnapshots(chains: $c, note: "2026年12月链长例会") { snapshots { note cause } } }',
      { c: [gap.chain] },
      'editor',
    );
    expect(editor.errors).toBeUndefined();
    expect(editor.data?.takeSnapshots.snapshots).toEqual([{ note: '2026年12月链长例会', cause: 'REQUEST' }]);
    const after = await query<{ chain: { snapshots: { note: string }[] } }>(
      'query($c: ID!) { chain(id: $c) { snapshots { note } } }',
      { c: gap.chain },
    );
    const entry = audit.all().find((e) => e.action === 'takeSnapshots' && e.who === 'editor-tester');
    expect(entry).toMatchObject({ role: 'editor', outcome: 'ok', detail: { note: '2026年12月链长例会' } });
    expect(after.data?.chain.snapshots.map((s) => s.note)).toEqual([
      '演示数据',
      'change',
      'outside',
      '2026年12月链长例会',
    ]);
  });
});
