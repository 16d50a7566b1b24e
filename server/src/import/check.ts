import type { Dataset } from '../domain/model';
import type { Batch } from './batch';
import { KINDS, type Kind } from './interchange';
import { rowKey } from './keys';
import { formatLocation, type ImportProblem } from './problems';

export type NodeKind = 'enterprises' | 'chains' | 'segments' | 'leaders';

/** What the checks need to know of the store an import goes into. */
export interface ImportView {
  has(kind: NodeKind, id: string): boolean;
  /** The shares held in a company now, by holder. */
  holdingsInto(companyId: string): Iterable<{ from: string; share: number }>;
}

const SHARE_SLACK = 1e-6;

/**
 * Checks that need more than one row: duplicate keys within the import, references to nodes
 * neither in the import nor in the store, self-loops, and the shares held in one company
 * summing over 100% (counting the store's holdings that the import does not replace).
 */
export function checkBatch(batch: Batch, view: ImportView, report: (p: ImportProblem) => void): void {
  const { rows, places } = batch;
  const at = (kind: Kind, i: number) => places[kind].at(i);

  for (const kind of KINDS) {
    const seen = new Map<string, number>();
    (rows[kind] as Dataset[typeof kind][number][]).forEach((row, i) => {
      const key = rowKey(kind, row);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const [here, there] = [at(kind, i), at(kind, first)];
        const where =
          here.file === there.file && here.sheet === there.sheet ? `line ${there.line}` : formatLocation(there);
        report({ ...here, message: `duplicate of the ${kind} row at ${where} (same key ${key})` });
      }
    });
  }

  const ids = (kind: NodeKind) => new Set(rows[kind].map((r) => r.id));
  const known: Record<NodeKind, Set<string>> = {
    enterprises: ids('enterprises'),
    chains: ids('chains'),
    segments: ids('segments'),
    leaders: ids('leaders'),
  };
  const ref = <K extends Kind>(kind: K, field: keyof Dataset[K][number] & string, target: NodeKind, what: string) => {
    (rows[kind] as Dataset[K][number][]).forEach((row, i) => {
      const id = row[field] as unknown as string;
      if (!known[target].has(id) && !view.has(target, id))
        report({ ...at(kind, i), field, message: `unknown ${what} '${id}'` });
    });
  };
  ref('segments', 'chainId', 'chains', 'chain');
  ref('feeds', 'from', 'segments', 'segment');
  ref('feeds', 'to', 'segments', 'segment');
  ref('leads', 'leaderId', 'leaders', 'leader');
  ref('leads', 'chainId', 'chains', 'chain');
  ref('anchors', 'enterpriseId', 'enterprises', 'enterprise');
  ref('anchors', 'chainId', 'chains', 'chain');
  ref('inSegment', 'enterpriseId', 'enterprises', 'enterprise');
  ref('inSegment', 'segmentId', 'segments', 'segment');
  for (const kind of ['controls', 'supplies'] as const) {
    ref(kind, 'from', 'enterprises', 'enterprise');
    ref(kind, 'to', 'enterprises', 'enterprise');
  }

  const selfLoop = (kind: 'controls' | 'supplies' | 'feeds', message: string) =>
    rows[kind].forEach((r, i) => {
      if (r.from === r.to) report({ ...at(kind, i), field: 'to', message: `${message} ('${r.to}')` });
    });
  selfLoop('controls', 'an enterprise cannot own itself');
  selfLoop('supplies', 'an enterprise cannot supply itself');
  selfLoop('feeds', 'a segment cannot feed itself');

  checkShareSums(batch, view, report);
}

function checkShareSums(batch: Batch, view: ImportView, report: (p: ImportProblem) => void): void {
  const incoming = new Map<string, { from: string; share: number; index: number }[]>();
  batch.rows.controls.forEach((c, index) => {
    const list = incoming.get(c.to) ?? [];
    list.push({ from: c.from, share: c.share, index });
    incoming.set(c.to, list);
  });
  for (const [company, holdings] of incoming) {
    const replaced = new Set(holdings.map((h) => h.from));
    let total = holdings.reduce((sum, h) => sum + h.share, 0);
    for (const h of view.holdingsInto(company)) if (!replaced.has(h.from)) total += h.share;
    if (total > 1 + SHARE_SLACK) {
      const last = holdings.at(-1) as { index: number };
      const percent = Math.round(total * 10000) / 100;
      report({
        ...batch.places.controls.at(last.index),
        field: 'share',
        message: `the shares held in '${company}' would sum to ${percent}%, over 100%`,
      });
    }
  }
}
