import { MAX_NUMBER } from '../../interchange/values';
import { builder } from '../builder';
import { ownerOf } from '../context';
import { codedError, notFound } from '../errors';
import { keyOf } from '../global-id';
import { GapReportRef, NeedEnum, SegmentChangeRef, SourcingRateRef, WhatIfRef } from './analysis-refs';
import { ANALYSIS_COST, gapParams } from './gap-report';
import { SegmentRef } from './refs';

const MAX_ADDITIONS = 20;

const HypotheticalInput = builder.inputType('HypotheticalEnterpriseInput', {
  description: 'An enterprise that is not there: where it would work and whom it would supply.',
  fields: (t) => ({
    name: t.string({ required: true }),
    local: t.boolean({ description: 'Inside the district; default true.' }),
    segmentIds: t.idList({ required: true }),
    suppliesTo: t.idList({ description: 'Enterprises it would supply.' }),
    suppliedBy: t.idList({ description: 'Enterprises that would supply it.' }),
    revenue: t.float({ description: '10k CNY a year.' }),
  }),
});

WhatIfRef.implement({
  description: "A chain's report with hypothetical enterprises added, against the report as it is. Nothing is written.",
  fields: (t) => ({
    before: t.field({ type: GapReportRef, resolve: (w) => w.before }),
    after: t.field({ type: GapReportRef, resolve: (w) => w.after }),
    changes: t.field({ type: [SegmentChangeRef], resolve: (w) => w.changes }),
    gapsClosed: t.field({
      type: [SegmentRef],
      description: 'Segments that were FILL or EXTEND and would be covered.',
      resolve: (w) => w.chainSegments.filter((s) => w.gapsClosed.includes(s.id)),
    }),
    localSourcingBefore: t.float({ nullable: true, resolve: (w) => w.overallLocalSourcing.before }),
    localSourcingAfter: t.float({ nullable: true, resolve: (w) => w.overallLocalSourcing.after }),
    sourcingAfter: t.field({ type: SourcingRateRef, resolve: (w) => w.after.sourcing.overall }),
  }),
});

SegmentChangeRef.implement({
  fields: (t) => ({
    segmentId: t.exposeID('segmentId'),
    before: t.field({ type: NeedEnum, resolve: (c) => c.before }),
    after: t.field({ type: NeedEnum, resolve: (c) => c.after }),
    localSourcingBefore: t.float({ nullable: true, resolve: (c) => c.localSourcingBefore }),
    localSourcingAfter: t.float({ nullable: true, resolve: (c) => c.localSourcingAfter }),
  }),
});

builder.queryField('whatIf', (t) =>
  t.field({
    type: WhatIfRef,
    // two gap reports of the chain, one of them new work
    complexity: { field: 2 * ANALYSIS_COST.own, multiplier: 1 },
    description: 'What adding hypothetical enterprises to a chain would change (招商推演). Nothing is written.',
    args: {
      chainId: t.arg.id({ required: true }),
      additions: t.arg({ type: [HypotheticalInput], required: true }),
      minCover: t.arg.int(),
      minFirms: t.arg.int(),
      minLocalSourcing: t.arg.float(),
    },
    resolve: async (_root, args, context) => {
      const { loaders, analysis, signal } = context;
      const chainId = keyOf('Chain', args.chainId, 'chainId');
      if (args.additions.length === 0 || args.additions.length > MAX_ADDITIONS) {
        throw codedError('BAD_INPUT', `Argument 'additions' must hold 1 to ${MAX_ADDITIONS} enterprises.`, {
          argument: 'additions',
        });
      }
      const graph = await loaders.chainSubgraph.load(chainId);
      if (!graph) throw notFound('chain', chainId);
      const segments = new Set(graph.chain.segments.map((s) => s.id));
      const known = new Set(graph.enterprises.map((e) => e.id));
      const additions = args.additions.map((a, i) => ({
        ...a,
        segmentIds: a.segmentIds.map((s) => keyOf('Segment', s, `additions[${i}].segmentIds`)),
        suppliesTo: a.suppliesTo?.map((e) => keyOf('Enterprise', e, `additions[${i}].suppliesTo`)),
        suppliedBy: a.suppliedBy?.map((e) => keyOf('Enterprise', e, `additions[${i}].suppliedBy`)),
      }));
      additions.forEach((a, i) => {
        const bad = a.segmentIds.find((s) => !segments.has(s));
        if (bad)
          throw codedError(
            'BAD_INPUT',
            `additions[${i}].segmentIds: '${bad}' is not a segment of chain '${chainId}'.`,
            { argument: 'additions' },
          );
        if (a.revenue != null && !(Number.isFinite(a.revenue) && a.revenue >= 0 && a.revenue <= MAX_NUMBER))
          throw codedError(
            'BAD_INPUT',
            `additions[${i}].revenue must be a number from 0 to ${MAX_NUMBER} (10k CNY a year); got ${a.revenue}.`,
            { argument: 'additions' },
          );
        const unknown = [...(a.suppliesTo ?? []), ...(a.suppliedBy ?? [])].find((e) => !known.has(e));
        if (unknown)
          throw codedError(
            'BAD_INPUT',
            `additions[${i}]: '${unknown}' is not an enterprise of chain '${chainId}' or its suppliers.`,
            { argument: 'additions' },
          );
      });
      const result = await analysis.whatIf(
        graph,
        additions.map((a) => ({
          name: a.name,
          segmentIds: a.segmentIds,
          ...(a.local != null ? { local: a.local } : {}),
          ...(a.suppliesTo ? { suppliesTo: a.suppliesTo } : {}),
          ...(a.suppliedBy ? { suppliedBy: a.suppliedBy } : {}),
          ...(a.revenue != null ? { revenue: a.revenue } : {}),
        })),
        gapParams(args),
        { signal, owner: ownerOf(context.caller, context) },
      );
      // the hypothetical firms may be named anywhere in the answer (a candidate, a supplier): this
      // request's loader knows them, and nothing else does
      for (const e of result.hypothetical) loaders.enterprise.prime(e.id, e);
      return { ...result, chainSegments: graph.chain.segments };
    },
  }),
);
