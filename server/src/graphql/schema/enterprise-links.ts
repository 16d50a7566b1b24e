import type { EnterpriseRecord, Relation } from '../../store/port';
import { builder, connectionCost } from '../builder';
import { type Loaders, loadEnterprises } from '../context';
import { intInRange } from '../errors';
import { arrayConnection, type PageArgs } from '../pagination';
import { EnterpriseRef, ProvenanceRef, RelationRef } from './refs';
import { roundShare } from './values';

/**
 * An enterprise's direct links, as connections whose edges carry the relationship: its suppliers
 * and customers (SUPPLIES), its parents and subsidiaries (CONTROLS, subsidiaries to a depth).
 */

interface LinkEdge {
  cursor: string;
  node: EnterpriseRecord;
  relation: Relation;
  /** Subsidiaries: levels below the enterprise asked about, and the parent on the way. */
  level?: number;
  effectiveShare?: number | null;
}

const relationOf = (e: { cursor: string; node: EnterpriseRecord }) => (e as LinkEdge).relation;

/**
 * A page of relations as edges to the enterprises at their `end`; with `local` given, only those
 * whose enterprise is inside (true) or outside (false) the district.
 */
async function linkPage(
  loaders: Loaders,
  args: PageArgs & { local?: boolean | null | undefined },
  relations: readonly Relation[],
  end: 'from' | 'to',
  extra: (r: Relation) => Partial<LinkEdge> = () => ({}),
) {
  let kept = relations;
  const byId = new Map<string, EnterpriseRecord>();
  if (args.local != null) {
    for (const e of await loadEnterprises(
      loaders,
      relations.map((r) => r[end]),
    ))
      byId.set(e.id, e);
    kept = relations.filter((r) => byId.get(r[end])?.local === args.local);
  }
  const page = arrayConnection(args, kept);
  const missing = page.edges.map((e) => e.node[end]).filter((id) => !byId.has(id));
  for (const e of await loadEnterprises(loaders, missing)) byId.set(e.id, e);
  return {
    ...page,
    edges: page.edges.flatMap((e) => {
      const node = byId.get(e.node[end]);
      return node ? [{ cursor: e.cursor, node, relation: e.node, ...extra(e.node) }] : [];
    }),
  };
}

const SupplyConnection = builder.connectionObject(
  { type: EnterpriseRef, name: 'SupplyConnection' },
  {
    name: 'SupplyEdge',
    description: 'A supply link: the enterprise at its other end, with what is supplied.',
    fields: (t) => ({
      product: t.string({ resolve: (e) => (relationOf(e) as Relation & { product: string }).product }),
      annualValue: t.float({
        nullable: true,
        description: '10k CNY (万元) a year.',
        resolve: (e) => {
          const r = relationOf(e);
          return r.kind === 'SUPPLIES' ? (r.annualValue ?? null) : null;
        },
      }),
      provenance: t.field({ type: ProvenanceRef, resolve: relationOf }),
      relation: t.field({ type: RelationRef, resolve: relationOf }),
    }),
  },
);

const OwnershipConnection = builder.connectionObject(
  { type: EnterpriseRef, name: 'OwnershipConnection' },
  {
    name: 'OwnershipEdge',
    description: 'A holding: the enterprise at its other end, the share, and (for subsidiaries) how deep.',
    fields: (t) => ({
      share: t.float({
        nullable: true,
        description: 'The share the parent holds, from 0 to 1; null when the source does not say.',
        resolve: (e) => (relationOf(e) as Relation & { share?: number }).share ?? null,
      }),
      level: t.int({
        description: 'Subsidiaries: levels below the enterprise asked about (1: held directly); parents: 1.',
        resolve: (e) => (e as LinkEdge).level ?? 1,
      }),
      effectiveShare: t.float({
        nullable: true,
        description:
          'Subsidiaries: the best product of shares along the shortest chains of holdings down to it; parents: the share. Null when a share on the way is unknown.',
        resolve: (e) => {
          const link = e as LinkEdge;
          const share =
            link.effectiveShare !== undefined
              ? link.effectiveShare
              : (relationOf(e) as Relation & { share?: number }).share;
          return share === null || share === undefined ? null : roundShare(share);
        },
      }),
      provenance: t.field({ type: ProvenanceRef, resolve: relationOf }),
      relation: t.field({ type: RelationRef, resolve: relationOf }),
    }),
  },
);

export const MAX_SUBSIDIARY_DEPTH = 10;

/** Subsidiaries down to `depth` levels, breadth-first: one batched look-up per level. */
async function subsidiaries(loaders: Loaders, rootId: string, depth: number) {
  // an unknown share along the way makes the product unknown (null), never a guess
  const found: { relation: Relation; level: number; effectiveShare: number | null }[] = [];
  const best = new Map<string, number | null>([[rootId, 1]]);
  let frontier = [rootId];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const lists = await loaders.holdings.loadMany(frontier);
    const next = new Map<string, { relation: Relation; share: number | null }>();
    frontier.forEach((parent, i) => {
      const list = lists[i];
      if (!Array.isArray(list)) return;
      for (const r of list) {
        if (best.has(r.to) || r.kind !== 'CONTROLS') continue;
        const above = best.get(parent);
        const share = above === null || above === undefined || r.share === undefined ? null : above * r.share;
        const seen = next.get(r.to);
        if (!seen || (share ?? -1) > (seen.share ?? -1)) next.set(r.to, { relation: r, share });
      }
    });
    for (const [id, { relation, share }] of next) {
      best.set(id, share);
      found.push({ relation, level, effectiveShare: share });
    }
    frontier = [...next.keys()];
  }
  return found;
}

type FieldBuilder = Parameters<Parameters<typeof builder.objectFields<typeof EnterpriseRef>>[1]>[0];
const localArg = (t: FieldBuilder) =>
  t.arg.boolean({ description: 'true: only enterprises inside the district; false: only those outside.' });

builder.objectFields(EnterpriseRef, (t) => ({
  suppliers: t.field({
    type: SupplyConnection,
    args: { ...t.arg.connectionArgs(), local: localArg(t) },
    complexity: connectionCost,
    description: 'Enterprises that supply this one (SUPPLIES into it).',
    resolve: async (e, args, { loaders }) => linkPage(loaders, args, await loaders.suppliers.load(e.id), 'from'),
  }),
  customers: t.field({
    type: SupplyConnection,
    args: { ...t.arg.connectionArgs(), local: localArg(t) },
    complexity: connectionCost,
    description: 'Enterprises this one supplies (SUPPLIES out of it).',
    resolve: async (e, args, { loaders }) => linkPage(loaders, args, await loaders.customers.load(e.id), 'to'),
  }),
  parents: t.field({
    type: OwnershipConnection,
    args: { ...t.arg.connectionArgs(), local: localArg(t) },
    complexity: connectionCost,
    description: 'Enterprises holding shares in this one (CONTROLS into it), with their shares.',
    resolve: async (e, args, { loaders }) => linkPage(loaders, args, await loaders.owners.load(e.id), 'from'),
  }),
  subsidiaries: t.field({
    type: OwnershipConnection,
    complexity: connectionCost,
    description: `Enterprises this one holds shares in, directly or through others, down to \`depth\` levels (1 to ${MAX_SUBSIDIARY_DEPTH}), nearest first.`,
    args: { ...t.arg.connectionArgs(), depth: t.arg.int({ defaultValue: 1 }), local: localArg(t) },
    resolve: async (e, args, { loaders }) => {
      const depth = intInRange('depth', args.depth ?? 1, 1, MAX_SUBSIDIARY_DEPTH);
      const found = await subsidiaries(loaders, e.id, depth);
      const meta = new Map(found.map((f) => [f.relation, f]));
      return linkPage(
        loaders,
        args,
        found.map((f) => f.relation),
        'to',
        (r) => {
          const f = meta.get(r);
          return f ? { level: f.level, effectiveShare: f.effectiveShare } : {};
        },
      );
    },
  }),
}));
