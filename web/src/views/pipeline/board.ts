import type { LeadCard, LeadStage } from '../../queries/leads';

/** The board's columns, left to right: 线索 → 落地, then 搁置 and 流失. */
export const STAGES: readonly LeadStage[] = [
  'LEAD',
  'CONTACTED',
  'VISITED',
  'NEGOTIATING',
  'SIGNED',
  'LANDED',
  'ON_HOLD',
  'LOST',
];

/** Stages a move to asks why. */
export const NEEDS_REASON: ReadonlySet<LeadStage> = new Set(['ON_HOLD', 'LOST']);

/** The stage before or after a lead's, along the columns (none past either end). */
export function stageBeside(stage: LeadStage, step: -1 | 1): LeadStage | undefined {
  return STAGES[STAGES.indexOf(stage) + step];
}

export interface BoardFilters {
  owner: string | null;
  overdue: boolean;
  /** A segment's key; '' for leads without a gap. */
  gap: string | null;
}

export const NO_FILTERS: BoardFilters = { owner: null, overdue: false, gap: null };

export function filterLeads(leads: readonly LeadCard[], f: BoardFilters): LeadCard[] {
  return leads.filter(
    (l) =>
      (f.owner === null || l.owner === f.owner) &&
      (!f.overdue || l.overdue) &&
      (f.gap === null || (l.segment?.key ?? '') === f.gap),
  );
}

/** The owners and gaps the leads have, for the filters' choices. */
export function choices(leads: readonly LeadCard[]) {
  const owners = [...new Set(leads.map((l) => l.owner))].sort((a, b) => a.localeCompare(b, 'zh'));
  const gaps = new Map<string, string>();
  for (const l of leads) if (l.segment) gaps.set(l.segment.key, l.segment.name);
  return { owners, gaps: [...gaps].map(([key, name]) => ({ key, name })) };
}

export interface Column {
  stage: LeadStage;
  leads: LeadCard[];
  /** Average whole days the column's leads have been at its stage; null for none. */
  averageDays: number | null;
}

export function columnsOf(leads: readonly LeadCard[]): Column[] {
  return STAGES.map((stage) => {
    const here = leads.filter((l) => l.stage === stage);
    const averageDays =
      here.length === 0 ? null : Math.round(here.reduce((n, l) => n + l.daysInStage, 0) / here.length);
    return { stage, leads: here, averageDays };
  });
}

/** A share (0–1) as a percentage; — when unknown. */
export const percent = (x: number | null | undefined) => (x == null ? '—' : `${Math.round(x * 100)}%`);
