import { candidateReason } from './candidate-reason';
import {
  type CandidateWeights,
  DEFAULT_WEIGHTS,
  type Measured,
  measure,
  neighbours,
  TERM_KEYS,
  TERM_LABELS,
  type TermKey,
} from './candidate-terms';
import { productProfile, profileFit } from './product-profile';
import { ChainIndexView, type ChainSubgraph } from './subgraph';

export { type CandidateWeights, DEFAULT_WEIGHTS, type TermKey } from './candidate-terms';

/**
 * Candidates (招商线索) for a segment: outside firms that would close its gap, ranked by a score
 * whose every term is normalised to [0, 1], weighted and returned — a term not known is shown as
 * missing and left out of the score, never counted as 0 — with a one-line reason and evidence.
 */
export interface ScoreTerm {
  key: TermKey;
  label: string;
  /** In [0, 1]; null when not known for this firm. */
  value: number | null;
  weight: number;
  /** This term's share of the score (the points of the known terms sum to the score); null when missing. */
  points: number | null;
}

export interface EvidenceStep {
  from: string;
  to: string;
  kind: 'SUPPLIES' | 'IN_SEGMENT';
}

export interface Candidate {
  enterpriseId: string;
  /** 0 to 100: the weighted mean of the known terms, × 100. */
  score: number;
  terms: ScoreTerm[];
  /** One line on why, in Chinese and English. */
  reason: { zh: string; en: string };
  /** Up to three paths, each a list of steps, that show why. */
  evidence: EvidenceStep[][];
}

export interface CandidateOptions {
  /** Weights by term; a term left out keeps its default, a weight of 0 drops the term. */
  weights?: Partial<CandidateWeights>;
  /** More firms to rank besides the segment's own pool (outside firms only are ranked). */
  extra?: Iterable<string>;
}

/**
 * The pool of a segment: outside firms that work in it, make or supply what it makes (its products
 * and its firms' products: product-profile.ts), work in a segment next to it (feeding it, fed by it,
 * or under the same parent), or already supply the members of it or of the segments it feeds.
 */
export function candidatePool(view: ChainIndexView, segmentId: string): string[] {
  const pool = new Set<string>(view.membersOf.get(segmentId) ?? []);
  const profile = productProfile(view, segmentId);
  for (const id of view.enterprise.keys()) if ((profileFit(view, profile, id)?.value ?? 0) > 0) pool.add(id);
  for (const near of neighbours(view, segmentId).keys()) for (const id of view.membersOf.get(near) ?? []) pool.add(id);
  const fed = view.graph.chain.feeds.filter((f) => f.from === segmentId).map((f) => f.to);
  for (const seg of [segmentId, ...fed])
    for (const member of view.membersOf.get(seg) ?? [])
      for (const s of view.suppliesInto.get(member) ?? []) pool.add(s.from);
  return [...pool].filter((id) => view.enterprise.has(id) && !view.isLocal(id));
}

/** The candidates of one segment of a chain, best first. */
export function candidatesFor(graph: ChainSubgraph, segmentId: string, options: CandidateOptions = {}): Candidate[] {
  return rankCandidates(new ChainIndexView(graph), segmentId, options);
}

/** As candidatesFor, on a view already built (a gap report ranks every segment of one view). */
export function rankCandidates(view: ChainIndexView, segmentId: string, options: CandidateOptions = {}): Candidate[] {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const pool = [
    ...new Set([
      ...candidatePool(view, segmentId),
      ...[...(options.extra ?? [])].filter((id) => view.enterprise.has(id) && !view.isLocal(id)),
    ]),
  ];
  const measured = measure(view, segmentId, pool);
  const ranked = pool.map((id) => score(view, id, segmentId, measured.get(id) as Measured, weights));
  return ranked.sort(byRank(view, measured)).map(({ candidate }) => candidate);
}

function score(view: ChainIndexView, id: string, segmentId: string, m: Measured, weights: CandidateWeights) {
  const known = TERM_KEYS.filter((k) => m.values[k] !== null && weights[k] > 0);
  const total = known.reduce((sum, k) => sum + weights[k], 0);
  const terms: ScoreTerm[] = TERM_KEYS.map((key) => {
    const value = m.values[key];
    const points = value === null || total === 0 ? null : round((100 * weights[key] * value) / total);
    return { key, label: TERM_LABELS[key], value: value === null ? null : round(value), weight: weights[key], points };
  });
  const sum = terms.reduce((s, t) => s + (t.points ?? 0), 0);
  const candidate: Candidate = {
    enterpriseId: id,
    score: round(sum),
    terms,
    reason: candidateReason(terms, m),
    evidence: evidence(view, id, segmentId),
  };
  return { candidate, known: known.length };
}

/**
 * Best first: score; then the firm known by more terms; then product match, proximity and size;
 * then its name (Chinese collation); the id only between firms of the same name.
 */
function byRank(view: ChainIndexView, measured: Map<string, Measured>) {
  const collator = new Intl.Collator('zh-CN');
  return (a: { candidate: Candidate; known: number }, b: { candidate: Candidate; known: number }): number => {
    const [x, y] = [
      measured.get(a.candidate.enterpriseId) as Measured,
      measured.get(b.candidate.enterpriseId) as Measured,
    ];
    return (
      b.candidate.score - a.candidate.score ||
      b.known - a.known ||
      (y.values.PRODUCT_MATCH ?? -1) - (x.values.PRODUCT_MATCH ?? -1) ||
      (y.values.PROXIMITY ?? 0) - (x.values.PROXIMITY ?? 0) ||
      y.size - x.size ||
      collator.compare(nameOf(view, a.candidate.enterpriseId), nameOf(view, b.candidate.enterpriseId)) ||
      (a.candidate.enterpriseId < b.candidate.enterpriseId ? -1 : 1)
    );
  };
}

const nameOf = (view: ChainIndexView, id: string) => view.enterprise.get(id)?.name ?? id;

/** Its membership of the segment, and up to three supply links into the chain (to anchors first). */
function evidence(view: ChainIndexView, id: string, segmentId: string): EvidenceStep[][] {
  const out: EvidenceStep[][] = [];
  if ((view.segmentsOf.get(id) ?? []).includes(segmentId)) out.push([{ from: id, to: segmentId, kind: 'IN_SEGMENT' }]);
  const links = (view.suppliesFrom.get(id) ?? []).filter((s) => view.segmentsOf.has(s.to) && s.to !== id);
  const shown = [...links.filter((l) => view.anchors.has(l.to)), ...links.filter((l) => !view.anchors.has(l.to))];
  for (const link of shown) {
    if (out.length >= 3) break;
    const path: EvidenceStep[] = [{ from: id, to: link.to, kind: 'SUPPLIES' }];
    const onward = (view.suppliesFrom.get(link.to) ?? []).find((s) => view.anchors.has(s.to) && s.to !== link.to);
    if (!view.anchors.has(link.to) && onward) path.push({ from: link.to, to: onward.to, kind: 'SUPPLIES' });
    out.push(path);
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;
