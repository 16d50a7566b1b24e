import type { Controls, Dataset, Enterprise, Supplies } from '../../domain/model';
import type { ChainSubgraph } from '../../domain/records';
import { givesNothingNew, mergeUpdate } from '../../domain/update';
import { KINDS, type Kind } from '../../interchange/format';
import type {
  ApplyCounts,
  ChainRecord,
  EnterpriseRecord,
  EnterpriseSystem,
  ImportView,
  NodeKind,
  Relation,
  Removal,
} from '../port';
import { ChainIndex } from './chains';
import { deriveSystems, type KeptSystems, keptSystems } from './derive';
import { EnterpriseGraph, type Entry } from './enterprise-graph';
import { StringPool } from './intern';

/**
 * The relationships known to be new (no stored row has their key), which need no look-up:
 * for each of controls and supplies, a flag per row of the rows applied, in their order (1: new),
 * as plan() gives them; or ALL_NEW. A WeakSet of the rows did this before: with the 2.9 million
 * relationships of L in it, planning and applying them took 150 s (B13), most of it the garbage
 * collector working through the WeakSet.
 */
export type NewRows = typeof ALL_NEW | { controls: Uint8Array; supplies: Uint8Array };

/** Every row is new: rows applied to an empty graph from one segment (keys are unique in one). */
export const ALL_NEW = 'all';

/** The order apply() puts rows in: enterprises before the relationships between them. */
const APPLY_ORDER: readonly Kind[] = [
  'chains',
  'segments',
  'leaders',
  'feeds',
  'leads',
  'enterprises',
  'anchors',
  'inSegment',
  'products',
  'district',
  'controls',
  'supplies',
];

/**
 * The graph in process memory that the memory store and the embedded store each hold:
 * enterprises and the relationships between them in an EnterpriseGraph (a node's record, and
 * its relationships out and in), the chain side in plain maps (ChainIndex), and the derived
 * systems and roles. The state and its writes; GraphReads answers the port's reads from it.
 */
export class MemoryGraph {
  readonly graph = new EnterpriseGraph();
  readonly chainIndex = new ChainIndex();
  private readonly pool = new StringPool();
  private systemsByRoot = new Map<string, EnterpriseSystem>();
  /** Chain subgraphs as built since the last change: a chain's gap report is asked for again and again. */
  readonly subgraphs = new Map<string, ChainSubgraph>();
  /** Names and short names → enterprise ids, for import checks; built on first use after a change. */
  private byName: Map<string, string[]> | undefined;
  /** Product names → the enterprises that make them; built on first use after a change. */
  private makers: Map<string, string[]> | undefined;
  /** Chain records as built since the last change: nearly every request asks for some. */
  readonly chainRecords = new Map<string, ChainRecord>();

  constructor(data?: Dataset) {
    if (data) this.apply(data);
  }

  /** Every root's system, by root id, as derived after the last change. */
  get systems(): ReadonlyMap<string, EnterpriseSystem> {
    return this.systemsByRoot;
  }

  /**
   * The one way rows go in: checks them against the graph as it is (`check`, which throws to
   * refuse them), works out which change something, and when some do, hands those to `keep`
   * (which writes them durably; nothing for a graph in memory only) before applying them.
   * Returns what the rows would add, update or leave as they are, and the rows applied (none
   * when nothing changes).
   */
  async change(
    data: Dataset,
    check?: (view: ImportView) => void,
    keep?: (changes: Dataset) => Promise<void>,
  ): Promise<{ counts: ApplyCounts; applied: Dataset | undefined }> {
    check?.(this.view());
    const { counts, changes, added } = this.plan(data);
    if (KINDS.every((k) => changes[k].length === 0)) return { counts, applied: undefined };
    await keep?.(changes);
    this.apply(changes, added);
    return { counts, applied: changes };
  }

  /**
   * The one way relationships come out: those of `removals` that are there are handed to
   * `keep` (as change() does), then taken out. Returns them.
   */
  async takeOut(removals: readonly Removal[], keep?: (present: Removal[]) => Promise<void>): Promise<Removal[]> {
    const present = this.present(removals);
    if (present.length === 0) return [];
    await keep?.(present);
    this.applyRemovals(present);
    return present;
  }

  /**
   * What importing rows would do: how many of each kind it would add, update or leave as they
   * are, and the rows that change something (the only ones worth writing).
   */
  plan(data: Dataset): { counts: ApplyCounts; changes: Dataset; added: NewRows } {
    const counts = {} as ApplyCounts;
    const changes = {} as Record<Kind, unknown[]>;
    const added = { controls: new Uint8Array(data.controls.length), supplies: new Uint8Array(data.supplies.length) };
    for (const kind of KINDS) {
      const c = { added: 0, updated: 0, unchanged: 0 };
      const changed: unknown[] = [];
      const flags = kind === 'controls' || kind === 'supplies' ? added[kind] : undefined;
      for (const row of data[kind] as object[]) {
        const old = this.existing(kind, row);
        const state: keyof ApplyCounts[Kind] =
          old === undefined ? 'added' : givesNothingNew(old, row) ? 'unchanged' : 'updated';
        c[state]++;
        if (state === 'unchanged') continue;
        if (flags && state === 'added') flags[changed.length] = 1;
        changed.push(row);
      }
      counts[kind] = c;
      changes[kind] = changed;
    }
    return { counts, changes: changes as unknown as Dataset, added };
  }

  /** The stored row with the key of `row`, as it was imported; undefined when there is none. */
  private existing(kind: Kind, row: object): object | undefined {
    const c = this.chainIndex;
    const r = row as Record<string, string>;
    switch (kind) {
      case 'chains':
      case 'segments':
      case 'leaders':
        return c[kind].get(r.id as string);
      case 'feeds':
        return c.feeds.get(r.from as string)?.has(r.to as string) ? row : undefined;
      case 'leads':
        return c.leads.get(r.chainId as string)?.has(r.leaderId as string) ? row : undefined;
      case 'anchors':
        return c.anchors.get(r.chainId as string)?.get(r.enterpriseId as string);
      case 'products':
        return c.makes.get(r.enterpriseId as string)?.get(r.product as string);
      case 'district':
        return c.home;
      case 'inSegment':
        return c.members.get(r.segmentId as string)?.get(r.enterpriseId as string);
      case 'enterprises': {
        const record = this.graph.node(r.id as string);
        if (record === undefined) return undefined;
        const { role: _role, ...stored } = record;
        return stored;
      }
      case 'controls':
      case 'supplies': {
        const relation = this.graph.find(
          kind === 'controls' ? 'CONTROLS' : 'SUPPLIES',
          r.from as string,
          r.to as string,
          r.product,
        );
        if (relation === undefined) return undefined;
        const { kind: _kind, ...stored } = relation;
        return stored;
      }
    }
  }

  /**
   * Adds or updates every row (a row with the key of an existing one replaces it), then derives
   * systems again. `added` names relationships known to be new (from plan, for the rows it gave
   * as changes), which need no look-up.
   * The store keeps the row objects themselves, changed: the caller must not use them after.
   */
  apply(data: Dataset, added?: NewRows): void {
    // into an empty graph, every relationship known to be new: built in one go (see bulk())
    if (added !== undefined && this.graph.order === 0 && data.enterprises.length > 0) this.bulk();
    for (const kind of APPLY_ORDER) this.put(kind, data[kind] as readonly object[], added);
    this.derive();
  }

  /**
   * Adds or updates rows of one kind, deriving nothing: apply() without its last step, for a
   * graph built a batch at a time (the embedded store streams a big segment as it opens). Enterprises must
   * come before the relationships between them; call derive() once every row is in.
   *
   * With `nodes`, the enterprises put are pushed on it in order, and an enterprise named by a
   * number (a relationship's end, a membership's, an anchor's or a product's enterprise, in rows
   * of a segment that names them by position, see DataDir) is the node at that place in it: no
   * look-up by id. Such rows must be new.
   */
  put(kind: Kind, rows: readonly object[], added?: NewRows, nodes?: Entry[]): void {
    const c = this.chainIndex;
    switch (kind) {
      case 'chains':
        for (const r of rows as Dataset['chains']) c.putChain(r);
        return;
      case 'segments':
        for (const r of rows as Dataset['segments']) c.putSegment(r);
        return;
      case 'leaders':
        for (const r of rows as Dataset['leaders']) c.putLeader(r);
        return;
      case 'feeds':
        for (const r of rows as Dataset['feeds']) c.putFeeds(r);
        return;
      case 'leads':
        for (const r of rows as Dataset['leads']) c.putLeads(r);
        return;
      case 'enterprises':
        if (nodes) for (const r of rows as Dataset['enterprises']) nodes.push(this.putEnterprise(r));
        else for (const r of rows as Dataset['enterprises']) this.putEnterprise(r);
        return;
      case 'anchors':
        for (const r of rows as Dataset['anchors']) c.putAnchor(this.provenance(ownedBy(r, nodes)));
        return;
      case 'inSegment':
        for (const r of rows as Dataset['inSegment']) c.putMember(this.provenance(ownedBy(r, nodes)));
        return;
      case 'products':
        for (const r of rows as Dataset['products']) c.putMakes(this.provenance(ownedBy(r, nodes)));
        return;
      case 'district':
        for (const r of rows as Dataset['district']) c.putHome(r);
        return;
      case 'controls':
      case 'supplies': {
        const k = kind === 'controls' ? 'CONTROLS' : 'SUPPLIES';
        const flags = added === undefined || added === ALL_NEW ? undefined : added[kind];
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i] as Controls | Supplies;
          const r = this.relation(k, row);
          const from = r.from as string | number;
          const to = r.to as string | number;
          if (nodes && (typeof from === 'number' || typeof to === 'number')) {
            const source = typeof from === 'number' ? nodes[from] : this.graph.entryOf(from);
            const target = typeof to === 'number' ? nodes[to] : this.graph.entryOf(to);
            if (!source || !target) throw new Error(`a relationship's end is not there: ${JSON.stringify(row)}`);
            this.graph.addAt(source, target, r);
          } else this.putRelation(r, added === ALL_NEW || flags?.[i] === 1);
        }
        return;
      }
    }
  }

  /**
   * Starts building an empty graph in one go (EnterpriseGraph.bulk), from a segment being opened
   * or from rows applied with every relationship known to be new: put() them, then derive(),
   * before anything reads the graph.
   */
  bulk(): void {
    this.graph.bulk();
  }

  /**
   * Derives systems and roles again and drops what was built from the graph before: after put().
   * With `kept` (only for a graph just built, see bulk()), the systems derived before for a
   * graph the same as this one (kept with the segment it was read from), which are used instead.
   */
  derive(kept?: KeptSystems): void {
    this.graph.seal();
    this.systemsByRoot = kept ? keptSystems(kept) : deriveSystems(this.graph);
    this.forgetDerived();
  }

  /*
   * The rows are kept as they are, changed in place (repeated strings interned, the kind or the
   * role added): a copy made with a spread costs a V8 object in a slower, larger form, which
   * at a million rows is the difference between fitting in memory and not (B11).
   */

  private relation(kind: Relation['kind'], row: Controls | Supplies): Relation {
    const r = this.provenance(row) as Relation & { product?: string };
    r.kind = kind;
    if (r.product !== undefined) r.product = this.pool.get(r.product);
    return r;
  }

  private provenance<T extends { source: string; verifiedAt?: string }>(row: T): T {
    row.source = this.pool.get(row.source);
    if (row.verifiedAt !== undefined) row.verifiedAt = this.pool.get(row.verifiedAt);
    return row;
  }

  private putEnterprise(e: Enterprise): Entry {
    const p = this.pool;
    const record = e as EnterpriseRecord;
    if (e.district !== undefined) record.district = p.get(e.district);
    if (e.status !== undefined) record.status = p.get(e.status);
    if (e.city !== undefined) record.city = p.get(e.city);
    if (e.province !== undefined) record.province = p.get(e.province);
    if (e.industry !== undefined) record.industry = p.get(e.industry);
    if (e.companyType !== undefined) record.companyType = p.get(e.companyType);
    if (e.park !== undefined) record.park = p.get(e.park);
    if (e.foundedOn !== undefined) record.foundedOn = p.get(e.foundedOn);
    record.tags = p.tags(e.tags);
    record.role = 'OTHER';
    return this.graph.setNode(e.id, record, mergeUpdate);
  }

  private putRelation(r: Relation, isNew: boolean): void {
    const stored = isNew
      ? undefined
      : this.graph.find(r.kind, r.from, r.to, r.kind === 'SUPPLIES' ? r.product : undefined);
    if (stored === undefined) this.graph.add(r);
    else this.graph.replace(stored, mergeUpdate(stored, r));
  }

  /** The removals whose relationship is there. */
  present(removals: readonly Removal[]): Removal[] {
    return removals.filter((r) => this.isThere(r));
  }

  private isThere(r: Removal): boolean {
    const c = this.chainIndex;
    switch (r.kind) {
      case 'controls':
        return this.graph.find('CONTROLS', r.from, r.to, undefined) !== undefined;
      case 'supplies':
        return this.graph.find('SUPPLIES', r.from, r.to, r.product) !== undefined;
      case 'inSegment':
        return c.members.get(r.segmentId)?.has(r.enterpriseId) ?? false;
      case 'anchors':
        return c.anchors.get(r.chainId)?.has(r.enterpriseId) ?? false;
    }
  }

  /** Takes the relationships out (those that are not there are left alone), then derives systems again. */
  applyRemovals(removals: readonly Removal[]): void {
    for (const r of removals) {
      if (r.kind === 'inSegment') this.chainIndex.removeMember(r.enterpriseId, r.segmentId);
      else if (r.kind === 'anchors') this.chainIndex.removeAnchor(r.enterpriseId, r.chainId);
      else {
        const relation = this.graph.find(
          r.kind === 'controls' ? 'CONTROLS' : 'SUPPLIES',
          r.from,
          r.to,
          r.kind === 'supplies' ? r.product : undefined,
        );
        if (relation !== undefined) this.graph.drop(relation);
      }
    }
    this.derive();
  }

  /** Drops what was built from the graph as it was: after every change (and for the benchmarks' cold builds). */
  forgetDerived(): void {
    this.byName = undefined;
    this.makers = undefined;
    this.subgraphs.clear();
    this.chainRecords.clear();
  }

  /** What an import's checks need to know of this store. */
  view(): ImportView {
    return {
      has: (kind: NodeKind, id: string) =>
        kind === 'enterprises' ? this.graph.hasNode(id) : this.chainIndex.has(kind, id),
      holdingsInto: (companyId: string) => this.graph.in(companyId).flatMap((r) => (r.kind === 'CONTROLS' ? [r] : [])),
      home: () => this.chainIndex.home,
      derivedOf: (id: string) => {
        const e = this.graph.node(id);
        return e === undefined ? undefined : (e.derived ?? []);
      },
      named: (text: string) => this.named(text),
      segment: (id: string) => this.chainIndex.segments.get(id),
    };
  }

  /** The enterprises that make a product, by its exact name (built on first use after a change). */
  makersOf(product: string): readonly string[] {
    if (!this.makers) {
      const index = new Map<string, string[]>();
      for (const [id, made] of this.chainIndex.makes)
        for (const name of made.keys()) {
          const list = index.get(name);
          if (list) list.push(id);
          else index.set(name, [id]);
        }
      this.makers = index;
    }
    return this.makers.get(product) ?? [];
  }

  /** Enterprises whose name or short name is `text`, exactly (built on first use after a change). */
  named(text: string): { id: string; name: string; shortName: string }[] {
    if (!this.byName) {
      const index = new Map<string, string[]>();
      this.graph.forEachNode((id, e) => {
        for (const n of new Set([e.name, e.shortName])) {
          const list = index.get(n);
          if (list) list.push(id);
          else index.set(n, [id]);
        }
      });
      this.byName = index;
    }
    return (this.byName.get(text.trim()) ?? []).map((id) => {
      const e = this.graph.record(id);
      return { id, name: e.name, shortName: e.shortName };
    });
  }

  /** How many enterprises and relationships between them the store holds. */
  size(): { enterprises: number; relationships: number } {
    return { enterprises: this.graph.order, relationships: this.graph.size };
  }
}

/**
 * A row whose `enterpriseId` is a place among `nodes` (see put), with that enterprise's own id
 * string there instead (one copy of the id, whose hash is known). Throws when there is no such node.
 */
function ownedBy<T extends { enterpriseId: string }>(row: T, nodes: readonly Entry[] | undefined): T {
  const place = row.enterpriseId as string | number;
  if (typeof place !== 'number') return row;
  const node = nodes?.[place];
  if (!node) throw new Error(`an enterprise named by place is not there: ${JSON.stringify(row)}`);
  row.enterpriseId = node.id;
  return row;
}
