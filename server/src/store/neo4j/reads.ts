import type { EnterpriseRelationKind, Feeds, Leader, Segment } from '../../domain/model';
import { controlledBy, type Holding } from '../../domain/systems';
import type { ChainRecord, EnterpriseRecord, EnterpriseSystem, Relation } from '../port';
import type { Tx } from './gateway';
import { groupBy } from './holdings';

/** Look-ups the Neo4j store's methods share, each a file of cypher/queries/. */

/** A root's system: its members by multiplied share, and the affiliates their supply links reach. */
export async function systemOf(tx: Tx, all: Holding[], rootId: string, threshold: number): Promise<EnterpriseSystem> {
  const byHolder = groupBy(all, (h) => h.from);
  const controlled = controlledBy(rootId, (id) => byHolder.get(id) ?? [], threshold);
  const memberIds = controlled.map((c) => c.id);
  const records = await enterprisesById(tx, memberIds);
  const partners = await tx.run<{ id: string; partners: string[] }>('queries/supply-partners', {
    ids: memberIds,
  });
  const members = new Set(memberIds);
  const affiliates = new Set(partners.flatMap((p) => p.partners).filter((id) => !members.has(id)));
  return {
    rootId,
    members: controlled.map((c) => ({
      enterprise: records.get(c.id) as EnterpriseRecord,
      effectiveShare: c.effectiveShare,
      level: c.level,
    })),
    affiliateIds: [...affiliates].sort(),
  };
}

export interface RelationRow {
  kind: EnterpriseRelationKind;
  from: string;
  to: string;
  r: Record<string, unknown>;
}

export const toRelation = (row: RelationRow): Relation =>
  ({ ...row.r, kind: row.kind, from: row.from, to: row.to }) as Relation;

/** Relationship kinds as values for `type(r) IN $kinds`, only from the allow-list. */
export function allowedKinds(kinds: readonly string[]): EnterpriseRelationKind[] {
  return kinds.filter((k): k is EnterpriseRelationKind => k === 'CONTROLS' || k === 'SUPPLIES');
}

/** An enterprise as the port gives it: without the pinyin initials and search forms kept for search. */
export function withoutInitials(e: EnterpriseRecord): EnterpriseRecord {
  const {
    shortInitials: _s,
    nameInitials: _n,
    searchShort: _ss,
    searchName: _sn,
    ...rest
  } = e as EnterpriseRecord & {
    shortInitials?: unknown;
    nameInitials?: unknown;
    searchShort?: unknown;
    searchName?: unknown;
  };
  if (typeof rest.attributes === 'string') rest.attributes = JSON.parse(rest.attributes) as Record<string, string>;
  return rest;
}

export async function enterprisesById(tx: Tx, ids: readonly string[]): Promise<Map<string, EnterpriseRecord>> {
  const rows = await tx.run<{ e: EnterpriseRecord }>('queries/get-enterprises', { ids });
  return new Map(rows.map((r) => [r.e.id, withoutInitials(r.e)]));
}

export async function chainRecords(tx: Tx, ids: string[] | null): Promise<ChainRecord[]> {
  const rows = await tx.run<{
    chain: ChainRecord;
    segments: Segment[];
    feeds: Feeds[];
    leaders: Leader[];
    anchorIds: string[];
  }>('queries/chains', { ids });
  return rows.map((r) => ({
    ...r.chain,
    segments: r.segments,
    feeds: r.feeds,
    leaders: r.leaders,
    anchorIds: r.anchorIds,
  }));
}
