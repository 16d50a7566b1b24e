import { isOverdue, LEAD_STAGES, type LeadRecord, type LeadStage, leadToday } from '../../domain/investment-lead';
import { type LeadMove, leadMoves } from '../../domain/lead-moves';
import type { GraphStore } from '../../store/port';
import { builder } from '../builder';
import { ChainChangesRef, moment } from './changes';
import { LeadRef, LeadStageEnum } from './lead';
import { ChainRef } from './refs';

/**
 * The leads in what changed since a meeting (the leads that moved) and in a chain's brief (the
 * pipeline by stage). Leads are an analyst's, as everywhere.
 */
const analyst = { analyst: true } as const;

const LeadMoveRef = builder.objectRef<LeadMove & { lead: LeadRecord }>('LeadMove').implement({
  description: 'A lead made or moved since a moment: the stage it was at then and the stage it is at now.',
  fields: (t) => ({
    lead: t.field({ type: LeadRef, resolve: (m) => m.lead }),
    from: t.field({
      type: LeadStageEnum,
      nullable: true,
      description: 'null: made since.',
      resolve: (m) => m.from,
    }),
    to: t.field({ type: LeadStageEnum, resolve: (m) => m.to }),
    moves: t.exposeInt('moves', { description: 'Its events that set a stage since (made, moved).' }),
    at: t.exposeString('at', { description: 'When it last moved, an ISO time.' }),
  }),
});

/** A chain's leads made or moved since a moment, each with its lead, the furthest along first. */
async function movesOf(store: GraphStore, chainId: string, since: string) {
  const moves = leadMoves(await store.leads.eventsSince(since, chainId));
  const leads = await store.leads.get(moves.map((m) => m.leadId));
  return moves.flatMap((m, i) => {
    const lead = leads[i];
    return lead ? [{ ...m, lead }] : [];
  });
}

const MOVES_DESCRIPTION =
  'The leads made or moved since, the furthest along first. Analyst role (null and FORBIDDEN below it).';

builder.objectField(ChainChangesRef, 'leadsMoved', (t) =>
  t.field({
    type: [LeadMoveRef],
    authScopes: analyst,
    nullable: true,
    complexity: { field: 5, multiplier: 1 },
    description: MOVES_DESCRIPTION,
    resolve: (c, _a, { store }) => movesOf(store, c.chainId, c.since),
  }),
);

// the same without the snapshots' comparison, for a view that shows the leads apart (an analyst's)
builder.objectField(ChainRef, 'leadsMoved', (t) =>
  t.field({
    type: [LeadMoveRef],
    authScopes: analyst,
    nullable: true,
    complexity: { field: 5, multiplier: 1 },
    description: `${MOVES_DESCRIPTION} As changes(since:).leadsMoved, without comparing the snapshots.`,
    args: {
      since: t.arg.string({ required: true, description: 'An ISO date (the start of that day, UTC+8) or time.' }),
    },
    resolve: (c, args, { store }) => movesOf(store, c.id, moment(args.since, 'since')),
  }),
);

const StageCountRef = builder.objectRef<{ stage: LeadStage; count: number; overdue: number }>('StageCount').implement({
  description: "How many of a chain's leads are at a stage, and how many of those are overdue.",
  fields: (t) => ({
    stage: t.field({ type: LeadStageEnum, resolve: (s) => s.stage }),
    count: t.exposeInt('count'),
    overdue: t.exposeInt('overdue'),
  }),
});

builder.objectField(ChainRef, 'pipeline', (t) =>
  t.field({
    type: [StageCountRef],
    authScopes: analyst,
    nullable: true,
    complexity: { field: 5, multiplier: 1 },
    description: "The chain's leads by stage, every stage in order (线索 → 落地, 搁置, 流失). Analyst role.",
    resolve: async (c, _a, { store }) => {
      const today = leadToday(new Date());
      const leads = await store.leads.list({ chainId: c.id });
      return LEAD_STAGES.map((stage) => {
        const at = leads.filter((l) => l.stage === stage);
        return { stage, count: at.length, overdue: at.filter((l) => isOverdue(l, today)).length };
      });
    },
  }),
);
