import { controlledBy, findRoots } from '../../domain/systems';
import type { EnterpriseRole } from '../port';
import type { Tx } from './gateway';
import { groupBy, holdings } from './holdings';

/**
 * Derives every enterprise's role from the holdings and supply links now in the database and
 * writes them (inside the caller's write transaction, so readers see old roles or new, whole).
 */
export async function deriveRoles(tx: Tx, threshold: number): Promise<void> {
  const all = await holdings(tx, threshold);
  const byHolder = groupBy(all, (h) => h.from);
  const role = new Map<string, EnterpriseRole>();
  const members: string[] = [];
  for (const rootId of findRoots(all, threshold)) {
    for (const c of controlledBy(rootId, (id) => byHolder.get(id) ?? [], threshold)) {
      role.set(c.id, c.level === 0 ? 'ROOT' : 'DIRECT');
      members.push(c.id);
    }
  }
  const partners =
    members.length === 0
      ? []
      : await tx.run<{ id: string; partners: string[] }>('queries/supply-partners', { ids: members });
  for (const p of partners) for (const other of p.partners) if (!role.has(other)) role.set(other, 'AFFILIATE');
  await tx.run('import/roles-clear');
  const rows = [...role].map(([id, r]) => ({ id, role: r }));
  for (let i = 0; i < rows.length; i += 5000) await tx.run('import/roles-set', { rows: rows.slice(i, i + 5000) });
}
