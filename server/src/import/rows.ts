import { FIELDS, type FieldSpec, type Kind } from './interchange';
import type { ImportProblem, Location } from './problems';

/**
 * Turns the raw records of one table (a file or a sheet) into typed rows of its kind. Headers
 * may be field names or their Chinese aliases; an unknown column, a missing required column,
 * a row with the wrong number of fields and every bad value is a problem with its place.
 */
export class RowParser {
  private readonly byHeader = new Map<string, FieldSpec>();
  private columns: (FieldSpec | undefined)[] = [];

  constructor(
    readonly kind: Kind,
    private readonly report: (problem: ImportProblem) => void,
  ) {
    for (const spec of FIELDS[kind]) {
      for (const name of [spec.name, ...spec.aliases]) this.byHeader.set(normalizeHeader(name), spec);
    }
  }

  /** The header of a CSV file or sheet. Returns false when the table cannot be read on. */
  header(names: readonly unknown[], at: Location): boolean {
    this.columns = names.map((n) => this.byHeader.get(normalizeHeader(String(n ?? ''))));
    let fine = true;
    names.forEach((name, i) => {
      if (!this.columns[i] && String(name ?? '').trim() !== '') {
        this.report({ ...at, field: String(name), message: `unknown column '${String(name)}' for ${this.kind}` });
        fine = false;
      }
    });
    const seen = new Set<string>();
    for (const spec of this.columns) {
      if (!spec) continue;
      if (seen.has(spec.name)) {
        this.report({ ...at, field: spec.name, message: `column '${spec.name}' is given twice` });
        fine = false;
      }
      seen.add(spec.name);
    }
    for (const spec of FIELDS[this.kind]) {
      if (spec.required && !seen.has(spec.name)) {
        this.report({ ...at, field: spec.name, message: `missing required column '${spec.name}'` });
        fine = false;
      }
    }
    return fine;
  }

  /** A row of values under the header; undefined when it has problems (reported). */
  values(values: readonly unknown[], at: Location): Record<string, unknown> | undefined {
    if (values.length !== this.columns.length) {
      this.report({ ...at, message: `has ${values.length} fields, the header has ${this.columns.length}` });
      return undefined;
    }
    const raw = new Map<FieldSpec, unknown>();
    this.columns.forEach((spec, i) => {
      if (spec) raw.set(spec, values[i]);
    });
    return this.build(raw, at);
  }

  /** A JSON object: its keys are the columns. */
  object(record: unknown, at: Location): Record<string, unknown> | undefined {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      this.report({ ...at, message: 'must be a JSON object' });
      return undefined;
    }
    const raw = new Map<FieldSpec, unknown>();
    let fine = true;
    for (const [key, value] of Object.entries(record)) {
      const spec = this.byHeader.get(normalizeHeader(key));
      if (!spec) {
        this.report({ ...at, field: key, message: `unknown field '${key}' for ${this.kind}` });
        fine = false;
      } else raw.set(spec, value);
    }
    const row = this.build(raw, at);
    return fine ? row : undefined;
  }

  private build(raw: Map<FieldSpec, unknown>, at: Location): Record<string, unknown> | undefined {
    const row: Record<string, unknown> = {};
    let fine = true;
    for (const spec of FIELDS[this.kind]) {
      const value = raw.get(spec);
      if (value === undefined || value === null || value === '') {
        if (spec.required) {
          this.report({ ...at, field: spec.name, message: 'is required' });
          fine = false;
        } else if (spec.name === 'tags') row.tags = [];
        continue;
      }
      const parsed = spec.parse(value);
      if (parsed.ok) row[spec.name] = parsed.value;
      else {
        this.report({ ...at, field: spec.name, message: parsed.message });
        fine = false;
      }
    }
    return fine ? row : undefined;
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
