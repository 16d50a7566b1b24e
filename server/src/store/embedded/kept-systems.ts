import { DERIVATION } from '../graph/derive';
import type { EnterpriseSystem } from '../port';
import { readJsonLines } from './json-lines';

/** Each enterprise's place in a segment's enterprises file (the last, for an id given twice). */
export function placesOf(enterprises: readonly { id: string }[]): Map<string, number> {
  const places = new Map<string, number>();
  for (let i = 0; i < enterprises.length; i++) places.set((enterprises[i] as { id: string }).id, i);
  return places;
}

/**
 * A system as a segment keeps it (systems.jsonl, after a first line naming the rules it was
 * derived by and how many enterprises the segment has): its root, its members as [place, share,
 * level] and its affiliates, each enterprise by its place in the segment's enterprises file.
 */
export interface PlacedSystem {
  root: number;
  members: [number, number, number][];
  affiliates: number[];
}

/** The lines of systems.jsonl; undefined when an enterprise of a system is not in the segment. */
export function systemLines(
  systems: ReadonlyMap<string, EnterpriseSystem>,
  places: Map<string, number>,
  enterprises: number,
): string[] | undefined {
  const lines = [`${JSON.stringify({ derivation: DERIVATION, enterprises })}\n`];
  for (const s of systems.values()) {
    const root = places.get(s.rootId);
    const members = s.members.map((m) => [places.get(m.enterprise.id), m.effectiveShare, m.level]);
    const affiliates = s.affiliateIds.map((id) => places.get(id));
    if (root === undefined || members.some((m) => m[0] === undefined) || affiliates.includes(undefined))
      return undefined;
    lines.push(`${JSON.stringify({ root, members, affiliates })}\n`);
  }
  return lines;
}

/**
 * The systems kept with a segment of `enterprises` enterprises; undefined when they were derived
 * by other rules. Throws naming the file and line when one is not what was written.
 */
export async function readSystems(file: string, enterprises: number): Promise<PlacedSystem[] | undefined> {
  const [head, ...systems] = (await readJsonLines(file)) as [
    { derivation?: number; enterprises?: number },
    ...PlacedSystem[],
  ];
  if (head?.derivation !== DERIVATION) return undefined;
  const damaged = (line: number, what: string) => new Error(`The data directory is damaged: ${file}:${line} ${what}`);
  if (head.enterprises !== enterprises)
    throw damaged(1, `is for a segment of ${head.enterprises} enterprises; this one has ${enterprises}`);
  const place = (p: unknown) => Number.isInteger(p) && (p as number) >= 0 && (p as number) < enterprises;
  for (const [i, s] of systems.entries()) {
    const ok =
      place(s?.root) &&
      Array.isArray(s.members) &&
      s.members.every((m) => Array.isArray(m) && place(m[0]) && typeof m[1] === 'number' && Number.isInteger(m[2])) &&
      Array.isArray(s.affiliates) &&
      s.affiliates.every(place);
    if (!ok) throw damaged(i + 2, 'is not a system of enterprises of the segment');
  }
  return systems;
}
