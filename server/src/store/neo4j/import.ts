import type { Dataset, District } from '../../domain/model';
import { initialsOf } from '../../domain/pinyin';
import { searchForm } from '../../domain/search-text';
import { givesNothingNew } from '../../domain/update';
import { KINDS, type Kind } from '../../interchange/format';
import { rowKey } from '../../interchange/keys';
import type { ApplyCounts, ImportView, NamedEnterprise, NodeKind } from '../port';
import type { CypherFile } from './cypher-catalog';
import { int, type Tx } from './gateway';
import type { Label, RelationshipType } from './schema-description';

/** The import of a batch into Neo4j: the checks' look-ups, the plan, and the batched writes. */

const CHUNK = 5000;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

const LABEL: Record<NodeKind, Label> = {
  enterprises: 'Enterprise',
  chains: 'Chain',
  segments: 'Segment',
  leaders: 'Leader',
};

/** Which of `ids` exist as nodes of a label, with their properties. */
async function existingNodes(
  tx: Tx,
  kind: NodeKind,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await tx.run<{ id: string; props: Record<string, unknown> }>('queries/existing-nodes', {
      label: LABEL[kind],
      ids: part,
    });
    for (const r of rows) found.set(r.id, r.props);
  }
  return found;
}

/** Looks up what the checks need: the nodes the rows refer to and the holdings in the companies they touch. */
export async function prefetchView(tx: Tx, rows: Dataset): Promise<ImportView> {
  // the nodes the rows refer to, and the rows' own nodes (whether each is there already)
  const refs: Record<NodeKind, string[]> = {
    enterprises: [
      ...rows.enterprises.map((r) => r.id),
      ...rows.anchors.map((r) => r.enterpriseId),
      ...rows.inSegment.map((r) => r.enterpriseId),
      ...rows.controls.flatMap((r) => [r.from, r.to]),
      ...rows.supplies.flatMap((r) => [r.from, r.to]),
    ],
    chains: [
      ...rows.chains.map((r) => r.id),
      ...rows.segments.map((r) => r.chainId),
      ...rows.leads.map((r) => r.chainId),
      ...rows.anchors.map((r) => r.chainId),
    ],
    segments: [
      ...rows.segments.flatMap((r) => (r.parentId === undefined ? [r.id] : [r.id, r.parentId])),
      ...rows.feeds.flatMap((r) => [r.from, r.to]),
      ...rows.inSegment.map((r) => r.segmentId),
    ],
    leaders: [...rows.leaders.map((r) => r.id), ...rows.leads.map((r) => r.leaderId)],
  };
  const stored = {} as Record<NodeKind, Map<string, Record<string, unknown>>>;
  for (const kind of Object.keys(refs) as NodeKind[]) stored[kind] = await existingNodes(tx, kind, refs[kind]);
  const held = new Map<string, { from: string; share?: number }[]>();
  for (const part of chunks([...new Set(rows.controls.map((r) => r.to))])) {
    for (const h of await tx.run<{ to: string; from: string; share: number | null }>('queries/existing-holdings', {
      ids: part,
    })) {
      const list = held.get(h.to) ?? [];
      list.push(h.share === null ? { from: h.from } : { from: h.from, share: h.share });
      held.set(h.to, list);
    }
  }
  // names of the import's enterprises, and of references to enterprises that are no id: hints and warnings
  const names = [
    ...new Set([
      ...rows.enterprises.map((r) => r.name),
      ...refs.enterprises.filter((id) => !stored.enterprises.has(id)),
    ]),
  ];
  const named = new Map<string, NamedEnterprise[]>();
  for (const part of chunks(names))
    for (const r of await tx.run<NamedEnterprise & { text: string }>('queries/enterprises-named', { names: part })) {
      const list = named.get(r.text) ?? [];
      list.push({ id: r.id, name: r.name, shortName: r.shortName });
      named.set(r.text, list);
    }
  const home = await storedHome(tx);
  return {
    has: (kind, id) => stored[kind].has(id),
    holdingsInto: (id) => held.get(id) ?? [],
    home: () => home,
    derivedOf: (id) => {
      const e = stored.enterprises.get(id);
      return e === undefined ? undefined : ((e.derived as string[] | undefined) ?? []);
    },
    named: (text) => named.get(text.trim()) ?? [],
    segment: (id) => {
      const s = stored.segments.get(id);
      return s === undefined
        ? undefined
        : { chainId: s.chainId as string, ...(typeof s.parentId === 'string' ? { parentId: s.parentId } : {}) };
    },
  };
}

/** The home district the store keeps, if any. */
export async function storedHome(tx: Tx): Promise<District | undefined> {
  const d = (await tx.run<{ d: District }>('queries/home', {}))[0]?.d;
  return d && (Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null)) as unknown as District);
}

const RELATIONSHIP: Partial<Record<Kind, { type: RelationshipType; from: string; to: string }>> = {
  controls: { type: 'CONTROLS', from: 'from', to: 'to' },
  supplies: { type: 'SUPPLIES', from: 'from', to: 'to' },
  inSegment: { type: 'IN_SEGMENT', from: 'enterpriseId', to: 'segmentId' },
  anchors: { type: 'ANCHORS', from: 'enterpriseId', to: 'chainId' },
  feeds: { type: 'FEEDS', from: 'from', to: 'to' },
  leads: { type: 'LEADS', from: 'leaderId', to: 'chainId' },
  products: { type: 'MAKES', from: 'enterpriseId', to: 'product' },
};

/** How many rows of each kind the import would add, update or leave as they are. */
export async function planImport(tx: Tx, rows: Dataset): Promise<{ counts: ApplyCounts }> {
  const counts = {} as ApplyCounts;
  for (const kind of KINDS) {
    const list = rows[kind] as unknown as Record<string, unknown>[];
    const stored = new Map<string, Record<string, unknown>>();
    const rel = RELATIONSHIP[kind];
    if (kind === 'district') {
      const home = await storedHome(tx);
      if (home) stored.set('home', home as unknown as Record<string, unknown>);
    } else if (rel) {
      for (const part of chunks(list)) {
        const keys = part.map((r) => ({
          from: r[rel.from] as string,
          to: r[rel.to] as string,
          product: rel.type === 'SUPPLIES' ? (r.product as string) : null,
        }));
        const found = await tx.run<{ from: string; to: string; product: string | null; r: Record<string, unknown> }>(
          'queries/existing-relationships',
          { kind: rel.type, keys },
        );
        // the row's key (rowKey): from>to, and :product for SUPPLIES (MAKES's to is its product)
        for (const f of found) stored.set(`${f.from}>${f.to}${f.product === null ? '' : `:${f.product}`}`, f.r);
      }
    } else {
      const found = await existingNodes(
        tx,
        kind as NodeKind,
        list.map((r) => r.id as string),
      );
      for (const [id, props] of found) stored.set(id, props);
    }
    const c = { added: 0, updated: 0, unchanged: 0 };
    for (const row of list) {
      const old = stored.get(rowKey(kind, row as never));
      if (old === undefined) c.added++;
      else if (sameProperties(kind, old, row, rel?.from, rel?.to)) c.unchanged++;
      else c.updated++;
    }
    counts[kind] = c;
  }
  return { counts };
}

/** Kinds whose row replaces the stored node whole (the others update the properties they give). */
const REPLACED: ReadonlySet<Kind> = new Set(['chains', 'segments', 'leaders', 'district']);

/** Whether a row would change nothing of what is stored: the embedded store's rule (domain/update.ts). */
function sameProperties(
  kind: Kind,
  stored: Record<string, unknown>,
  row: Record<string, unknown>,
  from?: string,
  to?: string,
): boolean {
  // derived properties are not the row's to compare; attributes are kept as JSON text (withInitials)
  const { role: _role, shortInitials: _s, nameInitials: _n, searchShort: _ss, searchName: _sn, ...props } = stored;
  if (typeof props.attributes === 'string') props.attributes = JSON.parse(props.attributes);
  const given = Object.fromEntries(Object.entries(row).filter(([k]) => k !== from && k !== to));
  // a row that replaces the node changes it when it leaves out a property the node has
  if (REPLACED.has(kind) && Object.keys(props).some((k) => !(k in given))) return false;
  return givesNothingNew(props, given);
}

/** Integer properties, sent as Neo4j integers (a JavaScript number arrives as a float). */
const INTEGERS: Partial<Record<Kind, string[]>> = { segments: ['order'], enterprises: ['employees'] };

const FILE = {
  chains: 'import/chains',
  segments: 'import/segments',
  feeds: 'import/feeds',
  leaders: 'import/leaders',
  leads: 'import/leads',
  enterprises: 'import/enterprises',
  anchors: 'import/anchors',
  inSegment: 'import/in-segment',
  controls: 'import/controls',
  supplies: 'import/supplies',
  products: 'import/products',
  district: 'import/district',
} as const satisfies Record<Kind, CypherFile>;

/** Kinds whose rows update only the properties they give: sent as their key and `props`. */
const UPDATED_BY_PROPS: Partial<Record<Kind, string[]>> = {
  enterprises: ['id'],
  controls: ['from', 'to'],
  supplies: ['from', 'to', 'product'],
  inSegment: ['enterpriseId', 'segmentId'],
  anchors: ['enterpriseId', 'chainId'],
  products: ['enterpriseId', 'product'],
};

/** Every row, kind by kind (nodes first), in UNWIND batches of the import files. */
export async function writeImport(tx: Tx, rows: Dataset): Promise<void> {
  for (const kind of KINDS) {
    const integers = INTEGERS[kind] ?? [];
    const keys = UPDATED_BY_PROPS[kind];
    for (const part of chunks(rows[kind] as unknown as Record<string, unknown>[])) {
      const typed = (integers.length === 0 ? part : part.map((r) => withIntegers(r, integers))).map((r) =>
        kind === 'enterprises' ? withInitials(r) : r,
      );
      const sent = keys
        ? typed.map((r) => ({
            ...pick(r, keys),
            props: omit(
              r,
              // a supply's product is its property (and part of its key); a MAKES's is its Product node
              kind === 'supplies' ? keys.filter((k) => k !== 'product') : keys,
            ),
          }))
        : typed;
      await tx.run(FILE[kind], { rows: sent });
    }
  }
}

const pick = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
const omit = (row: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

/**
 * An enterprise row with what search reads of its names: their pinyin initials (search-initials.cypher)
 * and their search form (searchForm: every search query).
 */
function withInitials(row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  // a property cannot hold a map: the attributes go as JSON text (reads.ts takes it back)
  if (row.attributes !== undefined) out.attributes = JSON.stringify(row.attributes);
  if (typeof row.shortName === 'string') {
    out.shortInitials = initialsOf(row.shortName);
    out.searchShort = searchForm(row.shortName);
  }
  if (typeof row.name === 'string') {
    out.nameInitials = initialsOf(row.name);
    out.searchName = searchForm(row.name);
  }
  return out;
}

function withIntegers(row: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out = { ...row };
  for (const f of fields) if (typeof out[f] === 'number') out[f] = int(out[f] as number);
  return out;
}
