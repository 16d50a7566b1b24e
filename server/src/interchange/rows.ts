import { MAX_NAME_LENGTH, overLength, textProblem } from '../domain/limits';
import { FIELDS, type FieldSpec, type Kind } from './format';
import type { ImportProblem, Location } from './problems';
import { Invalid, isEmptyValue, parseSharePercent } from './values';

export interface RowOptions {
  /** Keep columns the format does not know: as an enterprise's attributes; other kinds ignore them. */
  keepExtraColumns?: boolean;
  /** Something worth saying that does not stop the import. */
  warn?: (warning: ImportProblem) => void;
}

/** Kinds whose extra columns are kept (as `attributes`) with keepExtraColumns. */
const KEEPS_ATTRIBUTES: ReadonlySet<Kind> = new Set(['enterprises']);

/**
 * Turns the raw records of one table (a file or a sheet) into typed rows of its kind. Headers
 * may be field names or their Chinese aliases; an unknown column, a missing required column,
 * a row with the wrong number of fields and every bad value is a problem with its place.
 */
export class RowParser {
  private readonly specs: readonly FieldSpec[];
  /** Normalised header or alias → field index. */
  private readonly byHeader = new Map<string, number>();
  /** JSON keys as written → field index (-1: unknown): the same few keys come back on every row. */
  private readonly byKey = new Map<string, number>();
  /** Field index of each column of the header. */
  private columns: number[] = [];
  /** Fields whose header says they are in percent, e.g. 持股比例(%). */
  private readonly percent = new Set<number>();
  /** Extra columns kept as attributes: column index → its header. */
  private extra = new Map<number, string>();

  constructor(
    readonly kind: Kind,
    private readonly report: (problem: ImportProblem) => void,
    private readonly options: RowOptions = {},
  ) {
    this.specs = FIELDS[kind];
    this.specs.forEach((spec, i) => {
      for (const name of [spec.name, ...spec.aliases]) this.byHeader.set(normalizeHeader(name), i);
    });
  }

  /** The header of a CSV file or sheet. Returns false when the table cannot be read on. */
  header(names: readonly unknown[], where: Location): boolean {
    const at = { ...where, table: true };
    const texts = names.map(headerText);
    this.columns = texts.map((n) => this.byHeader.get(normalizeHeader(n)) ?? -1);
    texts.forEach((n, i) => {
      const index = this.columns[i] as number;
      if (index !== -1 && this.specs[index]?.name === 'share' && /[%％]/.test(n)) this.percent.add(index);
    });
    let fine = true;
    this.extra = new Map();
    const unknown = texts.flatMap((name, i) => (this.columns[i] === -1 && name.trim() !== '' ? [i] : []));
    if (unknown.length > 0 && this.options.keepExtraColumns) {
      const names = unknown.map((i) => texts[i]?.trim() ?? '');
      if (KEEPS_ATTRIBUTES.has(this.kind)) for (const i of unknown) this.extra.set(i, texts[i]?.trim() ?? '');
      this.options.warn?.({
        ...at,
        message: KEEPS_ATTRIBUTES.has(this.kind)
          ? `kept ${names.length} column(s) the format does not know as attributes: ${names.join(', ')}`
          : `ignored ${names.length} column(s) the format does not know: ${names.join(', ')} (only enterprises keep attributes)`,
      });
    } else {
      for (const i of unknown) {
        const name = texts[i] as string;
        this.report({ ...at, field: name, message: `unknown column '${name}' for ${this.kind}${HINT}` });
        fine = false;
      }
    }
    const seen = new Set<number>();
    for (const index of this.columns) {
      if (index === -1) continue;
      if (seen.has(index)) {
        this.report({
          ...at,
          field: this.specs[index]?.name ?? '',
          message: `column '${this.specs[index]?.name}' is given twice`,
        });
        fine = false;
      }
      seen.add(index);
    }
    this.specs.forEach((spec, i) => {
      if (spec.required && !seen.has(i)) {
        this.report({ ...at, field: spec.name, message: `missing required column '${spec.name}'` });
        fine = false;
      }
    });
    return fine;
  }

  /** A row of values under the header; undefined when it has problems (reported). */
  values(values: readonly unknown[], at: Location): Record<string, unknown> | undefined {
    if (values.length !== this.columns.length) {
      this.report({ ...at, message: `has ${values.length} fields, the header has ${this.columns.length}` });
      return undefined;
    }
    const raw: unknown[] = new Array(this.specs.length);
    for (let c = 0; c < values.length; c++) {
      const index = this.columns[c] as number;
      if (index !== -1) raw[index] = values[c];
    }
    const row = this.build(raw, at);
    if (row && this.extra.size > 0) {
      const attributes: Record<string, string> = {};
      for (const [c, name] of this.extra) {
        const v = values[c];
        if (!isEmptyValue(v)) attributes[name] = cellText(v);
      }
      if (Object.keys(attributes).length > 0) {
        if (!this.attributesFine(attributes, at)) return undefined;
        row.attributes = attributes;
      }
    }
    return row;
  }

  /** Attributes are text like any other (domain/limits.ts): names at most a name's length, values a text's. */
  private attributesFine(attributes: Record<string, string>, at: Location): boolean {
    let fine = true;
    for (const [name, value] of Object.entries(attributes)) {
      const problem = textProblem(name, 'name') ?? textProblem(value, 'text');
      if (problem) {
        const label = overLength(name, MAX_NAME_LENGTH) === undefined ? name : `${[...name].slice(0, 40).join('')}…`;
        this.report({ ...at, field: label, message: `attribute ${problem}` });
        fine = false;
      }
    }
    return fine;
  }

  /** A JSON object: its keys are the columns. */
  object(record: unknown, at: Location): Record<string, unknown> | undefined {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      this.report({ ...at, message: 'must be a JSON object' });
      return undefined;
    }
    const raw: unknown[] = new Array(this.specs.length);
    let fine = true;
    let attributes: Record<string, string> | undefined;
    for (const key in record) {
      let index = this.byKey.get(key);
      if (index === undefined) {
        index = this.byHeader.get(normalizeHeader(key)) ?? -1;
        this.byKey.set(key, index);
      }
      const value = (record as Record<string, unknown>)[key];
      if (index !== -1) raw[index] = value;
      else if (key === 'attributes' && KEEPS_ATTRIBUTES.has(this.kind) && isTextRecord(value)) attributes = value;
      else if (this.options.keepExtraColumns && key.trim()) {
        if (KEEPS_ATTRIBUTES.has(this.kind) && !isEmptyValue(value)) {
          attributes ??= {};
          attributes[key] = cellText(value);
        }
      } else {
        // a blank key names no field: the problem is the row's
        this.report({
          ...at,
          ...(key.trim() ? { field: key } : {}),
          message: `unknown field '${key}' for ${this.kind}${key.trim() ? HINT : ''}`,
        });
        fine = false;
      }
    }
    const row = this.build(raw, at);
    if (row && attributes && Object.keys(attributes).length > 0) {
      if (!this.attributesFine(attributes, at)) return undefined;
      row.attributes = attributes;
    }
    return fine ? row : undefined;
  }

  private build(raw: readonly unknown[], at: Location): Record<string, unknown> | undefined {
    const row: Record<string, unknown> = {};
    let fine = true;
    for (let i = 0; i < this.specs.length; i++) {
      const spec = this.specs[i] as FieldSpec;
      const value = raw[i];
      if (isEmptyValue(value)) {
        if (spec.required) {
          this.report({ ...at, field: spec.name, message: 'is required' });
          fine = false;
        } else if (spec.name === 'tags') row.tags = [];
        else if (spec.name === 'source') row.source = at.sheet === undefined ? at.file : `${at.file}[${at.sheet}]`;
        else if (spec.name === 'confidence') row.confidence = 1;
        continue;
      }
      const parsed = this.percent.has(i) ? parseSharePercent(value) : spec.parse(value);
      if (parsed instanceof Invalid) {
        this.report({ ...at, field: spec.name, message: parsed.message });
        fine = false;
      } else if (spec.assign) spec.assign(row, parsed);
      else row[spec.name] = parsed;
    }
    return fine ? row : undefined;
  }
}

const HINT = ' (a typo? or run the import with --keep-extra-columns to keep such columns)';

const isTextRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** A cell as attribute text. */
function cellText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return headerText(v);
}

/** The text of a header cell: a sheet's cell may hold a number, a date or a formula's result. */
function headerText(cell: unknown): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString();
  if (typeof cell !== 'object') return String(cell);
  try {
    return JSON.stringify(cell) ?? '';
  } catch {
    return Array.isArray(cell) ? '[…]' : '{…}';
  }
}

function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}
