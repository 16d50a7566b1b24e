import type { ChainChanges, LinkChange, MemberChange, NeedChange } from '../../analysis/changes';
import { DEFAULT_GAP_PARAMS } from '../../analysis/gap-report';
import { chainSnapshot } from '../../analysis/snapshot';
import { changesSince } from '../../chronicle/snapshots';
import type { ChainRecord } from '../../domain/records';
import type { ChainFigures, ChainSnapshot, SnapshotFigures, SnapshotFirm } from '../../domain/snapshot';
import { builder } from '../builder';
import { type Context, gapReportKey } from '../context';
import { codedError, notFound } from '../errors';
import { keyOf } from '../global-id';
import { NeedEnum } from './analysis-refs';
import { ANALYSIS_COST } from './gap-report';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';
import { withheldFrom } from './withheld';

/**
 * The chronicle of a chain (链况): its snapshots (taken at every import and on request) and what
 * changed since a moment — the last monthly meeting (自上次会议以来). A viewer sees it all but the
 * outside firms that entered or left a segment that needs something, as elsewhere (withheld.ts).
 */

const MAX_SNAPSHOT_CHAINS = 100;

const ChainFiguresRef = builder.objectRef<ChainFigures>('ChainFigures').implement({
  description: "A chain's headline figures (by the default gap report), as its card shows them.",
  fields: (t) => ({
    segments: t.exposeInt('segments', { description: 'Segments that are not groups: what coverage counts.' }),
    covered: t.exposeInt('covered'),
    coverage: t.float({ nullable: true, description: 'covered / segments.', resolve: (f) => f.coverage }),
    fill: t.exposeInt('fill'),
    extend: t.exposeInt('extend'),
    strengthen: t.exposeInt('strengthen'),
    localSourcing: t.float({
      nullable: true,
      description: 'Local sourcing by count of links (本地配套率).',
      resolve: (f) => f.localSourcing,
    }),
    chokepoints: t.exposeInt('chokepoints', { description: 'Local firms that are the sole supplier of an input.' }),
    members: t.exposeInt('members'),
    localMembers: t.exposeInt('localMembers'),
    links: t.exposeInt('links', { description: 'Supply links into members (one per supplier and customer).' }),
  }),
});

const SnapshotCauseEnum = builder.enumType('SnapshotCause', {
  values: {
    IMPORT: { description: 'Taken when an import changed the data.' },
    REQUEST: { description: 'Taken on request (takeSnapshots).' },
  },
});

const ChainSnapshotRef = builder.objectRef<SnapshotFigures>('ChainSnapshot').implement({
  description: 'A chain as it stood at one moment: when, why, and its figures.',
  fields: (t) => ({
    takenAt: t.exposeString('takenAt', { description: 'ISO time.' }),
    cause: t.field({ type: SnapshotCauseEnum, resolve: (s) => s.cause }),
    note: t.exposeString('note'),
    figures: t.field({ type: ChainFiguresRef, resolve: (s) => s.figures }),
  }),
});

const NeedChangeRef = builder.objectRef<NeedChange>('NeedChange').implement({
  description: 'A segment whose need changed.',
  fields: (t) => ({
    segment: t.field({
      type: SegmentRef,
      nullable: true,
      description: 'null when the segment is no longer in the data.',
      resolve: async (n, _a, { loaders }) => (await loaders.segment.load(n.segmentId)) ?? null,
    }),
    name: t.exposeString('name'),
    before: t.field({
      type: NeedEnum,
      nullable: true,
      description: 'null: not in the chain then.',
      resolve: (n) => n.before,
    }),
    after: t.field({
      type: NeedEnum,
      nullable: true,
      description: 'null: not in the chain now.',
      resolve: (n) => n.after,
    }),
  }),
});

const FirmRef = builder.objectRef<SnapshotFirm>('ChangedFirm').implement({
  description: 'A firm as a snapshot knew it: named even when it has left the data since.',
  fields: (t) => ({
    enterprise: t.field({
      type: EnterpriseRef,
      nullable: true,
      description: 'null when the enterprise is no longer in the data.',
      resolve: async (f, _a, { loaders }) => (await loaders.enterprise.load(f.id)) ?? null,
    }),
    name: t.exposeString('name'),
    local: t.exposeBoolean('local'),
  }),
});

const MemberChangeRef = builder.objectRef<MemberChange & { segmentNames: string[] }>('MemberChange').implement({
  description: 'A firm that entered or left the chain, with the segments it works (or worked) in.',
  fields: (t) => ({
    firm: t.field({ type: FirmRef, resolve: (m) => m.firm }),
    segments: t.exposeStringList('segmentNames', { description: 'The names of its segments.' }),
  }),
});

const LinkChangeRef = builder.objectRef<LinkChange>('LinkChange').implement({
  description: 'A supply link into a member, won or lost (one per supplier and customer).',
  fields: (t) => ({
    from: t.field({ type: FirmRef, resolve: (l) => l.from }),
    to: t.field({ type: FirmRef, resolve: (l) => l.to }),
  }),
});

interface Changes extends ChainChanges {
  chain: ChainRecord;
  since: string;
  entered: (MemberChange & { segmentNames: string[] })[];
  left: (MemberChange & { segmentNames: string[] })[];
  withheld: number;
}

export const ChainChangesRef = builder.objectRef<Changes>('ChainChanges').implement({
  description:
    'What changed in a chain since a moment (自上次会议以来): from its snapshot then (`before`) to the chain now (`after`).',
  fields: (t) => ({
    chain: t.field({ type: ChainRef, resolve: (c) => c.chain }),
    since: t.exposeString('since', { description: 'The moment asked for, as an ISO time.' }),
    before: t.field({
      type: ChainSnapshotRef,
      description:
        'The snapshot compared with: the latest taken at or before `since` (the first after, when none is that old).',
      resolve: (c) => c.before,
    }),
    after: t.field({
      type: ChainSnapshotRef,
      description: 'The chain as it is now.',
      resolve: (c) => c.after,
    }),
    gapsClosed: t.field({
      type: [NeedChangeRef],
      description: 'Segments that were a gap (FILL, EXTEND) and are not now.',
      resolve: (c) => c.gapsClosed,
    }),
    gapsOpened: t.field({
      type: [NeedChangeRef],
      description: 'Segments that are a gap now and were not.',
      resolve: (c) => c.gapsOpened,
    }),
    needs: t.field({
      type: [NeedChangeRef],
      description: 'Every segment whose need changed.',
      resolve: (c) => c.needs,
    }),
    entered: t.field({ type: [MemberChangeRef], resolve: (c) => c.entered }),
    left: t.field({ type: [MemberChangeRef], resolve: (c) => c.left }),
    linksAdded: t.field({ type: [LinkChangeRef], resolve: (c) => c.linksAdded }),
    linksLost: t.field({ type: [LinkChangeRef], resolve: (c) => c.linksLost }),
    withheld: t.int({
      description:
        'Outside firms that entered or left a segment that needs something: counted, not named, for a viewer.',
      resolve: (c) => c.withheld,
    }),
  }),
});

/** An ISO date (the start of that day in China, UTC+8) or time; BAD_INPUT naming the argument otherwise. */
export function moment(value: string, argument: string): string {
  const text = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00+08:00` : text;
  const time = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time))
    throw codedError('BAD_INPUT', `Argument '${argument}' must be an ISO date (2026-11-05) or time; got '${value}'.`, {
      argument,
    });
  return new Date(time).toISOString();
}

/** The chain as it is now, as a snapshot (not kept): its subgraph and default report, through the request's loaders. */
async function snapshotNow(context: Context, chainId: string, cause: ChainSnapshot['cause'], note: string) {
  const graph = await context.loaders.chainSubgraph.load(chainId);
  if (!graph) return undefined;
  const report = await context.loaders.gapReport.load(gapReportKey(chainId, DEFAULT_GAP_PARAMS));
  if (!report) return undefined;
  return chainSnapshot(graph, report, { at: new Date().toISOString(), cause, note });
}

async function changesOf(context: Context, chain: ChainRecord, since: string): Promise<Changes | null> {
  const now = await snapshotNow(context, chain.id, 'REQUEST', 'now');
  if (!now) return null;
  const changes = await changesSince(context.store, now, since);
  if (!changes) return null;
  const withheld = await withheldFrom(context, [chain.id]);
  const names = new Map(chain.segments.map((s) => [s.id, s.name]));
  const kept = (list: MemberChange[]) => {
    const shown = list.filter(
      (m) => !m.segmentIds.some((segmentId) => withheld.hides({ segmentId, local: m.firm.local })),
    );
    return shown.map((m) => ({ ...m, segmentNames: m.segmentIds.map((id) => names.get(id) ?? id) }));
  };
  const entered = kept(changes.entered);
  const left = kept(changes.left);
  return {
    ...changes,
    chain,
    since,
    entered,
    left,
    withheld: changes.entered.length + changes.left.length - entered.length - left.length,
  };
}

builder.objectFields(ChainRef, (t) => ({
  snapshots: t.field({
    type: [ChainSnapshotRef],
    description: "The chain's snapshots, oldest first: at every import that changed the data, and on request.",
    args: { since: t.arg.string({ description: 'Only those taken at or after this ISO date or time.' }) },
    complexity: { field: 5, multiplier: 1 },
    resolve: (c, args, { loaders }) =>
      loaders.snapshotFigures.load(
        args.since == null ? { chainId: c.id } : { chainId: c.id, since: moment(args.since, 'since') },
      ),
  }),
  changes: t.field({
    type: ChainChangesRef,
    nullable: true,
    description: 'What changed since a moment (自上次会议以来); null when the chain has no snapshot yet.',
    args: {
      since: t.arg.string({ required: true, description: 'An ISO date (the start of that day, UTC+8) or time.' }),
    },
    complexity: { field: ANALYSIS_COST.shared, multiplier: 1 },
    resolve: (c, args, context) => changesOf(context, c, moment(args.since, 'since')),
  }),
}));

builder.queryField('changes', (t) =>
  t.field({
    type: ChainChangesRef,
    nullable: true,
    description: 'What changed in a chain since a moment (自上次会议以来); null when the chain has no snapshot yet.',
    args: {
      chain: t.arg.id({ required: true, description: 'Global id or key.' }),
      since: t.arg.string({ required: true, description: 'An ISO date (the start of that day, UTC+8) or time.' }),
    },
    complexity: { field: ANALYSIS_COST.shared, multiplier: 1 },
    resolve: async (_root, args, context) => {
      const chainId = keyOf('Chain', args.chain, 'chain');
      const since = moment(args.since, 'since');
      const chain = await context.loaders.chain.load(chainId);
      if (!chain) throw notFound('chain', chainId);
      return changesOf(context, chain, since);
    },
  }),
);

const TakeSnapshotsPayload = builder.objectRef<{ snapshots: SnapshotFigures[] }>('TakeSnapshotsPayload').implement({
  fields: (t) => ({ snapshots: t.field({ type: [ChainSnapshotRef], resolve: (p) => p.snapshots }) }),
});

builder.mutationField('takeSnapshots', (t) =>
  t.field({
    type: TakeSnapshotsPayload,
    authScopes: { editor: true },
    description: 'Keeps a snapshot of the chains named (every chain without), e.g. on the day of a meeting.',
    args: {
      chains: t.arg.idList({ description: 'Global ids or keys; every chain when left out.' }),
      note: t.arg.string({ description: 'Why (e.g. "2026年12月链长例会").' }),
    },
    complexity: { field: ANALYSIS_COST.shared, multiplier: 1 },
    resolve: async (_root, args, context) => {
      const ids = args.chains
        ? args.chains.map((c, i) => keyOf('Chain', c, `chains[${i}]`))
        : (await context.store.chains()).map((c) => c.id);
      if (ids.length > MAX_SNAPSHOT_CHAINS)
        throw codedError('BAD_INPUT', `Argument 'chains' may name at most ${MAX_SNAPSHOT_CHAINS} chains.`, {
          argument: 'chains',
        });
      const note = (args.note ?? '').trim().slice(0, 200);
      const snapshots: ChainSnapshot[] = [];
      for (const id of ids) {
        const s = await snapshotNow(context, id, 'REQUEST', note);
        if (!s) throw notFound('chain', id);
        snapshots.push(s);
      }
      await context.store.snapshots.add(snapshots);
      return { snapshots };
    },
  }),
);
