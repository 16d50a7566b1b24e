import type { Dataset } from '../domain/model';
import { foldName } from '../domain/names';
import { KINDS, type Kind } from '../interchange/format';
import { rowKey } from '../interchange/keys';
import { formatLocation, type ImportProblem } from '../interchange/problems';
import type { ImportView, NodeKind } from '../store/port';
import type { Batch } from './batch';
import { checkSegments } from './check-segments';

const SHARE_SLACK = 1e-6;

/**
 * Checks that need more than one row: duplicate keys within the import, references to nodes
 * neither in the import nor in the store, self-loops, and the shares held in one company
 * summing over 100% (counting the store's holdings that the import does not replace).
 * `warn` gets what is worth saying but stops nothing (same names under different ids).
 * `storeOnly` runs only the checks whose answer depends on the store (references, segments,
 * share sums): for rows checked once already, checked again on the store as it is when written.
 */
export function checkBatch(
  batch: Batch,
  view: ImportView,
  report: (p: ImportProblem) => void,
  warn?: (p: ImportProblem) => void,
  { storeOnly = false }: { storeOnly?: boolean } = {},
): void {
  const { rows, places } = batch;
  const at = (kind: Kind, i: number) => places[kind].at(i);

  if (!storeOnly) checkWithinBatch(batch, report);

  const ids = (kind: NodeKind) => new Set(rows[kind].map((r) => r.id));
  const known: Record<NodeKind, Set<string>> = {
    enterprises: ids('enterprises'),
    chains: ids('chains'),
    segments: ids('segments'),
    leaders: ids('leaders'),
  };
  // the names of every enterprise: for hints, and for warnings when they are asked for (a check run
  // again under the write lock asks for none, and should not spend a second folding names)
  let names: Names | undefined;
  const namesOf = () => {
    names ??= new Names(rows.enterprises, view);
    return names;
  };
  const ref = <K extends Kind>(kind: K, field: keyof Dataset[K][number] & string, target: NodeKind, what: string) => {
    (rows[kind] as Dataset[K][number][]).forEach((row, i) => {
      const id = row[field] as unknown as string;
      if (known[target].has(id) || view.has(target, id)) return;
      const hint = target === 'enterprises' ? namesOf().hint(id) : '';
      report({ ...at(kind, i), field, message: `unknown ${what} '${id}'${hint}` });
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
  ref('products', 'enterpriseId', 'enterprises', 'enterprise');
  for (const kind of ['controls', 'supplies'] as const) {
    ref(kind, 'from', 'enterprises', 'enterprise');
    ref(kind, 'to', 'enterprises', 'enterprise');
  }

  const selfLoop = (kind: 'controls' | 'supplies' | 'feeds', message: string) =>
    rows[kind].forEach((r, i) => {
      if (r.from === r.to) report({ ...at(kind, i), field: 'to', message: `${message} ('${r.to}')` });
    });
  if (!storeOnly) {
    selfLoop('controls', 'an enterprise cannot own itself');
    selfLoop('supplies', 'an enterprise cannot supply itself');
    selfLoop('feeds', 'a segment cannot feed itself');
  }

  checkSegments(batch, view, report);
  checkShareSums(batch, view, report);
  if (warn) namesOf().warnings(batch, warn);
}

/** The checks of the rows among themselves: duplicate keys, one home district. */
function checkWithinBatch(batch: Batch, report: (p: ImportProblem) => void): void {
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
  rows.district.forEach((_, i) => {
    if (i > 0) report({ ...at('district', i), message: 'a data set has one home district: give one district row' });
  });
}

function checkShareSums(batch: Batch, view: ImportView, report: (p: ImportProblem) => void): void {
  const incoming = new Map<string, { from: string; share: number; index: number }[]>();
  batch.rows.controls.forEach((c, index) => {
    const list = incoming.get(c.to) ?? [];
    list.push({ from: c.from, share: c.share ?? 0, index });
    incoming.set(c.to, list);
  });
  const percent = (share: number) => `${Math.round(share * 1_000_000) / 10_000}%`;
  for (const [company, holdings] of incoming) {
    const replaced = new Set(holdings.map((h) => h.from));
    const stored = [...view.holdingsInto(company)].filter((h) => !replaced.has(h.from) && h.share !== undefined);
    const total = holdings.reduce((sum, h) => sum + h.share, 0) + stored.reduce((sum, h) => sum + (h.share ?? 0), 0);
    if (total <= 1 + SHARE_SLACK) continue;
    const listed = [
      ...holdings
        .filter((h) => h.share > 0)
        .map((h) => `'${h.from}' ${percent(h.share)} (${formatLocation(batch.places.controls.at(h.index))})`),
      ...stored.map((h) => `'${h.from}' ${percent(h.share ?? 0)} (in the store)`),
    ];
    const last = holdings.at(-1) as { index: number };
    report({
      ...batch.places.controls.at(last.index),
      field: 'share',
      message: `the shares held in '${company}' would sum to ${percent(total)}, over 100%: ${listed.join(', ')}`,
    });
  }
}

/** Names of the import's enterprises and the store's: hints for unknown references, and warnings. */
class Names {
  private readonly byName = new Map<string, { id: string; name: string; shortName?: string; index: number }[]>();

  constructor(
    enterprises: Dataset['enterprises'],
    private readonly view: ImportView,
  ) {
    enterprises.forEach((e, index) => {
      for (const n of new Set([foldName(e.name), ...(e.shortName ? [foldName(e.shortName)] : [])])) {
        const list = this.byName.get(n) ?? [];
        list.push({ id: e.id, name: e.name, ...(e.shortName ? { shortName: e.shortName } : {}), index });
        this.byName.set(n, list);
      }
    });
  }

  /** ' — did you mean …' when an unknown id is the name or short name of an enterprise. */
  hint(text: string): string {
    const folded = foldName(text);
    const found = new Map<string, string>();
    for (const e of this.byName.get(folded) ?? []) found.set(e.id, e.name);
    for (const e of this.view.named(text)) found.set(e.id, e.name);
    if (found.size === 0) return '';
    const list = [...found].slice(0, 3).map(([id, name]) => `'${id}' (${name})`);
    return `: it is the name of ${list.join(', ')}${found.size > 3 ? ` and ${found.size - 3} more` : ''}; refer to an enterprise by its id`;
  }

  /** The same registered name under two ids, in the import or against the store. */
  warnings(batch: Batch, warn: (p: ImportProblem) => void): void {
    batch.rows.enterprises.forEach((e, i) => {
      const key = foldName(e.name);
      const others = new Map<string, { where: string; exact: boolean }>();
      for (const o of this.byName.get(key) ?? [])
        if (o.id !== e.id && o.index < i && foldName(o.name) === key)
          others.set(o.id, { where: formatLocation(batch.places.enterprises.at(o.index)), exact: o.name === e.name });
      for (const o of this.view.named(e.name))
        if (o.id !== e.id && !others.has(o.id) && foldName(o.name) === key)
          others.set(o.id, { where: 'in the store', exact: o.name === e.name });
      if (others.size === 0) return;
      const exact = [...others.values()].some((o) => o.exact);
      const list = [...others].map(([id, o]) => `'${id}' (${o.where})`);
      warn({
        ...batch.places.enterprises.at(i),
        field: 'name',
        message: `${exact ? 'the same name as' : 'likely the same enterprise as (the names differ only in bracket width, spaces or letter case)'} ${list.join(', ')}, under another id`,
      });
    });
  }
}
