/**
 * The limits on what comes in, the same for every writer (the importer, the curation mutations)
 * and for the arguments of the API that name what was written: docs/data-format.md, "Limits".
 * Lengths are in characters (Unicode code points), not bytes.
 */

/** The longest key (an enterprise, chain, segment or leader id), as stored and as an argument names it. */
export const MAX_ID_LENGTH = 200;

/** The longest name: of an enterprise (and its short name), a chain, a segment, a leader, the district. */
export const MAX_NAME_LENGTH = 200;

/** The longest other text: an address, a description, a product, a source, a tag, an attribute. */
export const MAX_TEXT_LENGTH = 2000;

/** The longest line of a JSON Lines or CSV file, in bytes: a row is far shorter. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** How many problems (and warnings) an import keeps to list; the others are counted. */
export const MAX_PROBLEMS = 1000;

/** How many rows an import told to skip invalid ones keeps whole (problems and row) for the rejects file. */
export const MAX_REJECTS_KEPT = 10_000;

/** The length of a text in characters, counted only as far as needed to tell that it is over `max`. */
export function overLength(text: string, max: number): number | undefined {
  // a code point is one or two UTF-16 units: at most `max` units is at most `max` characters
  if (text.length <= max) return undefined;
  let n = 0;
  for (const _ of text) n++;
  return n > max ? n : undefined;
}

/** C0 and C1 control characters and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is what it is for
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, but tab, line feed and carriage return, which other text may hold. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is what it is for
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Why `text` cannot be a value of its kind (too long, or holding a control character), or
 * undefined. A key may hold no control character; other text may hold tabs and line breaks (a
 * spreadsheet cell of two lines), no other.
 */
export function textProblem(text: string, kind: 'id' | 'name' | 'text'): string | undefined {
  const max = kind === 'id' ? MAX_ID_LENGTH : kind === 'name' ? MAX_NAME_LENGTH : MAX_TEXT_LENGTH;
  const length = overLength(text, max);
  if (length !== undefined)
    return `must be at most ${max.toLocaleString('en')} characters, got ${length.toLocaleString('en')}`;
  const control = (kind === 'id' ? CONTROL : CONTROL_BUT_LINES).exec(text);
  if (control) {
    const code = (control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    return `must not hold control characters, got U+${code} at character ${[...text.slice(0, control.index)].length + 1}`;
  }
  return undefined;
}
