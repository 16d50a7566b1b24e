import { codedError } from './errors';
import { textProblem } from './limits';

/**
 * Investment leads (招商项目): a firm the district courts for a chain (and the gap it would fill),
 * from the first contact to a landed project. Named "investment lead" in code: the data set's
 * `leads` rows are something else (a leader leads a chain).
 *
 * A lead is stored whole after every change, with an event saying what changed, by whom and when
 * (its history): the latest state answers the board, the events answer "what moved since".
 */

/** 线索 → 接洽 → 拜访 → 洽谈 → 签约 → 落地, or 搁置 / 流失 (with a reason). */
export const LEAD_STAGES = [
  'LEAD',
  'CONTACTED',
  'VISITED',
  'NEGOTIATING',
  'SIGNED',
  'LANDED',
  'ON_HOLD',
  'LOST',
] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const isLeadStage = (value: string): value is LeadStage => (LEAD_STAGES as readonly string[]).includes(value);

/** Stages that need a reason. */
export const STAGES_WITH_REASON: ReadonlySet<LeadStage> = new Set(['ON_HOLD', 'LOST']);
/** Stages at which the work is over: nothing is due any more. */
export const CLOSED_STAGES: ReadonlySet<LeadStage> = new Set(['LANDED', 'LOST']);
/** Stages whose effect the board sums: signed, and beyond. */
export const COMMITTED_STAGES: ReadonlySet<LeadStage> = new Set(['SIGNED', 'LANDED']);

/** The most contacts, and the longest notes, a lead keeps. */
export const MAX_LEAD_CONTACTS = 20;

export interface LeadContact {
  name: string;
  role: string;
}

export interface LeadRecord {
  id: string;
  enterpriseId: string;
  chainId: string;
  /** The segment (gap) it would fill, when it fills one. */
  segmentId?: string;
  stage: LeadStage;
  /** Why it is ON_HOLD or LOST; absent at the other stages. */
  reason?: string;
  owner: string;
  nextStep?: string;
  /** The next step's due date, YYYY-MM-DD. */
  dueOn?: string;
  notes?: string;
  contacts: LeadContact[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** When it entered its stage (for its age on the board). */
  stageSince: string;
  /** 1 when created, one more at every change: a write names the version it changes. */
  version: number;
}

export type LeadEventKind = 'CREATED' | 'MOVED' | 'EDITED';

/** One entry of a lead's history. */
export interface LeadEvent {
  leadId: string;
  /** The lead's version this event made. */
  version: number;
  at: string;
  by: string;
  kind: LeadEventKind;
  /** MOVED: the stages; CREATED: `to` only. */
  from?: LeadStage;
  to?: LeadStage;
  note?: string;
  /** EDITED: the fields that changed. */
  fields?: string[];
  /** The chain, so that "what moved on a chain since" needs no join. */
  chainId: string;
}

/** A BAD_INPUT error naming the field of the input that is wrong. */
export const leadInputError = (field: string, message: string) =>
  codedError('BAD_INPUT', `${field}: ${message}`, { argument: 'input', problems: [{ field, message }] });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date as YYYY-MM-DD, checked to be a real day. */
export function checkDate(value: string, field: string): string {
  const m = DATE.exec(value);
  const day = m && new Date(`${value}T00:00:00Z`);
  if (!m || !day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
    throw leadInputError(field, `must be a date as YYYY-MM-DD, got '${value.slice(0, 40)}'`);
  return value;
}

/** A text of a kind (id, name, text), trimmed; empty → undefined. */
export function checkText(value: string | null | undefined, kind: 'id' | 'name' | 'text', field: string) {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  const problem = textProblem(text, kind);
  if (problem) throw leadInputError(field, problem);
  return text;
}

/** A contact as given: the role may be left out. */
export interface ContactInput {
  name: string;
  role?: string | null | undefined;
}

export function checkContacts(contacts: readonly ContactInput[], field: string): LeadContact[] {
  if (contacts.length > MAX_LEAD_CONTACTS)
    throw leadInputError(field, `at most ${MAX_LEAD_CONTACTS} contacts, got ${contacts.length}`);
  return contacts.map((c, i) => {
    const name = checkText(c.name, 'name', `${field}[${i}].name`);
    if (!name) throw leadInputError(`${field}[${i}].name`, 'a contact needs a name');
    return { name, role: checkText(c.role, 'name', `${field}[${i}].role`) ?? '' };
  });
}

/** The reason a stage needs, checked: required at ON_HOLD and LOST, dropped elsewhere. */
export function reasonFor(stage: LeadStage, reason: string | undefined, field: string): string | undefined {
  if (!STAGES_WITH_REASON.has(stage)) return undefined;
  if (!reason) throw leadInputError(field, `a lead put ${stage} needs a reason`);
  return reason;
}

/** Overdue: its next step was due before `today` (YYYY-MM-DD), and it is not closed. */
export const isOverdue = (lead: LeadRecord, today: string): boolean =>
  lead.dueOn !== undefined && lead.dueOn < today && !CLOSED_STAGES.has(lead.stage);

/** What the board filters leads by. */
export interface LeadFilter {
  chainId?: string;
  stages?: readonly LeadStage[];
  owner?: string;
  enterpriseIds?: readonly string[];
  segmentId?: string;
}

export const matchesLead = (lead: LeadRecord, f: LeadFilter): boolean =>
  (f.chainId === undefined || lead.chainId === f.chainId) &&
  (f.stages === undefined || f.stages.includes(lead.stage)) &&
  (f.owner === undefined || lead.owner === f.owner) &&
  (f.segmentId === undefined || lead.segmentId === f.segmentId) &&
  (f.enterpriseIds === undefined || f.enterpriseIds.includes(lead.enterpriseId));

/** The board's order: by stage, then the longest in its stage first, then id. */
export function byBoardOrder(a: LeadRecord, b: LeadRecord): number {
  const s = LEAD_STAGES.indexOf(a.stage) - LEAD_STAGES.indexOf(b.stage);
  if (s !== 0) return s;
  if (a.stageSince !== b.stageSince) return a.stageSince < b.stageSince ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The district's time zone: a due date is a day there. */
export const LEAD_TIME_ZONE = 'Asia/Shanghai';

/** The day `now` is in the district, YYYY-MM-DD. */
export const leadToday = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: LEAD_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

/** Whole days from `since` (an ISO time) to `now`. */
export const daysSince = (since: string, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86_400_000));
