import type { Supplies } from '../domain/model';
import type { ChainIndexView } from './subgraph';

/**
 * Candidates (招商线索) for a gap: outside enterprises that would close it, ranked by a score
 * whose every term is returned, each with up to three evidence paths in the graph.
 */
export interface ScoreTerm {
  key: 'WORKS_IN_SEGMENT' | 'LINKS_INTO_CHAIN' | 'ANCHORS_SERVED' | 'SIZE';
  label: string;
  /** The measured value (a count, or log10 of revenue in 10k CNY). */
  value: number;
  weight: number;
  points: number;
}

export interface EvidenceStep {
  from: string;
  to: string;
  kind: 'SUPPLIES' | 'IN_SEGMENT';
}

export interface Candidate {
  enterpriseId: string;
  score: number;
  terms: ScoreTerm[];
  /** Up to three paths, each a list of steps, that show why. */
  evidence: EvidenceStep[][];
}

export const CANDIDATE_WEIGHTS = { WORKS_IN_SEGMENT: 4, LINKS_INTO_CHAIN: 3, ANCHORS_SERVED: 5, SIZE: 1 } as const;

const LABELS: Record<ScoreTerm['key'], string> = {
  WORKS_IN_SEGMENT: '从事该环节',
  LINKS_INTO_CHAIN: '已向链上本地企业供货（条）',
  ANCHORS_SERVED: '服务链主数',
  SIZE: '规模（营收万元取对数）',
};

/** What each supplier already sells to the chain's local members: computed once per report. */
export type ChainCustomers = Map<string, { links: Supplies[]; anchors: Set<string> }>;

export function chainCustomers(view: ChainIndexView, into: readonly Supplies[]): ChainCustomers {
  const out: ChainCustomers = new Map();
  for (const s of into) {
    let entry = out.get(s.from);
    if (!entry) {
      entry = { links: [], anchors: new Set() };
      out.set(s.from, entry);
    }
    entry.links.push(s);
    if (view.anchors.has(s.to)) entry.anchors.add(s.to);
  }
  return out;
}

/**
 * Ranks `pool` (outside enterprises) as candidates for a segment of the chain. Ties go to the
 * enterprise id, so the same data always gives the same list.
 */
export function rankCandidates(
  view: ChainIndexView,
  customers: ChainCustomers,
  segmentId: string,
  pool: Iterable<string>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const id of new Set(pool)) {
    const e = view.enterprise.get(id);
    if (!e || e.local) continue;
    const worksIn = (view.segmentsOf.get(id) ?? []).includes(segmentId) ? 1 : 0;
    const links = customers.get(id)?.links ?? [];
    const anchors = customers.get(id)?.anchors ?? new Set<string>();
    const size = Math.log10((e.revenue ?? 0) + 1);
    const terms: ScoreTerm[] = [
      term('WORKS_IN_SEGMENT', worksIn),
      term('LINKS_INTO_CHAIN', links.length),
      term('ANCHORS_SERVED', anchors.size),
      term('SIZE', Math.round(size * 100) / 100),
    ];
    const evidence: EvidenceStep[][] = [];
    if (worksIn) evidence.push([{ from: id, to: segmentId, kind: 'IN_SEGMENT' }]);
    // up to three links as evidence: to anchors first, then to other members, by id
    const shown = [...links.filter((l) => anchors.has(l.to)).slice(0, 3)];
    if (shown.length < 3) shown.push(...links.filter((l) => !anchors.has(l.to)).slice(0, 3 - shown.length));
    for (const link of shown) {
      if (evidence.length >= 3) break;
      const path: EvidenceStep[] = [{ from: id, to: link.to, kind: 'SUPPLIES' }];
      const onward = (view.suppliesFrom.get(link.to) ?? []).find((s) => view.anchors.has(s.to) && s.to !== link.to);
      if (!anchors.has(link.to) && onward) path.push({ from: link.to, to: onward.to, kind: 'SUPPLIES' });
      evidence.push(path);
    }
    out.push({ enterpriseId: id, score: round(terms.reduce((sum, t) => sum + t.points, 0)), terms, evidence });
  }
  return out.sort((a, b) => b.score - a.score || a.enterpriseId.localeCompare(b.enterpriseId));
}

function term(key: ScoreTerm['key'], value: number): ScoreTerm {
  const weight = CANDIDATE_WEIGHTS[key];
  return { key, label: LABELS[key], value, weight, points: round(value * weight) };
}

const round = (n: number) => Math.round(n * 100) / 100;
