import { cut, GEOMETRY, MAP_FONT, type MapLabels, type MapSegment, textEm, wrapText } from './map-geometry';

/** What a segment's card on the chain map shows, and how large (see map-layout.ts). */

/** The chips a card shows: its firms, then the chip that shows the rest (or fewer again). */
export const chipCount = (s: MapSegment) => s.firms.length + (s.hidden > 0 || s.expanded ? 1 : 0);
export const chipsPerRow = (inner: number) => (inner >= 170 ? 3 : 2);

/** The text that names a card's firms when the view is far: names that fit in two lines, and "+N" for the rest. */
export function summaryOf(s: MapSegment, inner: number, labels: MapLabels): string[] {
  const total = s.firms.length + s.hidden;
  if (total === 0) return [labels.none()];
  const em = inner / MAP_FONT.body;
  const names = s.firms.map((f) => (f.anchorOf.length > 0 ? `★${f.shortName}` : f.shortName));
  const lines: string[] = [''];
  let named = 0;
  for (const name of names) {
    const rest = total - named - 1;
    const tail = rest > 0 ? ` ${labels.more(rest)}` : '';
    const line = lines.at(-1) ?? '';
    const candidate = line ? `${line}、${name}` : name;
    if (textEm(candidate + tail) <= em || (line === '' && lines.length === 1 && textEm(name) > em)) {
      lines[lines.length - 1] = textEm(candidate) <= em ? candidate : cut(name, em - textEm(tail));
      named++;
    } else if (lines.length < 2 && textEm(name + tail) <= em) {
      lines.push(name);
      named++;
    } else break;
  }
  const rest = total - named;
  if (rest > 0) {
    const tail = labels.more(rest);
    const line = lines.at(-1) ?? '';
    if (line === '') lines[lines.length - 1] = tail;
    else if (textEm(`${line} ${tail}`) <= em) lines[lines.length - 1] = `${line} ${tail}`;
    else if (lines.length < 2) lines.push(tail);
    else lines[lines.length - 1] = `${cut(line, em - textEm(tail) - 0.6)} ${tail}`;
  }
  return lines;
}

/** A card's own part (title, need and counts, firms), without its sub-segments. */
export interface CardFace {
  title: string[];
  summary: string[];
  chipRows: number;
  /** The need's tag and the counts on one line, or (too wide for the card) on two. */
  metaRows: 1 | 2;
  height: number;
}

/** The width of a need's tag on a card. */
export const tagWidth = (text: string) => textEm(text) * MAP_FONT.body + 10;

export function faceOf(s: MapSegment, width: number, labels: MapLabels): CardFace {
  const inner = width - 2 * GEOMETRY.pad;
  const title = wrapText(s.name, inner / MAP_FONT.title, 2);
  const summary = summaryOf(s, inner, labels);
  const chipRows = Math.ceil(chipCount(s) / chipsPerRow(inner));
  const tag = s.need === 'OK' ? 0 : tagWidth(labels.need(s.need)) + 6;
  const metaRows = tag + textEm(labels.counts(s)) * MAP_FONT.body <= inner ? 1 : 2;
  const body = Math.max(chipRows * GEOMETRY.chipRow, summary.length * GEOMETRY.bodyLine);
  const height = GEOMETRY.pad + title.length * GEOMETRY.titleLine + metaRows * GEOMETRY.meta + body + GEOMETRY.pad;
  return { title, summary, chipRows, metaRows, height };
}
