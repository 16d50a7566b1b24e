import {
  daysSince,
  isOverdue,
  LEAD_STAGES,
  type LeadEvent,
  type LeadRecord,
  type LeadStage,
  leadToday,
} from '../../domain/investment-lead';
import { builder } from '../builder';
import { loadEnterprise } from '../context';
import { notFound } from '../errors';
import { encodeId, keyOf } from '../global-id';
import { arrayConnection } from '../pagination';
import { ChainRef, EnterpriseRef, SegmentRef } from './refs';

/**
 * Investment leads (招商项目): the firms a district courts for a chain, from the first contact
 * to a landed project. Analysts read them, editors write them; a viewer sees none. Every write is
 * a mutation, and so in the audit log (lead-mutations.ts); what landing them would change is in
 * lead-effect.ts.
 */

export const LeadRef = builder.objectRef<LeadRecord>('Lead');
const LeadEventRef = builder.objectRef<LeadEvent>('LeadEvent');
const LeadContactRef = builder.objectRef<{ name: string; role: string }>('LeadContact');

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
  }),
});

const analyst = { analyst: true } as const;

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
