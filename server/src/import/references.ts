import type { Dataset } from '../domain/model';
import type { Kind } from './interchange';
import type { ImportProblem } from './problems';

type Locate = (kind: Kind, index: number) => { file: string; line: number };

/** Duplicate keys and references to records that do not exist, across the files of a data set. */
export function checkReferences(data: Dataset, locate: Locate): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const keys = (kind: 'enterprises' | 'chains' | 'segments' | 'leaders') => {
    const seen = new Set<string>();
    data[kind].forEach((row, i) => {
      if (seen.has(row.id)) problems.push({ ...locate(kind, i), field: 'id', message: `duplicate id '${row.id}'` });
      seen.add(row.id);
    });
    return seen;
  };
  const enterprises = keys('enterprises');
  const chains = keys('chains');
  const segments = keys('segments');
  const leaders = keys('leaders');

  const check = <K extends Kind>(
    kind: K,
    field: keyof Dataset[K][number] & string,
    known: Set<string>,
    what: string,
  ) => {
    (data[kind] as Dataset[K][number][]).forEach((row, i) => {
      const value = row[field] as unknown as string;
      if (!known.has(value)) problems.push({ ...locate(kind, i), field, message: `unknown ${what} '${value}'` });
    });
  };
  check('segments', 'chainId', chains, 'chain');
  check('feeds', 'from', segments, 'segment');
  check('feeds', 'to', segments, 'segment');
  check('leads', 'leaderId', leaders, 'leader');
  check('leads', 'chainId', chains, 'chain');
  check('anchors', 'enterpriseId', enterprises, 'enterprise');
  check('anchors', 'chainId', chains, 'chain');
  check('inSegment', 'enterpriseId', enterprises, 'enterprise');
  check('inSegment', 'segmentId', segments, 'segment');
  check('controls', 'from', enterprises, 'enterprise');
  check('controls', 'to', enterprises, 'enterprise');
  check('supplies', 'from', enterprises, 'enterprise');
  check('supplies', 'to', enterprises, 'enterprise');
  data.controls.forEach((c, i) => {
    if (c.from === c.to)
      problems.push({ ...locate('controls', i), field: 'to', message: `an enterprise cannot own itself ('${c.to}')` });
  });
  return problems;
}
