import { type LandingEffect, landing, landingEffect } from '../../analysis/lead-effect';
import { COMMITTED_STAGES, type LeadRecord } from '../../domain/investment-lead';
import { builder } from '../builder';
import { type Context, ownerOf } from '../context';
import { notFound } from '../errors';
import { encodeId, keyOf } from '../global-id';
import { ANALYSIS_COST, gapParams } from './gap-report';
import { LeadRef } from './lead';
import { ChainRef, SegmentRef } from './refs';

/**
 * The effect of investment leads landing (招商项目落地, issue 23 item 3): the existing what-if with
 * their firms set up in the district (analysis/lead-effect.ts), on one lead (Lead.effect) or on
 * everything at SIGNED and beyond, per chain (leadEffects: the board's sum).
 */

type Effect = LandingEffect & { chainId: string; leadIds: string[] };
const LeadEffectRef = builder.objectRef<Effect>('LeadEffect');

LeadEffectRef.implement({
  description:
    'What landing leads would change on their chain (the what-if of their firms set up in the district): coverage, local sourcing, chokepoints.',
  fields: (t) => ({
    chain: t.field({
      type: ChainRef,
      resolve: async (e, _a, { loaders }) =>
        (await loaders.chain.load(e.chainId)) ?? Promise.reject(notFound('chain', e.chainId)),
    }),
    leadIds: t.idList({
      description: 'The leads counted (global ids).',
      resolve: (e) => e.leadIds.map((id) => encodeId('Lead', id)),
    }),
    segments: t.exposeInt('segments', { description: 'Leaf segments of the chain.' }),
    coveredBefore: t.exposeInt('coveredBefore'),
    coveredAfter: t.exposeInt('coveredAfter'),
    gapsClosed: t.field({
      type: [SegmentRef],
      resolve: async (e, _a, { loaders }) =>
        (await loaders.segment.loadMany(e.gapsClosed)).filter(
          (s): s is NonNullable<typeof s> => !!s && !(s instanceof Error),
        ),
    }),
    localSourcingBefore: t.float({ nullable: true, resolve: (e) => e.localSourcingBefore }),
    localSourcingAfter: t.float({ nullable: true, resolve: (e) => e.localSourcingAfter }),
    singleSourcesBefore: t.exposeInt('singleSourcesBefore', {
      description: 'Chokepoints: inputs of local members that one local supplier alone provides.',
    }),
    singleSourcesAfter: t.exposeInt('singleSourcesAfter'),
  }),
});

/** The effect of these leads (all of one chain) landing together. */
async function effectOf(leads: readonly LeadRecord[], context: Context): Promise<Effect | null> {
  const chainId = leads[0]?.chainId;
  if (!chainId) return null;
  const graph = await context.loaders.chainSubgraph.load(chainId);
  if (!graph) return null;
  const firms = await context.loaders.enterprise.loadMany(leads.map((l) => l.enterpriseId));
  const additions = leads.map((l, i) => {
    const firm = firms[i];
    return landing(graph, l, firm && !(firm instanceof Error) ? firm.name : l.enterpriseId);
  });
  const w = await context.analysis.whatIf(graph, additions, gapParams({}), {
    signal: context.signal,
    owner: ownerOf(context.caller, context),
  });
  return { ...landingEffect(w), chainId, leadIds: leads.map((l) => l.id) };
}

builder.objectField(LeadRef, 'effect', (t) =>
  t.field({
    type: LeadEffectRef,
    nullable: true,
    complexity: { field: 2 * ANALYSIS_COST.own, multiplier: 1 },
    description: 'What its landing would change on its chain (from the what-if); null when the chain is gone.',
    resolve: (l, _a, context) => effectOf([l], context),
  }),
);

const analyst = { analyst: true } as const;

builder.queryFields((t) => ({
  leadEffects: t.field({
    type: [LeadEffectRef],
    authScopes: analyst,
    complexity: { field: 2 * ANALYSIS_COST.own, multiplier: 11 },
    description:
      'What landing every lead at SIGNED and beyond would change, per chain (of one chain when given): the board’s sum. Analyst role.',
    args: { chain: t.arg.id() },
    resolve: async (_root, args, context) => {
      const leads = await context.store.leads.list({
        ...(args.chain != null ? { chainId: keyOf('Chain', args.chain, 'chain') } : {}),
        stages: [...COMMITTED_STAGES],
      });
      const byChain = new Map<string, LeadRecord[]>();
      for (const l of leads) byChain.set(l.chainId, [...(byChain.get(l.chainId) ?? []), l]);
      const effects = await Promise.all([...byChain.values()].map((group) => effectOf(group, context)));
      return effects.filter((e): e is Effect => e !== null);
    },
  }),
}));
