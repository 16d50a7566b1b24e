/**
 * The three queries of issue 19 that each froze the server from one small anonymous request; the
 * tests and B14 send them.
 */

/** Fragments F0…F{n} on `on`, each spreading the next twice (`body`), the last being `last`. */
const doubling = (n: number, on: string, body: (next: string) => string, last: string) =>
  [
    ...Array.from({ length: n }, (_, i) => `fragment F${i} on ${on} { ${body(`F${i + 1}`)} }`),
    `fragment F${n} on ${on} { ${last} }`,
  ].join('\n');

/** 1. A mutation whose fragments double `n` times: 2^n fields from 1 KB of text. */
export const mutationBomb = (n = 24) =>
  `mutation { ...F0 }\n${doubling(n, 'Mutation', (f) => `...${f} ...${f}`, 'recordExport(chain: "logistics", format: "csv", rows: 1)')}`;

/** 2. An explorer query whose fragments double `m` times, through suppliers and customers. */
export const explorerBomb = (m = 14, enterpriseId = '91420103MA4KXL6C0D') =>
  `{ enterprise(id: "${enterpriseId}") { ...F0 } }\n${doubling(
    m,
    'Enterprise',
    (f) => `suppliers(first: 1) { nodes { ...${f} } } customers(first: 1) { nodes { ...${f} } }`,
    'name',
  )}`;

/** 3. Ten sets of gap-report parameters over every chain. */
export const analysisBomb = (aliases = 10) =>
  `{ ${Array.from(
    { length: aliases },
    (_, k) =>
      `a${k}: chains(first: 44) { nodes { gapReport(minCover: ${k + 1}, minFirms: 3) { fill { localCount } } } }`,
  ).join(' ')} }`;
