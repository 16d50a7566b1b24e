import { DEFAULT_GAP_PARAMS, type GapParams, type GapReport } from '../../analysis/gap-report';
import { builder, connectionCost } from '../builder';
import { recordCandidatesRead } from '../candidate-reads';
import { gapReportKey, loadEnterprise, loadEnterprises } from '../context';
import { codedError, notFound } from '../errors';
import { arrayConnection } from '../pagination';
import {
  AnchorSourcingRef,
  CentralityRef,
  ChokepointsRef,
  DirectionEnum,
  GapReportRef,
  NeedEnum,
  OutsideSupplierRef,
  ReasonEnum,
  SegmentNeedRef,
  SourcingRateRef,
  SourcingRef,
} from './analysis-refs';
import { CandidateWeightsInput, candidateWeights, type WeightsArg } from './candidate-weights';
import { CandidateConnection } from './candidates';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';

/** Candidates (招商线索) are an analyst's: the district's pipeline of whom it courts. */
const analyst = { analyst: true } as const;

/** The segments (not groups: their needs are their segments') that need `need`. */
const needs = (r: GapReport, need: string) =>
  r.segments.filter((s) => s.need === need && s.childIds.length === 0).map((s) => ({ ...s, chainId: r.chainId }));

GapReportRef.implement({
  description: "A chain's strengths and gaps (强链 · 延链 · 补链), every figure with its reasons.",
  fields: (t) => ({
    fill: t.field({
      type: [SegmentNeedRef],
      description: '补链: holes inside the chain.',
      resolve: (r) => needs(r, 'FILL'),
    }),
    extend: t.field({
      type: [SegmentNeedRef],
      description: '延链: beyond the covered frontier.',
      resolve: (r) => needs(r, 'EXTEND'),
    }),
    strengthen: t.field({
      type: [SegmentNeedRef],
      description: '强链: covered but weak.',
      resolve: (r) => needs(r, 'STRENGTHEN'),
    }),
    segments: t.field({
      type: [SegmentNeedRef],
      description: 'Every segment, in order.',
      resolve: (r) => r.segments.map((s) => ({ ...s, chainId: r.chainId })),
    }),
    sourcing: t.field({ type: SourcingRef, resolve: (r) => r.sourcing }),
    chokepoints: t.field({
      type: ChokepointsRef,
      description: 'Single-source dependencies: the local firms a local chain member cannot buy an input without.',
      resolve: (r) => r.chokepoints,
    }),
    centrality: t.field({
      type: CentralityRef,
      description:
        'Where the supply flow hangs together (articulation points, bridges, betweenness): information, never a gap reason.',
      resolve: (r) => r.centrality,
    }),
    minCover: t.int({ resolve: (r) => r.params.minCover }),
    minFirms: t.int({ resolve: (r) => r.params.minFirms }),
    minLocalSourcing: t.float({ resolve: (r) => r.params.minLocalSourcing }),
  }),
});

SegmentNeedRef.implement({
  description: 'What one segment of a chain needs, and why.',
  fields: (t) => ({
    segment: t.field({
      type: SegmentRef,
      resolve: async (s, _a, { loaders }) =>
        (await loaders.chain.load(s.chainId))?.segments.find((x) => x.id === s.segmentId) ??
        Promise.reject(notFound('segment', s.segmentId)),
    }),
    need: t.field({ type: NeedEnum, resolve: (s) => s.need }),
    direction: t.field({ type: DirectionEnum, nullable: true, resolve: (s) => s.direction ?? null }),
    reasons: t.field({ type: [ReasonEnum], resolve: (s) => s.reasons }),
    covered: t.exposeBoolean('covered'),
    group: t.boolean({
      description:
        'A segment with sub-segments (子环节): covered when one of them is, needing what the most pressing of them needs, with no reasons or candidates of its own.',
      resolve: (s) => s.childIds.length > 0,
    }),
    localCount: t.int({ resolve: (s) => s.localIds.length }),
    outsideCount: t.int({ resolve: (s) => s.outsideIds.length }),
    sourcing: t.field({
      type: SourcingRateRef,
      description: "Local sourcing of the segment's supply to local members.",
      resolve: (s) => s.sourcing,
    }),
    concerned: t.field({
      type: [EnterpriseRef],
      description:
        'The firms a STRENGTHEN reason names: the single local supplier (SINGLE_LOCAL_SUPPLIER), and the local firms of the segment that are the sole supplier of an input to a local chain member (CHOKEPOINT).',
      resolve: (s, _a, { loaders }) => loadEnterprises(loaders, s.chokepointIds),
    }),
    candidates: t.field({
      type: CandidateConnection,
      authScopes: analyst,
      // refused below analyst: null with its FORBIDDEN error, and the rest of the report still answers
      nullable: true,
      args: t.arg.connectionArgs(),
      complexity: connectionCost,
      description:
        'Outside enterprises that would close this gap, best first (empty where it needs nothing). Reads are recorded in the audit log. Analyst role: below it, null with a FORBIDDEN error, the rest of the answer intact.',
      resolve: (s, args, context) => {
        const page = arrayConnection(args, s.candidates);
        recordCandidatesRead(context, s.chainId, page.edges.length);
        return page;
      },
    }),
  }),
});

SourcingRateRef.implement({
  description: 'Local sourcing (本地配套率): of the supply into local members, the share from local firms.',
  fields: (t) => ({
    links: t.exposeInt('links'),
    localLinks: t.exposeInt('localLinks'),
    byCount: t.float({ nullable: true, resolve: (r) => r.byCount }),
    value: t.exposeFloat('value', { description: '10k CNY a year.' }),
    localValue: t.exposeFloat('localValue'),
    byValue: t.float({ nullable: true, resolve: (r) => r.byValue }),
  }),
});

SourcingRef.implement({
  fields: (t) => ({
    overall: t.field({ type: SourcingRateRef, resolve: (s) => s.overall }),
    byAnchor: t.field({ type: [AnchorSourcingRef], resolve: (s) => s.byAnchor }),
    outsideSuppliers: t.connection({
      type: OutsideSupplierRef,
      description: 'Suppliers from outside the district serving local members, most anchors and members served first.',
      resolve: (s, args) => arrayConnection(args, s.outsideSuppliers),
    }),
  }),
});

AnchorSourcingRef.implement({
  fields: (t) => ({
    anchor: t.field({ type: EnterpriseRef, resolve: (a, _x, { loaders }) => loadEnterprise(loaders, a.enterpriseId) }),
    rate: t.field({ type: SourcingRateRef, resolve: (a) => a.rate }),
  }),
});

OutsideSupplierRef.implement({
  fields: (t) => ({
    enterprise: t.field({
      type: EnterpriseRef,
      resolve: (o, _a, { loaders }) => loadEnterprise(loaders, o.enterpriseId),
    }),
    anchorsServed: t.exposeInt('anchorsServed'),
    membersServed: t.exposeInt('membersServed'),
    links: t.exposeInt('links'),
    value: t.exposeFloat('value'),
  }),
});

/** The gap report parameters of a field's arguments, checked. */
export function gapParams(args: {
  minCover?: number | null | undefined;
  minFirms?: number | null | undefined;
  minLocalSourcing?: number | null | undefined;
  weights?: WeightsArg | null | undefined;
}): GapParams {
  const weights = candidateWeights(args.weights);
  const params: GapParams = {
    minCover: args.minCover ?? DEFAULT_GAP_PARAMS.minCover,
    minFirms: args.minFirms ?? DEFAULT_GAP_PARAMS.minFirms,
    minLocalSourcing: args.minLocalSourcing ?? DEFAULT_GAP_PARAMS.minLocalSourcing,
    ...(weights ? { weights } : {}),
  };
  if (!Number.isInteger(params.minCover) || params.minCover < 1)
    throw codedError('BAD_INPUT', "Argument 'minCover' must be a whole number of at least 1.", {
      argument: 'minCover',
    });
  if (!Number.isInteger(params.minFirms) || params.minFirms < 1)
    throw codedError('BAD_INPUT', "Argument 'minFirms' must be a whole number of at least 1.", {
      argument: 'minFirms',
    });
  if (!(params.minLocalSourcing >= 0 && params.minLocalSourcing <= 1))
    throw codedError('BAD_INPUT', "Argument 'minLocalSourcing' must be from 0 to 1.", { argument: 'minLocalSourcing' });
  return params;
}

/**
 * The cost of a gap report in a query's complexity: an analysis of a whole chain. With the default
 * parameters it is the report every user's overview asks for, kept between requests: cheap. With
 * others, it is new work for each chain it is asked on: a few hundred chains' worth of reports
 * in one query is over the limit (at most 4 sets of parameters run in one request: context.ts).
 */
export const ANALYSIS_COST = { shared: 20, own: 2_500 };

const isDefault = (args: Record<string, unknown>) =>
  ['minCover', 'minFirms', 'minLocalSourcing', 'weights'].every((name) => args[name] == null);

/** The complexity of a field that runs a gap report with its arguments. */
export const analysisComplexity = (args: Record<string, unknown>) => ({
  field: isDefault(args) ? ANALYSIS_COST.shared : ANALYSIS_COST.own,
  multiplier: 1,
});

builder.objectField(ChainRef, 'gapReport', (t) =>
  t.field({
    type: GapReportRef,
    complexity: analysisComplexity,
    description: `The chain's gaps and strengths. Defaults: minCover ${DEFAULT_GAP_PARAMS.minCover}, minFirms ${DEFAULT_GAP_PARAMS.minFirms}, minLocalSourcing ${DEFAULT_GAP_PARAMS.minLocalSourcing}.`,
    args: {
      minCover: t.arg.int(),
      minFirms: t.arg.int(),
      minLocalSourcing: t.arg.float(),
      weights: t.arg({ type: CandidateWeightsInput, description: 'The weights of the candidates’ score terms.' }),
    },
    resolve: async (chain, args, { loaders }) =>
      (await loaders.gapReport.load(gapReportKey(chain.id, gapParams(args)))) ??
      Promise.reject(notFound('chain', chain.id)),
  }),
);

builder.objectField(SegmentRef, 'candidates', (t) =>
  t.field({
    type: CandidateConnection,
    authScopes: analyst,
    // refused below analyst: null with its FORBIDDEN error, and the segment still answers
    nullable: true,
    args: {
      ...t.arg.connectionArgs(),
      weights: t.arg({ type: CandidateWeightsInput, description: 'The weights of the score terms.' }),
    },
    complexity: (args) => {
      const page = connectionCost(args);
      return { ...page, field: page.field + analysisComplexity(args).field - ANALYSIS_COST.shared };
    },
    description:
      'Outside enterprises that would close this segment’s gap, best first (empty where it needs nothing). Reads are recorded in the audit log. Analyst role: below it, null with a FORBIDDEN error, the rest of the answer intact.',
    resolve: async (segment, args, context) => {
      const report = await context.loaders.gapReport.load(
        gapReportKey(segment.chainId, gapParams({ weights: args.weights })),
      );
      const page = arrayConnection(args, report?.segments.find((s) => s.segmentId === segment.id)?.candidates ?? []);
      recordCandidatesRead(context, segment.chainId, page.edges.length);
      return page;
    },
  }),
);
