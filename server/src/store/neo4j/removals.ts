import type { Removal } from '../port';
import type { CypherFile } from './cypher-catalog';
import type { Tx } from './gateway';
import type { RelationshipType } from './schema-description';

/** Removals in Neo4j: which are there (through the import plan's look-up), and the deletes. */

const TYPE: Record<Removal['kind'], RelationshipType> = {
  controls: 'CONTROLS',
  supplies: 'SUPPLIES',
  inSegment: 'IN_SEGMENT',
  anchors: 'ANCHORS',
};

const FILE = {
  controls: 'import/remove-controls',
  supplies: 'import/remove-supplies',
  inSegment: 'import/remove-in-segment',
  anchors: 'import/remove-anchors',
} as const satisfies Record<Removal['kind'], CypherFile>;

/** A removal's ends and product, as existing-relationships.cypher takes a key. */
function ends(r: Removal): { from: string; to: string; product: string | null } {
  switch (r.kind) {
    case 'controls':
      return { from: r.from, to: r.to, product: null };
    case 'supplies':
      return { from: r.from, to: r.to, product: r.product };
    case 'inSegment':
      return { from: r.enterpriseId, to: r.segmentId, product: null };
    case 'anchors':
      return { from: r.enterpriseId, to: r.chainId, product: null };
  }
}

const keyOf = (e: { from: string; to: string; product: string | null }) => `${e.from}>${e.to}:${e.product ?? ''}`;

/** The removals whose relationship is there. */
export async function presentRemovals(tx: Tx, removals: readonly Removal[]): Promise<Removal[]> {
  const present: Removal[] = [];
  for (const kind of Object.keys(TYPE) as Removal['kind'][]) {
    const mine = removals.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    const found = await tx.run<{ from: string; to: string; product: string | null }>('queries/existing-relationships', {
      kind: TYPE[kind],
      keys: mine.map(ends),
    });
    const there = new Set(found.map(keyOf));
    present.push(...mine.filter((r) => there.has(keyOf(ends(r)))));
  }
  return present;
}

/** Deletes the relationships, kind by kind. */
export async function writeRemovals(tx: Tx, removals: readonly Removal[]): Promise<void> {
  for (const kind of Object.keys(FILE) as Removal['kind'][]) {
    const rows = removals.filter((r) => r.kind === kind).map(({ kind: _k, ...rest }) => rest);
    if (rows.length > 0) await tx.run(FILE[kind], { rows });
  }
}
