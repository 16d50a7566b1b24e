import type { Caller } from '../auth/roles';
import { codedError, notFound } from '../domain/errors';
import type { Enterprise } from '../domain/model';
import { deriveFields } from '../import/derive';
import type { Kind } from '../interchange/format';
import type { EnterpriseRecord, GraphStore, Removal } from '../store/port';
import { crossCheck, parseRow, single } from './check';

/** The kinds of relationship a curator may add or remove, and the import table of each. */
export type RelationshipKind = 'CONTROLS' | 'SUPPLIES' | 'IN_SEGMENT' | 'ANCHORS';

export interface RelationshipInput {
  kind: RelationshipKind;
  /** The enterprise the relationship leaves. */
  from: string;
  /** An enterprise (CONTROLS, SUPPLIES), a segment (IN_SEGMENT) or a chain (ANCHORS). */
  to: string;
  share?: number | null;
  product?: string | null;
  annualValue?: number | null;
  source?: string | null;
  confidence?: number | null;
  verifiedAt?: string | null;
}

const TABLE: Record<RelationshipKind, Kind> = {
  CONTROLS: 'controls',
  SUPPLIES: 'supplies',
  IN_SEGMENT: 'inSegment',
  ANCHORS: 'anchors',
};

/** The row of an import table a relationship input stands for, with its key fields named as the table names them. */
function relationshipRow(input: RelationshipInput): Record<string, unknown> {
  const { kind, from, to, ...rest } = input;
  if (kind === 'IN_SEGMENT') return { enterpriseId: from, segmentId: to, ...rest };
  if (kind === 'ANCHORS') return { enterpriseId: from, chainId: to, ...rest };
  return { from, to, ...rest };
}

/**
 * Curation: the changes the mutations make, checked with the importer's rules and written through
 * the store port (durably, on the embedded store). Writes go one at a time, so that a check and
 * the write it allows see the same graph.
 */
export class Curator {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: GraphStore) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private note = (caller: Caller, what: string) => `${what} by ${caller.name}`;

  /** Adds a new enterprise; BAD_INPUT when its id is taken. */
  createEnterprise(caller: Caller, input: Record<string, unknown>): Promise<string> {
    return this.serial(async () => {
      const row = parseRow('enterprises', input, 'input') as Enterprise;
      const rows = single('enterprises', row);
      await this.store.commit(rows, this.note(caller, `create enterprise ${row.id}`), (view) => {
        if (view.has('enterprises', row.id)) {
          throw codedError('BAD_INPUT', `input.id: an enterprise with id '${row.id}' exists; update it instead.`, {
            argument: 'input',
          });
        }
        crossCheck(rows)(view);
        // as an import would: the short name and `local` where the input leaves them out
        deriveFields(rows.enterprises, view.home(), view);
      });
      return row.id;
    });
  }

  /**
   * Changes the fields `changes` gives; the others keep their values. The whole record, as stored
   * with the changes, is checked and written (a store takes whole enterprise rows).
   */
  updateEnterprise(caller: Caller, id: string, changes: Record<string, unknown>): Promise<boolean> {
    return this.serial(async () => {
      const [existing] = await this.store.getEnterprises([id]);
      if (!existing) throw notFound('enterprise', id);
      const { role: _role, ...stored } = existing as EnterpriseRecord;
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== null && v !== undefined));
      const row = parseRow('enterprises', { ...stored, ...given, id }, 'input') as Enterprise;
      const counts = await this.store.commit(
        single('enterprises', row),
        this.note(caller, `update enterprise ${id}`),
        (view) => {
          if (!view.has('enterprises', id)) throw notFound('enterprise', id);
        },
      );
      return counts.enterprises.updated > 0;
    });
  }

  /**
   * Adds a relationship, or updates the one with its key (kind, ends and, for SUPPLIES, product).
   * Returns whether it is new. Provenance defaults to the caller as source and confidence 1.
   */
  addRelationship(caller: Caller, input: RelationshipInput): Promise<boolean> {
    return this.serial(async () => {
      const table = TABLE[input.kind];
      const source = input.source ?? `curated by ${caller.name}`;
      const rows = single(table, parseRow(table, relationshipRow({ ...input, source }), 'input'));
      const note = this.note(caller, `add ${input.kind} ${input.from}>${input.to}`);
      const counts = await this.store.commit(rows, note, crossCheck(rows));
      return counts[table].added > 0;
    });
  }

  /** Takes a relationship out; NOT_FOUND when there is none with that key. */
  removeRelationship(
    caller: Caller,
    key: Pick<RelationshipInput, 'kind' | 'from' | 'to' | 'product'>,
  ): Promise<Removal> {
    return this.serial(async () => {
      const removal = toRemoval(key);
      const [removed] = await this.store.remove(
        [removal],
        this.note(caller, `remove ${key.kind} ${key.from}>${key.to}`),
      );
      if (!removed)
        throw notFound(`${key.kind} relationship`, `${key.from}>${key.to}${key.product ? `:${key.product}` : ''}`);
      return removed;
    });
  }
}

function toRemoval({ kind, from, to, product }: Pick<RelationshipInput, 'kind' | 'from' | 'to' | 'product'>): Removal {
  switch (kind) {
    case 'CONTROLS':
      return { kind: 'controls', from, to };
    case 'SUPPLIES':
      if (!product) {
        throw codedError('BAD_INPUT', 'input.product: a SUPPLIES relationship is named by its product; give it.', {
          argument: 'input',
        });
      }
      return { kind: 'supplies', from, to, product };
    case 'IN_SEGMENT':
      return { kind: 'inSegment', enterpriseId: from, segmentId: to };
    case 'ANCHORS':
      return { kind: 'anchors', enterpriseId: from, chainId: to };
  }
}
