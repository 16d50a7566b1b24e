import { creditCodeProblem } from '../domain/credit-code';
import { textProblem } from '../domain/limits';
import { TIERS, type Tier } from '../domain/model';

/**
 * Parsers for the values of interchange fields. Each takes what a file gave (a JSON value, or
 * the text of a CSV or spreadsheet cell) and returns the typed value or a problem message.
 * Spreadsheet tools export numbers as text and dates in several forms; all of them are accepted.
 */
export class Invalid {
  constructor(readonly message: string) {}
}

/** The value, or why it is not one (no object is made for a good value: parsers run on every field). */
export type Parsed<T> = T | Invalid;

const ok = <T>(value: T): Parsed<T> => value;
const bad = (message: string): Invalid => new Invalid(message);
export const isInvalid = (v: unknown): v is Invalid => v instanceof Invalid;

/** Text: at most MAX_TEXT_LENGTH characters, without control characters but tabs and line breaks (domain/limits.ts). */
export function parseText(value: unknown): Parsed<string> {
  return textOf(value, 'text');
}

/** A name (of an enterprise, chain, segment, leader, product): at most MAX_NAME_LENGTH characters. */
export function parseName(value: unknown): Parsed<string> {
  return textOf(value, 'name');
}

/** A key, or a reference to one: at most MAX_ID_LENGTH characters (the API's arguments' cap too), no control characters. */
export function parseKey(value: unknown): Parsed<string> {
  return textOf(value, 'id');
}

function textOf(value: unknown, kind: 'id' | 'name' | 'text'): Parsed<string> {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return bad('must not be empty');
    const problem = textProblem(text, kind);
    return problem ? bad(problem) : ok(text);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  return bad(`must be text, got ${describe(value)}`);
}

/** A plain decimal number (no hex, no blanks inside). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The largest number a field may hold (9007199254740991, about 9e15): amounts are in 10k CNY, so
 * this is far beyond any real one, and sums of millions of them stay finite (1e308 twice would be
 * Infinity, which no answer can carry) and exact in whole numbers.
 */
export const MAX_NUMBER = Number.MAX_SAFE_INTEGER;

export function parseNumber(value: unknown): Parsed<number> {
  const text = typeof value === 'string' ? value.trim().replaceAll(',', '') : '';
  const n = typeof value === 'number' ? value : NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) return bad(`must be a number, got ${describe(value)}`);
  if (n < 0) return bad(`must not be negative, got ${n}`);
  if (n > MAX_NUMBER) return bad(`must be at most ${MAX_NUMBER}, got ${n}`);
  // -0 is 0 (JSON would write it so anyway)
  return ok(n === 0 ? 0 : n);
}

/** The largest whole number a field may hold: the API serves them as GraphQL's Int, 32 bits. */
export const MAX_INTEGER = 2_147_483_647;

export function parseInteger(value: unknown): Parsed<number> {
  const n = parseNumber(value);
  if (!isInvalid(n) && !Number.isInteger(n)) return bad(`must be a whole number, got ${n}`);
  if (!isInvalid(n) && n > MAX_INTEGER) return bad(`must be at most ${MAX_INTEGER}, got ${n}`);
  return n;
}

/** A head count as registries write it: `120`, `120人`; `-` and the like are empty (rows.ts). */
export function parseCount(value: unknown): Parsed<number> {
  return parseInteger(typeof value === 'string' ? value.trim().replace(/人$/, '') : value);
}

/**
 * What exports write for "no value": a cell holding only one of these is taken as empty, for any
 * field (a required field then reports that it is missing).
 */
export const EMPTY_MARKERS: ReadonlySet<string> = new Set([
  '-',
  '--',
  '—',
  '——',
  '/',
  '暂无',
  '无数据',
  'N/A',
  'n/a',
  'NULL',
  'null',
]);

export const isEmptyValue = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && (value.trim() === '' || EMPTY_MARKERS.has(value.trim())));

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '本地', '区内']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '区外', '外地']);

export function parseBoolean(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = plainText(value).trim().toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return bad(`must be true or false (是/否), got ${describe(value)}`);
}

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * YYYY-MM-DD (also YYYY/M/D, YYYY.M.D, YYYY年M月D日, a spreadsheet date cell, or a spreadsheet's
 * five-digit day number such as 43240 for 2018-05-20), as YYYY-MM-DD.
 */
export function parseDate(value: unknown): Parsed<string> {
  const day =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{5}$/.test(value.trim())
        ? Number(value)
        : Number.NaN;
  if (Number.isInteger(day) && day >= 10_000 && day < 2_958_466) {
    return ok(new Date(EXCEL_EPOCH + day * 86_400_000).toISOString().slice(0, 10));
  }
  if (value instanceof Date) {
    // a spreadsheet's date cell; the year must fit YYYY (toISOString writes others as ±YYYYYY)
    const year = value.getUTCFullYear();
    if (year >= 1 && year <= 9999) return ok(value.toISOString().slice(0, 10));
    return bad(`must be a date YYYY-MM-DD, got ${describe(value)}`);
  }
  if (typeof value === 'string') {
    const known = dates.get(value);
    if (known) return known;
    const parsed = parseDateText(value);
    if (dates.size < 100_000) dates.set(value, parsed);
    return parsed;
  }
  return bad(`must be a date YYYY-MM-DD, got ${describe(value)}`);
}

/** Dates repeat across rows (a few thousand distinct in a million rows): each is parsed once. */
const dates = new Map<string, Parsed<string>>();

function parseDateText(value: string): Parsed<string> {
  const m = DATE.exec(value.trim());
  if (!m) return bad(`must be a date YYYY-MM-DD, got ${describe(value)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: that one reads years 0 to 99 as 1900 to 1999
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return bad(`is not a real date: ${describe(value)}`);
  }
  return ok(`${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** A number, or the text of a plain decimal number; NaN otherwise. */
function plainNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

/** A percentage's text: it ends with a percent sign, ASCII or the full-width ％ of Chinese input. */
const isPercent = (value: unknown): value is string => typeof value === 'string' && /[%％]$/.test(value.trim());

/**
 * A share of a company: 0.51, "51%" (or "51％") or 51 all mean 51%. A plain number above 1 is read
 * as a percentage. The result must lie in (0, 1].
 */
export function parseShare(value: unknown): Parsed<number> {
  let n: number;
  if (isPercent(value)) {
    const text = value.trim().slice(0, -1).trim();
    n = NUMBER.test(text) ? Number(text) / 100 : Number.NaN;
  } else {
    const plain = plainNumber(value);
    n = plain > 1 ? plain / 100 : plain;
  }
  if (!Number.isFinite(n)) return bad(`must be a share like 0.51, 51% or 51, got ${describe(value)}`);
  if (n <= 0 || n > 1) return bad(`must be above 0 and at most 100%, got ${describe(value)}`);
  const share = Math.round(n * 1e6) / 1e6;
  // shares are kept to six places: a smaller one would be kept as none
  if (share === 0) return bad(`must be at least 0.000001 (0.0001%), got ${describe(value)}`);
  return ok(share);
}

/** A share under a header that says it is in percent (持股比例(%)): 1 is 1%, 51 is 51%. */
export function parseSharePercent(value: unknown): Parsed<number> {
  if (isPercent(value)) return parseShare(value);
  const n = plainNumber(value);
  return Number.isFinite(n) ? parseShare(`${n}%`) : bad(`must be a percentage like 51, got ${describe(value)}`);
}

export function parseConfidence(value: unknown): Parsed<number> {
  const n = parseNumber(value);
  if (!isInvalid(n) && n > 1) return bad(`must be from 0 to 1, got ${n}`);
  return n;
}

const TIER_ALIASES = new Map<string, Tier>([
  ['上游', 'UPSTREAM'],
  ['中游', 'MIDSTREAM'],
  ['下游', 'DOWNSTREAM'],
]);

export function parseTier(value: unknown): Parsed<Tier> {
  const text = plainText(value).trim();
  const upper = text.toUpperCase();
  const tier = (TIERS as readonly string[]).includes(upper) ? (upper as Tier) : TIER_ALIASES.get(text);
  return tier ? ok(tier) : bad(`must be UPSTREAM, MIDSTREAM or DOWNSTREAM (上游/中游/下游), got ${describe(value)}`);
}

/** A list of tags: a JSON array, or text separated by ; ； | or 、. */
export function parseTags(value: unknown): Parsed<string[]> {
  let items: string[];
  if (Array.isArray(value)) {
    if (!value.every((t) => typeof t === 'string')) return bad('must be a list of text');
    items = value.map((t) => t.trim()).filter(Boolean);
  } else if (typeof value === 'string')
    items = value
      .split(/[;；|、]/)
      .map((t) => t.trim())
      .filter(Boolean);
  else return bad(`must be a list of tags, got ${describe(value)}`);
  for (let i = 0; i < items.length; i++) {
    const problem = textProblem(items[i] as string, 'text');
    if (problem) return bad(`item ${i + 1} ${problem}`);
  }
  return ok(items);
}

/** An enterprise id: any text; 18 letters and digits are taken as a credit code and must be a valid one. */
export function parseEnterpriseId(value: unknown): Parsed<string> {
  const text = parseKey(value);
  if (isInvalid(text) || text.length !== 18 || !/^[0-9A-Za-z]{18}$/.test(text)) return text;
  const code = text.toUpperCase();
  const problem = creditCodeProblem(code);
  return problem ? bad(`unified social credit code ${problem}`) : ok(code);
}

/**
 * The text of a string or a number; '' for anything else. (String() of a JSON object can throw:
 * {"toString": 1} has no way to be text, and a list nested thousands deep overflows the stack.)
 */
function plainText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A value as a problem message shows it: quoted if text, as JSON otherwise, cut at 40 characters. */
function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  let text: string;
  if (typeof value === 'string') text = `'${value}'`;
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      // nested too deep to write out
      text = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
    }
  }
  if (text.length <= 40) return text;
  // not between the two halves of a surrogate pair
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(39)) ? 39 : 40;
  return `${text.slice(0, cut)}…`;
}
