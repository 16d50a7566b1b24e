import type { ChainSubgraph } from '../domain/records';
import { candidateReason } from './candidate-reason';
import {
  type CandidateWeights,
  DEFAULT_WEIGHTS,
  type Measured,
  measure,
  type ScoreTerm,
  TERM_KEYS,
  TERM_LABELS,
} from './candidate-terms';
import { firmsFitting, productProfile } from './product-profile';
import { ChainIndexView } from './subgraph';

export { type CandidateWeights, DEFAULT_WEIGHTS, type ScoreTerm, type TermKey } from './candidate-terms';

/**
 * Candidates (招商线索) for a segment: outside firms that would close its gap, ranked by a score
 * whose every term is normalised to [0, 1], weighted and returned — a term not known is shown as
 * missing and left out of the score, never counted as 0 — with a one-line reason and evidence.
 */
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
  /** The most candidates returned (the best); all when absent. */
  limit?: number;
}

/**
 * The pool of a segment: outside firms that work in it, make or supply what it makes (its products
 * and its firms' products: product-profile.ts), work in a segment next to it (feeding it, fed by it,
 * or under the same parent), or already supply the members of it or of the segments it feeds.
 */
export function candidatePool(view: ChainIndexView, segmentId: string): string[] {
  const pool = new Set<string>(view.membersOf.get(segmentId) ?? []);
  const profile = productProfile(view, segmentId);
  for (const id of firmsFitting(view, profile)) pool.add(id);
  const fed = view.graph.chain.feeds.filter((f) => f.from === segmentId).map((f) => f.to);
  for (const seg of [segmentId, ...fed])
    for (const member of view.localIn(seg)) for (const s of view.suppliesInto.get(member) ?? []) pool.add(s.from);
  return [...pool].filter((id) => view.enterprise.has(id) && !view.isLocal(id));
}

/** The candidates of one segment of a chain, best first. */
export function candidatesFor(graph: ChainSubgraph, segmentId: string, options: CandidateOptions = {}): Candidate[] {
  let view = views.get(graph);
  if (!view) {
    view = new ChainIndexView(graph);
    views.set(graph, view);
  }
  return rankCandidates(view, segmentId, options);
}

/** One view per subgraph: ranking its segments one by one builds the look-ups once. */
const views = new WeakMap<ChainSubgraph, ChainIndexView>();

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
  // the order needs only the scores; the terms, reason and evidence are made for the ones returned
  const ranked = pool.map((id) => scored(id, measured.get(id) as Measured, weights));
  ranked.sort(byRank(view));
  return ranked.slice(0, options.limit ?? ranked.length).map((r) => candidate(view, r, segmentId, weights));
}

interface Scored {
  id: string;
  m: Measured;
  score: number;
  /** Terms known (and weighted above 0). */
  known: number;
}

function scored(id: string, m: Measured, weights: CandidateWeights): Scored {
  let total = 0;
  let known = 0;
  for (const k of TERM_KEYS) {
    if (m.values[k] === null || weights[k] === 0) continue;
    total += weights[k];
    known++;
  }
  // the sum of the points as they are shown (each rounded), so that they add up to the score
  let score = 0;
  if (total > 0) for (const k of TERM_KEYS) score += round((100 * weights[k] * (m.values[k] ?? 0)) / total);
  return { id, m, score: round(score), known };
}

function candidate(view: ChainIndexView, r: Scored, segmentId: string, weights: CandidateWeights): Candidate {
  const total = TERM_KEYS.reduce((s, k) => s + (r.m.values[k] === null ? 0 : weights[k]), 0);
  const terms: ScoreTerm[] = TERM_KEYS.map((key) => {
    const value = r.m.values[key];
    const points = value === null || total === 0 ? null : round((100 * weights[key] * value) / total);
    return { key, label: TERM_LABELS[key], value: value === null ? null : round(value), weight: weights[key], points };
  });
  return {
    enterpriseId: r.id,
    score: r.score,
    terms,
    reason: candidateReason(terms, r.m),
    evidence: evidence(view, r.id, segmentId),
  };
}

/**
 * Best first: score; then the firm known by more terms; then product match, proximity and size;
 * then its name (Chinese collation); the id only between firms of the same name.
 */
function byRank(view: ChainIndexView) {
  const collator = new Intl.Collator('zh-CN');
  return (a: Scored, b: Scored): number =>
    b.score - a.score ||
    b.known - a.known ||
    (b.m.values.PRODUCT_MATCH ?? -1) - (a.m.values.PRODUCT_MATCH ?? -1) ||
    (b.m.values.PROXIMITY ?? 0) - (a.m.values.PROXIMITY ?? 0) ||
    b.m.size - a.m.size ||
    collator.compare(nameOf(view, a.id), nameOf(view, b.id)) ||
    (a.id < b.id ? -1 : 1);
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
