import type { Controls, Dataset, Enterprise, Supplies } from '../../domain/model';
import type { ChainSubgraph } from '../../domain/records';
import { givesNothingNew, mergeUpdate } from '../../domain/update';
import { KINDS, type Kind } from '../../interchange/format';
import type { ChainRecord, EnterpriseRecord, EnterpriseSystem, ImportView, NodeKind, Relation, Removal } from '../port';
import { ChainIndex } from './chains';
import { deriveSystems } from './derive';
import { EnterpriseGraph } from './enterprise-graph';
import { StringPool } from './intern';

export { EnterpriseGraph };

/** What applying rows did, per kind. */
type State = 'added' | 'updated' | 'unchanged';
export type ApplyCounts = { [K in Kind]: { [S in State]: number } };

/** The rows known to be new (no stored row has their key). */
export type NewRows = Pick<WeakSet<object>, 'has'>;

/** Every row is new: rows applied to an empty graph from one segment (keys are unique in one). */
export const ALL_NEW: NewRows = { has: () => true };

/**
 * The embedded store's graph in process memory: enterprises and the relationships between
 * them in an EnterpriseGraph (a node's record, and its relationships out and in), the chain side in plain maps, and the derived systems and roles: the state and
 * its writes (MemoryStore adds the reads).
 */
export class MemoryGraph {
  readonly graph = new EnterpriseGraph();
  readonly chainIndex = new ChainIndex();
  private readonly pool = new StringPool();
  protected systemsByRoot = new Map<string, EnterpriseSystem>();
  /** Chain subgraphs as built since the last change: a chain's gap report is asked for again and again. */
  protected readonly subgraphs = new Map<string, ChainSubgraph>();
  /** Names and short names → enterprise ids, for import checks; built on first use after a change. */
  private byName: Map<string, string[]> | undefined;
  /** Product names → the enterprises that make them; built on first use after a change. */
  private makers: Map<string, string[]> | undefined;
  /** Chain records as built since the last change: nearly every request asks for some. */
  protected readonly chainRecords = new Map<string, ChainRecord>();

  constructor(data?: Dataset) {
    if (data) this.apply(data);
  }

  /**
   * What importing rows would do: how many of each kind it would add, update or leave as they
   * are, and the rows that change something (the only ones worth writing).
   */
  plan(data: Dataset): { counts: ApplyCounts; changes: Dataset; added: WeakSet<object> } {
    const counts = {} as ApplyCounts;
    const changes = {} as Record<Kind, unknown[]>;
    const added = new WeakSet<object>();
    for (const kind of KINDS) {
      const c = { added: 0, updated: 0, unchanged: 0 };
      const changed: unknown[] = [];
      for (const row of data[kind] as object[]) {
        const old = this.existing(kind, row);
        const state: State = old === undefined ? 'added' : givesNothingNew(old, row) ? 'unchanged' : 'updated';
        c[state]++;
        if (state === 'added') added.add(row);
        if (state !== 'unchanged') changed.push(row);
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
   * systems again. `added` names rows known to be new (from plan), which need no look-up.
   * The store keeps the row objects themselves, changed: the caller must not use them after.
   */
  apply(data: Dataset, added?: NewRows): void {
    const c = this.chainIndex;
    for (const r of data.chains) c.putChain(r);
    for (const r of data.segments) c.putSegment(r);
    for (const r of data.leaders) c.putLeader(r);
    for (const r of data.feeds) c.putFeeds(r);
    for (const r of data.leads) c.putLeads(r);
    for (const r of data.enterprises) this.putEnterprise(r);
    for (const r of data.anchors) c.putAnchor(this.provenance(r));
    for (const r of data.inSegment) c.putMember(this.provenance(r));
    for (const r of data.products) c.putMakes(this.provenance(r));
    for (const r of data.district) c.putHome(r);
    for (const r of data.controls) this.putRelation(this.relation('CONTROLS', r), added?.has(r) ?? false);
    for (const r of data.supplies) this.putRelation(this.relation('SUPPLIES', r), added?.has(r) ?? false);
    this.systemsByRoot = deriveSystems(this.graph);
    this.forgetDerived();
  }

  /*
   * The rows are kept as they are, changed in place (repeated strings interned, the kind or the
   * role added): a copy made with a spread costs a V8 object in a slower, larger form, which
   * at a million rows is the difference between fitting in memory and not (B11).
   */

  private relation(kind: 'CONTROLS', row: Controls): Relation;
  private relation(kind: 'SUPPLIES', row: Supplies): Relation;
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

  private putEnterprise(e: Enterprise): void {
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
    const stored = this.graph.node(e.id);
    this.graph.setNode(e.id, stored === undefined ? record : mergeUpdate(stored, record));
  }

  private putRelation(r: Relation, isNew: boolean): void {
    const stored = isNew
      ? undefined
      : this.graph.find(r.kind, r.from, r.to, r.kind === 'SUPPLIES' ? r.product : undefined);
    if (stored === undefined) this.graph.add(r);
    else this.graph.replace(stored, mergeUpdate(stored, r));
  }

  /** Applies the rows that change something, in memory only; see EmbeddedStore for the durable kind. */
  async commit(data: Dataset, _note: string, check?: (view: ImportView) => void): Promise<ApplyCounts> {
    check?.(this.view());
    const { counts, changes, added } = this.plan(data);
    if (KINDS.some((k) => changes[k].length > 0)) this.apply(changes, added);
    return counts;
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
    this.systemsByRoot = deriveSystems(this.graph);
    this.forgetDerived();
  }

  /** Drops what was built from the graph as it was: call after every change. */
  protected forgetDerived(): void {
    this.byName = undefined;
    this.makers = undefined;
    this.subgraphs.clear();
    this.chainRecords.clear();
  }

  /** In memory only; see EmbeddedStore for the durable kind. */
  async remove(removals: readonly Removal[], _note: string): Promise<Removal[]> {
    const present = this.present(removals);
    if (present.length > 0) this.applyRemovals(present);
    return present;
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
