import type { Firm } from '../../queries/chains';
import type { Need } from './needs';

/**
 * The chain map's terms (see map-layout.ts): its segments, candidates and labels as the layout takes
 * them, its sizes and fonts, its elements' ids, how wide a text is drawn, and which firms a card
 * shows first.
 */

export type Tier = 'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM';
export const TIERS = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'] as const;

export interface MapSegment {
  id: string;
  name: string;
  tier: Tier;
  need: Need;
  covered: boolean;
  /** The segment it is part of (子环节 → 环节), when that segment is on the map too. */
  parentId?: string | undefined;
  /** How many local and outside firms work in it (all of them, shown or not). */
  localCount: number;
  outsideCount: number;
  /** The firms shown: anchors first, then local, then outside. */
  firms: readonly Firm[];
  /** How many more firms there are than are shown. */
  hidden: number;
  /** All its firms are shown at the user's asking: the card offers to show fewer again. */
  expanded?: boolean;
  feedsInto: readonly string[];
}

export interface MapCandidate {
  enterprise: Firm;
  score: number;
  /** Ids of the enterprises it already supplies (evidence). */
  supplies: readonly string[];
  /** The stage of its investment lead, in words, when it is one (招商项目). */
  lead?: string;
}

export interface MapLabels {
  tier: (tier: Tier) => string;
  /** The need's name on a card's tag (none for a segment that needs nothing). */
  need: (need: Need) => string;
  /** "本地 3 · 区外 12". */
  counts: (segment: MapSegment) => string;
  /** The chip that shows the rest: "+12". */
  more: (n: number) => string;
  collapse: () => string;
  /** A segment without firms. */
  none: () => string;
}

/** Font sizes in the graph's own pixels; the view shows a kind of text only where it is 9 px or more on the screen. */
export const MAP_FONT = { tier: 26, title: 18, body: 17, candidate: 13, chip: 10 } as const;

/** The smallest size, in screen pixels, at which the map draws text. */
export const MIN_SCREEN_PX = 9;

export const GEOMETRY = {
  /** A top-level card's width; a sub-segment's card is narrower by the padding on each side. */
  card: 200,
  pad: 8,
  gutterX: 16,
  gutterY: 12,
  tierGap: 44,
  tierHeader: 46,
  titleLine: 23,
  meta: 24,
  chip: 18,
  chipRow: 22,
  bodyLine: 22,
  /** The chips of a card before it is expanded. */
  firstChips: 6,
};

/**
 * The view the layout is made to fill: the map's canvas on a 1440×900 screen (1060×800, less the
 * fit's margin of 40 on each side); of the ways to wrap the tiers, the one that is largest there is
 * chosen.
 */
export const TARGET_VIEW = { width: 980, height: 720 };

/** Node ids: a firm may work in several segments and is drawn in each. */
export const firmNodeId = (segmentId: string, firmId: string) => `firm|${segmentId}|${firmId}`;
export const segmentNodeId = (segmentId: string) => `segment|${segmentId}`;
export const candidateNodeId = (firmId: string) => `candidate|${firmId}`;
export const moreNodeId = (segmentId: string) => `more|${segmentId}`;

/**
 * How wide a text is drawn, in units of its font size, a little wide: a CJK character is one, a
 * space or a middle dot under a third, a digit or a Latin letter about half.
 */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch)) em += 1;
    else if (ch === ' ' || ch === '·') em += 0.3;
    else if (/[A-Z]/.test(ch)) em += 0.66;
    else em += 0.58;
  }
  return em;
}

/** Cuts a text to `em` units, with an ellipsis when it is longer. */
export function cut(text: string, em: number): string {
  if (textEm(text) <= em) return text;
  let out = '';
  for (const ch of text) {
    if (textEm(`${out + ch}…`) > em) break;
    out += ch;
  }
  return `${out}…`;
}

/** Breaks a text into at most `lines` lines of `em` units each (the last cut with an ellipsis). */
export function wrapText(text: string, em: number, lines: number): string[] {
  const out: string[] = [];
  const rest = [...text];
  while (rest.length > 0 && out.length < lines - 1) {
    let line = '';
    while (rest.length > 0 && textEm(line + rest[0]) <= em) line += rest.shift();
    if (line === '') line = rest.shift() ?? '';
    out.push(line);
  }
  if (rest.length > 0) out.push(cut(rest.join(''), em));
  return out;
}

/** How many firms a card shows before it is expanded: all, up to six; else five and a "+N" chip. */
export const firstShown = (total: number) => (total <= GEOMETRY.firstChips ? total : GEOMETRY.firstChips - 1);

/** Where a segment's first firms come from: anchors first, then local, then outside, each by size. */
export function firstFirms(local: readonly Firm[], outside: readonly Firm[]): Firm[] {
  const all = [...local, ...outside];
  return [...all.filter((f) => f.anchorOf.length > 0), ...all.filter((f) => f.anchorOf.length === 0)];
}
