import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/roles';
import { notFound } from '../domain/errors';
import {
  type ContactInput,
  checkContacts,
  checkDate,
  checkText,
  type LeadEvent,
  type LeadRecord,
  type LeadStage,
  leadInputError,
  reasonFor,
} from '../domain/investment-lead';
import type { GraphStore } from '../store/port';

export interface NewLead {
  enterpriseId: string;
  chainId: string;
  segmentId?: string | null | undefined;
  owner: string;
  stage?: LeadStage | null | undefined;
  reason?: string | null | undefined;
  nextStep?: string | null | undefined;
  dueOn?: string | null | undefined;
  notes?: string | null | undefined;
  contacts?: readonly ContactInput[] | null | undefined;
}

/** Fields to change; left out (null): kept; an empty text clears nextStep, dueOn, notes and segment. */
export interface LeadChanges {
  owner?: string | null | undefined;
  segmentId?: string | null | undefined;
  reason?: string | null | undefined;
  nextStep?: string | null | undefined;
  dueOn?: string | null | undefined;
  notes?: string | null | undefined;
  contacts?: readonly ContactInput[] | null | undefined;
}

/** The fields updateLead changes, in the order its history names them. */
const EDITABLE = ['owner', 'segmentId', 'reason', 'nextStep', 'dueOn', 'notes', 'contacts'] as const;

/**
 * The investment leads' writes (招商项目): each checked (the firm, chain and segment exist, the
 * texts fit, a stage that needs a reason has one), stored whole with the event that says who
 * changed what, when. Writes go one at a time; a store refuses a write over a version it does not
 * hold (another server changed the lead meanwhile).
 */
export class LeadDesk {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: GraphStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  create(caller: Caller, input: NewLead): Promise<LeadRecord> {
    return this.serial(async () => {
      const [enterprise] = await this.store.getEnterprises([input.enterpriseId]);
      if (!enterprise) throw leadInputError('input.enterprise', `no enterprise with id '${input.enterpriseId}'`);
      const [chain] = await this.store.chainsById([input.chainId]);
      if (!chain) throw leadInputError('input.chain', `no chain with id '${input.chainId}'`);
      const segmentId = await this.segmentOf(input.chainId, input.segmentId);
      const open = (await this.store.leads.list({ chainId: chain.id, enterpriseIds: [enterprise.id] })).find(
        (l) => l.stage !== 'LOST',
      );
      if (open)
        throw leadInputError('input.enterprise', `${enterprise.name} is already a lead on ${chain.name} (${open.id})`);
      const owner = checkText(input.owner, 'name', 'input.owner');
      if (!owner) throw leadInputError('input.owner', 'a lead needs an owner');
      const stage = input.stage ?? 'LEAD';
      const reason = reasonFor(stage, checkText(input.reason, 'text', 'input.reason'), 'input.reason');
      const at = this.now().toISOString();
      const lead: LeadRecord = {
        id: `lead-${randomUUID().slice(0, 13)}`,
        enterpriseId: enterprise.id,
        chainId: chain.id,
        ...(segmentId ? { segmentId } : {}),
        stage,
        ...(reason ? { reason } : {}),
        owner,
        ...texts(input),
        contacts: checkContacts(input.contacts ?? [], 'input.contacts'),
        createdAt: at,
        createdBy: caller.name,
        updatedAt: at,
        stageSince: at,
        version: 1,
      };
      await this.store.leads.save(lead, event(lead, caller, at, 'CREATED', { to: stage }));
      return lead;
    });
  }

  update(caller: Caller, id: string, changes: LeadChanges): Promise<LeadRecord> {
    return this.serial(async () => {
      const lead = await this.current(id);
      const next: LeadRecord = { ...lead };
      if (changes.owner != null) {
        const owner = checkText(changes.owner, 'name', 'input.owner');
        if (!owner) throw leadInputError('input.owner', 'a lead needs an owner');
        next.owner = owner;
      }
      if (changes.segmentId != null) {
        const segmentId = await this.segmentOf(lead.chainId, changes.segmentId);
        if (segmentId) next.segmentId = segmentId;
        else delete next.segmentId;
      }
      for (const field of ['nextStep', 'dueOn', 'notes'] as const) {
        if (changes[field] == null) continue;
        const value = texts({ [field]: changes[field] })[field];
        if (value === undefined) delete next[field];
        else next[field] = value;
      }
      if (changes.contacts != null) next.contacts = checkContacts(changes.contacts, 'input.contacts');
      if (changes.reason != null) {
        const reason = reasonFor(lead.stage, checkText(changes.reason, 'text', 'input.reason'), 'input.reason');
        if (!reason) throw leadInputError('input.reason', `a lead at ${lead.stage} has no reason to give`);
        next.reason = reason;
      }
      const fields = EDITABLE.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(lead[k]));
      if (fields.length === 0) return lead;
      const at = this.now().toISOString();
      Object.assign(next, { updatedAt: at, version: lead.version + 1 });
      await this.store.leads.save(next, event(next, caller, at, 'EDITED', { fields }));
      return next;
    });
  }

  /** Moves a lead to another stage; `note` is the reason at ON_HOLD and LOST (required there). */
  move(caller: Caller, id: string, stage: LeadStage, note?: string | null): Promise<LeadRecord> {
    return this.serial(async () => {
      const lead = await this.current(id);
      if (lead.stage === stage) throw leadInputError('stage', `lead '${id}' is at ${stage} already`);
      const text = checkText(note, 'text', 'note');
      const reason = reasonFor(stage, text, 'note');
      const at = this.now().toISOString();
      const { reason: _old, ...rest } = lead;
      const next: LeadRecord = {
        ...rest,
        stage,
        ...(reason ? { reason } : {}),
        updatedAt: at,
        stageSince: at,
        version: lead.version + 1,
      };
      await this.store.leads.save(
        next,
        event(next, caller, at, 'MOVED', { from: lead.stage, to: stage, ...(text ? { note: text } : {}) }),
      );
      return next;
    });
  }

  private async current(id: string): Promise<LeadRecord> {
    const [lead] = await this.store.leads.get([id]);
    if (!lead) throw notFound('lead', id);
    return lead;
  }

  /** The segment, checked to be one of the chain's; undefined for none. */
  private async segmentOf(chainId: string, segmentId: string | null | undefined): Promise<string | undefined> {
    if (segmentId == null || segmentId === '') return undefined;
    const [segment] = await this.store.segmentsById([segmentId]);
    if (!segment || segment.chainId !== chainId)
      throw leadInputError('input.segment', `'${segmentId}' is not a segment of chain '${chainId}'`);
    return segment.id;
  }
}

/** The next step, its due date and the notes of an input, checked; empty ones left out. */
function texts(input: {
  nextStep?: string | null | undefined;
  dueOn?: string | null | undefined;
  notes?: string | null | undefined;
}) {
  const nextStep = checkText(input.nextStep, 'text', 'input.nextStep');
  const due = checkText(input.dueOn, 'text', 'input.dueOn');
  const notes = checkText(input.notes, 'text', 'input.notes');
  return {
    ...(nextStep ? { nextStep } : {}),
    ...(due ? { dueOn: checkDate(due, 'input.dueOn') } : {}),
    ...(notes ? { notes } : {}),
  };
}

function event(
  lead: LeadRecord,
  caller: Caller,
  at: string,
  kind: LeadEvent['kind'],
  rest: Partial<Pick<LeadEvent, 'from' | 'to' | 'note' | 'fields'>>,
): LeadEvent {
  return { leadId: lead.id, version: lead.version, at, by: caller.name, kind, chainId: lead.chainId, ...rest };
}
