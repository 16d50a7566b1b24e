import type { Holding } from '../../domain/systems';
import type { Tx } from './gateway';

/** Every holding at or above the control threshold (the only ones that can reach it, multiplied). */
export async function holdings(tx: Tx, threshold: number): Promise<Holding[]> {
  return tx.run<Holding>('queries/holdings', { threshold });
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
