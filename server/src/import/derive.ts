import type { District, Enterprise } from '../domain/model';
import { deriveShortName, foldName, regionStem, sameRegion } from '../domain/names';

/**
 * Values an import derives where a row does not give them, each marked in the enterprise's
 * `derived` list: the short name (from the name) and `local` (from the location, against the home
 * district). Only for an enterprise new to the store, or (for `local`) one whose row gives a new
 * location: an update that leaves a field out keeps the stored value.
 */
export interface Stored {
  /** The fields of the stored enterprise that were derived; undefined when it is not stored. */
  derivedOf(id: string): string[] | undefined;
}

export interface Derivation {
  /** Enterprises whose `local` could not be told (no location, or no home district). */
  unlocated: number;
  derived: { shortName: number; local: number };
}

const LOCATION = ['district', 'city', 'province', 'address'] as const;

export function deriveFields(enterprises: Enterprise[], home: District | undefined, stored: Stored): Derivation {
  const out: Derivation = { unlocated: 0, derived: { shortName: 0, local: 0 } };
  for (const row of enterprises as (Enterprise & { shortName?: string; local?: boolean })[]) {
    const before = stored.derivedOf(row.id);
    const isNew = before === undefined;
    // a row may say itself which of its values were derived (a data set Chain Atlas wrote)
    const declared = new Set(row.derived ?? []);
    const derived = new Set([...(before ?? []), ...declared]);
    if (row.shortName !== undefined) {
      if (!declared.has('shortName')) derived.delete('shortName');
    } else if (isNew) {
      row.shortName = deriveShortName(row.name);
      derived.add('shortName');
      out.derived.shortName++;
    }
    if (row.local !== undefined) {
      if (!declared.has('local')) derived.delete('local');
    } else if (isNew || LOCATION.some((f) => row[f] !== undefined)) {
      const local = home ? isIn(row, home) : undefined;
      row.local = local ?? false;
      if (local === undefined) out.unlocated++;
      derived.add('local');
      out.derived.local++;
    }
    const list = [...derived].sort();
    if (isNew ? list.length > 0 : list.join() !== (before ?? []).join()) row.derived = list;
    else delete row.derived;
  }
  return out;
}

/**
 * Whether an enterprise lies in the home district, from the most precise place it gives:
 * its district, else its address, else its city or province when home is a city or province.
 * undefined when it gives nothing that can tell.
 */
export function isIn(e: Partial<Enterprise>, home: District): boolean | undefined {
  const level = homeLevel(home);
  if (level === 'district') {
    if (e.city && home.city && !sameRegion(e.city, home.city)) return false;
    if (e.district) return inRegion(e.district, home.name);
    if (e.address) return foldName(e.address).includes(regionStem(home.name));
    return undefined;
  }
  const mine = level === 'city' ? e.city : e.province;
  if (mine) return inRegion(mine, home.name);
  if (e.address) return foldName(e.address).includes(regionStem(home.name));
  return undefined;
}

/** A place is the region or lies in it: 江汉区 and 江汉, 湖北省武汉市江汉区 and 江汉区. */
function inRegion(place: string, region: string): boolean {
  return sameRegion(place, region) || foldName(place).endsWith(foldName(region));
}

/** Whether the home is a county-level district, a city or a province. */
function homeLevel(home: District): 'district' | 'city' | 'province' {
  if (home.province && sameRegion(home.province, home.name)) return 'province';
  if (home.city && sameRegion(home.city, home.name)) return 'city';
  if (/(省|自治区|特别行政区)$/.test(home.name)) return 'province';
  if (/市$/.test(home.name) && !home.city) return 'city';
  return 'district';
}
