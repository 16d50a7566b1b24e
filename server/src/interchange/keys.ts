import type { Dataset } from '../domain/model';
import type { Kind } from './format';

/** The key of a row: rows of a kind with the same key are the same node or relationship. */
export const ROW_KEY: { readonly [K in Kind]: (row: Dataset[K][number]) => string } = {
  chains: (r) => r.id,
  segments: (r) => r.id,
  leaders: (r) => r.id,
  enterprises: (r) => r.id,
  feeds: (r) => `${r.from}>${r.to}`,
  leads: (r) => `${r.leaderId}>${r.chainId}`,
  anchors: (r) => `${r.enterpriseId}>${r.chainId}`,
  inSegment: (r) => `${r.enterpriseId}>${r.segmentId}`,
  controls: (r) => `${r.from}>${r.to}`,
  supplies: (r) => `${r.from}>${r.to}:${r.product}`,
  products: (r) => `${r.enterpriseId}>${r.product}`,
  // one home district: any row is the same
  district: () => 'home',
};

export function rowKey<K extends Kind>(kind: K, row: Dataset[K][number]): string {
  return (ROW_KEY[kind] as (row: Dataset[K][number]) => string)(row);
}
