import { type LandingEffect, landing, landingEffect } from '../../analysis/lead-effect';
import { LeadDesk } from '../../curation/lead-desk';
import {
  COMMITTED_STAGES,
  daysSince,
  isOverdue,
  LEAD_STAGES,
  type LeadEvent,
  type LeadRecord,
  type LeadStage,
  leadToday,
} from '../../domain/investment-lead';
import type { GraphStore } from '../../store/port';
import { builder } from '../builder';
import { type Context, loadEnterprise, ownerOf } from '../context';
import { notFound } from '../errors';
import { encodeId, keyOf } from '../global-id';
import { arrayConnection } from '../pagination';
import { ANALYSIS_COST, gapParams } from './gap-report';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';

/**
 * Investment leads (招商项目): the firms a district courts for a chain, from the first contact
 * to a landed project. Analysts read them, editors write them; a viewer sees none. Every write is
 * a mutation, and so in the audit log (audit-mutations.ts).
 */

const desks = new WeakMap<GraphStore, LeadDesk>();
/** One desk per store, so that its writes go one at a time. */
const deskOf = (store: GraphStore) => {
  const desk = desks.get(store) ?? new LeadDesk(store);
  desks.set(store, desk);
  return desk;
};

export const LeadRef = builder.objectRef<LeadRecord>('Lead');
const LeadEventRef = builder.objectRef<LeadEvent>('LeadEvent');
const LeadContactRef = builder.objectRef<{ name: string; role: string }>('LeadContact');
type Effect = LandingEffect & { chainId: string; leadIds: string[] };
const LeadEffectRef = builder.objectRef<Effect>('LeadEffect');

const STAGE_NAMES: Record<LeadStage, string> = {
  LEAD: '线索: a firm worth courting',
  CONTACTED: '接洽: first contact made',
  VISITED: '拜访: visited, or visited by them',
  NEGOTIATING: '洽谈: terms under discussion',
  SIGNED: '签约: an agreement signed',
  LANDED: '落地: the project is set up in the district',
  ON_HOLD: '搁置: paused, with a reason',
  LOST: '流失: gone elsewhere or given up, with a reason',
};

export const LeadStageEnum = builder.enumType('LeadStage', {
  description: 'Where a lead is: 线索 → 接洽 → 拜访 → 洽谈 → 签约 → 落地, or 搁置 / 流失.',
  values: Object.fromEntries(LEAD_STAGES.map((s) => [s, { description: STAGE_NAMES[s] }])) as Record<
    LeadStage,
    { description: string }
  >,
});

const LeadEventKindEnum = builder.enumType('LeadEventKind', {
  values: {
    CREATED: { description: 'The lead was made.' },
    MOVED: { description: 'It moved from one stage to another.' },
    EDITED: { description: 'Its fields changed (owner, next step, notes, …).' },
  },
});

LeadContactRef.implement({
  description: 'Someone at the firm: a name and a role, nothing more.',
  fields: (t) => ({ name: t.exposeString('name'), role: t.exposeString('role') }),
});

LeadEventRef.implement({
  description: 'One entry of a lead’s history: who did what, when.',
  fields: (t) => ({
    at: t.exposeString('at', { description: 'When, an ISO time.' }),
    by: t.exposeString('by', { description: 'Who (the token’s holder).' }),
    kind: t.field({ type: LeadEventKindEnum, resolve: (e) => e.kind }),
    from: t.field({ type: LeadStageEnum, nullable: true, resolve: (e) => e.from ?? null }),
    to: t.field({ type: LeadStageEnum, nullable: true, resolve: (e) => e.to ?? null }),
    note: t.string({ nullable: true, resolve: (e) => e.note ?? null }),
    fields: t.stringList({ description: 'EDITED: the fields that changed.', resolve: (e) => e.fields ?? [] }),
    version: t.exposeInt('version'),
  }),
});

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

LeadRef.implement({
  description: 'An investment lead (招商项目): a firm courted for a chain, its stage, owner, next step and history.',
  fields: (t) => ({
    id: t.id({ description: 'Its global id.', resolve: (l) => encodeId('Lead', l.id) }),
    key: t.exposeString('id', { description: 'Its own id.' }),
    stage: t.field({ type: LeadStageEnum, resolve: (l) => l.stage }),
    reason: t.string({ nullable: true, description: 'Why it is ON_HOLD or LOST.', resolve: (l) => l.reason ?? null }),
    owner: t.exposeString('owner', { description: 'Who works it.' }),
    nextStep: t.string({ nullable: true, resolve: (l) => l.nextStep ?? null }),
    dueOn: t.string({
      nullable: true,
      description: 'When the next step is due, YYYY-MM-DD.',
      resolve: (l) => l.dueOn ?? null,
    }),
    overdue: t.boolean({
      description: 'Its next step was due before today (in the district) and it is neither LANDED nor LOST.',
      resolve: (l) => isOverdue(l, leadToday(new Date())),
    }),
    daysInStage: t.int({
      description: 'Whole days since it entered its stage.',
      resolve: (l) => daysSince(l.stageSince, new Date()),
    }),
    notes: t.string({ nullable: true, resolve: (l) => l.notes ?? null }),
    contacts: t.field({ type: [LeadContactRef], resolve: (l) => l.contacts }),
    createdAt: t.exposeString('createdAt'),
    createdBy: t.exposeString('createdBy'),
    updatedAt: t.exposeString('updatedAt'),
    stageSince: t.exposeString('stageSince'),
    version: t.exposeInt('version'),
    enterprise: t.field({
      type: EnterpriseRef,
      resolve: (l, _a, { loaders }) => loadEnterprise(loaders, l.enterpriseId),
    }),
    chain: t.field({
      type: ChainRef,
      resolve: async (l, _a, { loaders }) =>
        (await loaders.chain.load(l.chainId)) ?? Promise.reject(notFound('chain', l.chainId)),
    }),
    segment: t.field({
      type: SegmentRef,
      nullable: true,
      description: 'The segment (gap) it would fill, when it fills one.',
      resolve: async (l, _a, { loaders }) => (l.segmentId ? ((await loaders.segment.load(l.segmentId)) ?? null) : null),
    }),
    history: t.field({
      type: [LeadEventRef],
      description: 'Every change, oldest first.',
      complexity: { field: 1, multiplier: 10 },
      resolve: async (l, _a, { store }) => (await store.leads.history([l.id]))[0] ?? [],
    }),
    effect: t.field({
      type: LeadEffectRef,
      nullable: true,
      complexity: { field: 2 * ANALYSIS_COST.own, multiplier: 1 },
      description: 'What its landing would change on its chain (from the what-if); null when the chain is gone.',
      resolve: (l, _a, context) => effectOf([l], context),
    }),
  }),
});

const analyst = { analyst: true } as const;
const editor = { editor: true } as const;

builder.queryFields((t) => ({
  leads: t.connection({
    type: LeadRef,
    authScopes: analyst,
    description:
      'Investment leads in board order (by stage, the longest in its stage first); every filter given must hold. Analyst role.',
    args: {
      chain: t.arg.id({ description: 'Of this chain (global id or key); every chain when left out.' }),
      stage: t.arg({ type: [LeadStageEnum], description: 'At one of these stages.' }),
      owner: t.arg.string({ description: 'Worked by this owner.' }),
      overdue: t.arg.boolean({ description: 'true: only overdue ones; false: only those not overdue.' }),
      segment: t.arg.id({ description: 'Filling this segment (gap).' }),
    },
    resolve: async (_root, args, { store }) => {
      const today = leadToday(new Date());
      const leads = await store.leads.list({
        ...(args.chain != null ? { chainId: keyOf('Chain', args.chain, 'chain') } : {}),
        ...(args.stage != null ? { stages: args.stage } : {}),
        ...(args.owner != null ? { owner: args.owner } : {}),
        ...(args.segment != null ? { segmentId: keyOf('Segment', args.segment, 'segment') } : {}),
      });
      const kept = args.overdue == null ? leads : leads.filter((l) => isOverdue(l, today) === args.overdue);
      return arrayConnection(args, kept);
    },
  }),
  lead: t.field({
    type: LeadRef,
    authScopes: analyst,
    description: 'One lead; NOT_FOUND when there is none. Analyst role.',
    args: { id: t.arg.id({ required: true, description: 'Global id or key.' }) },
    resolve: async (_root, args, { store }) => {
      const id = keyOf('Lead', args.id, 'id');
      return (await store.leads.get([id]))[0] ?? Promise.reject(notFound('lead', id));
    },
  }),
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

builder.objectField(EnterpriseRef, 'leads', (t) =>
  t.field({
    type: [LeadRef],
    authScopes: analyst,
    complexity: { field: 1, multiplier: 3 },
    description: 'The investment leads on this firm, on any chain. Analyst role.',
    resolve: (e, _a, { store }) => store.leads.list({ enterpriseIds: [e.id] }),
  }),
);

const LeadContactInput = builder.inputType('LeadContactInput', {
  fields: (t) => ({ name: t.string({ required: true }), role: t.string() }),
});

type InputFields = Parameters<NonNullable<Parameters<typeof builder.inputType>[1]['fields']>>[0];
const editable = (t: InputFields) => ({
  segment: t.id({ description: 'The segment (gap) it would fill: global id or key; "" for none.' }),
  nextStep: t.string({ description: 'The next step; "" clears it.' }),
  dueOn: t.string({ description: 'When the next step is due, YYYY-MM-DD; "" clears it.' }),
  notes: t.string(),
  contacts: t.field({ type: [LeadContactInput], description: 'Names and roles only; at most 20.' }),
  reason: t.string({ description: 'Why, at ON_HOLD or LOST.' }),
});

const CreateLeadInput = builder.inputType('CreateLeadInput', {
  fields: (t) => ({
    enterprise: t.id({ required: true, description: 'The firm: global id or key.' }),
    chain: t.id({ required: true, description: 'The chain: global id or key.' }),
    owner: t.string({ required: true, description: 'Who works it.' }),
    stage: t.field({ type: LeadStageEnum, description: 'Default LEAD.' }),
    ...editable(t),
  }),
});

const UpdateLeadInput = builder.inputType('UpdateLeadInput', {
  description: 'The fields to change; a field left out (or null) keeps its value. The stage moves with moveLead.',
  fields: (t) => ({ owner: t.string(), ...editable(t) }),
});

const LeadPayloadRef = builder.objectRef<{ lead: LeadRecord }>('LeadPayload');
LeadPayloadRef.implement({ fields: (t) => ({ lead: t.field({ type: LeadRef, resolve: (p) => p.lead }) }) });

const segmentKey = (segment: string | number | null | undefined) =>
  segment == null || segment === '' ? segment : keyOf('Segment', segment, 'input.segment');

builder.mutationFields((t) => ({
  createLead: t.field({
    type: LeadPayloadRef,
    authScopes: editor,
    description:
      'Makes a firm a lead on a chain (and a gap). BAD_INPUT names the wrong field: an unknown firm, chain or segment, a firm already a lead on the chain, a stage without its reason, a bad date.',
    args: { input: t.arg({ type: CreateLeadInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { enterprise, chain, segment, ...rest } = input;
      const lead = await deskOf(context.store).create(context.caller, {
        ...rest,
        enterpriseId: keyOf('Enterprise', enterprise, 'input.enterprise'),
        chainId: keyOf('Chain', chain, 'input.chain'),
        segmentId: segmentKey(segment) ?? null,
      });
      return { lead };
    },
  }),
  updateLead: t.field({
    type: LeadPayloadRef,
    authScopes: editor,
    description: 'Changes a lead’s fields; NOT_FOUND for an unknown lead, BAD_INPUT for a wrong field.',
    args: {
      id: t.arg.id({ required: true, description: 'Global id or key.' }),
      input: t.arg({ type: UpdateLeadInput, required: true }),
    },
    resolve: async (_root, args, context) => {
      const { segment, ...rest } = args.input;
      const lead = await deskOf(context.store).update(context.caller, keyOf('Lead', args.id, 'id'), {
        ...rest,
        segmentId: segmentKey(segment) ?? null,
      });
      return { lead };
    },
  }),
  moveLead: t.field({
    type: LeadPayloadRef,
    authScopes: editor,
    description:
      'Moves a lead to a stage; `note` goes in its history, and is the reason (required) at ON_HOLD and LOST. BAD_INPUT when it is at that stage already.',
    args: {
      id: t.arg.id({ required: true, description: 'Global id or key.' }),
      stage: t.arg({ type: LeadStageEnum, required: true }),
      note: t.arg.string(),
    },
    resolve: async (_root, args, context) => ({
      lead: await deskOf(context.store).move(context.caller, keyOf('Lead', args.id, 'id'), args.stage, args.note),
    }),
  }),
}));
