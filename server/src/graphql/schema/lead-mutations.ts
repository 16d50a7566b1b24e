import { LeadDesk } from '../../curation/lead-desk';
import type { LeadRecord } from '../../domain/investment-lead';
import type { GraphStore } from '../../store/port';
import { builder } from '../builder';
import { keyOf } from '../global-id';
import { LeadRef, LeadStageEnum } from './lead';

/**
 * The investment leads' writes (editor role): createLead, updateLead and moveLead, each answered
 * with { lead }. Being mutations, each is in the audit log (audit-mutations.ts); the lead's own
 * history (Lead.history) says who did what in the domain's terms.
 */

const desks = new WeakMap<GraphStore, LeadDesk>();
/** One desk per store, so that its writes go one at a time. */
const deskOf = (store: GraphStore) => {
  const desk = desks.get(store) ?? new LeadDesk(store);
  desks.set(store, desk);
  return desk;
};

const editor = { editor: true } as const;

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
