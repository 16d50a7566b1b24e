import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type Caller, isRole, ROLES, type Role } from './roles';

/**
 * Bearer tokens: each has a name and a role, and is stored only as the SHA-256 of the token.
 * They come from a JSON file (CHAIN_TOKENS_FILE: {"tokens": [{"name", "role", "sha256"}]}) and
 * from CHAIN_TOKENS ("name:role:sha256" entries separated by commas); `pnpm run token -- add` makes one.
 */
export interface TokenEntry {
  name: string;
  role: Role;
  /** SHA-256 of the token, 64 hex digits. */
  sha256: string;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new random token: 32 bytes, base64url, with a prefix that tells what it is. */
export const newToken = (): string => `ca_${randomBytes(32).toString('base64url')}`;

/** A token entry checked; an Error naming where and what is wrong otherwise. */
export function checkEntry(value: unknown, where: string): TokenEntry {
  const e = value as Partial<TokenEntry> | null;
  if (typeof e !== 'object' || e === null) throw new Error(`${where}: must be an object {name, role, sha256}`);
  if (typeof e.name !== 'string' || e.name.trim() === '') throw new Error(`${where}: 'name' must be a non-empty text`);
  if (typeof e.role !== 'string' || !isRole(e.role))
    throw new Error(`${where}: 'role' must be one of ${ROLES.join(', ')}; got ${JSON.stringify(e.role)}`);
  if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))
    throw new Error(`${where}: 'sha256' must be 64 lower-case hex digits (the SHA-256 of the token)`);
  return { name: e.name, role: e.role, sha256: e.sha256 };
}

/** The entries of a tokens file; none when there is no file. */
export function readTokensFile(file: string): TokenEntry[] {
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not JSON: ${(e as Error).message}`);
  }
  const list = (parsed as { tokens?: unknown }).tokens;
  if (!Array.isArray(list)) throw new Error(`${file}: must hold {"tokens": [...]}`);
  return list.map((entry, i) => checkEntry(entry, `${file}: tokens[${i}]`));
}

/** The entries of CHAIN_TOKENS: "name:role:sha256", separated by commas. */
export function parseTokensVariable(text: string): TokenEntry[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item, i) => {
      const [name, role, sha256] = item.split(':');
      return checkEntry({ name, role, sha256 }, `CHAIN_TOKENS entry ${i + 1}`);
    });
}

/** Tells callers apart by their bearer token. */
export class TokenBook {
  private readonly byHash: Map<string, TokenEntry>;

  constructor(
    entries: readonly TokenEntry[],
    readonly anonymousRole: Role = 'viewer',
  ) {
    this.byHash = new Map(entries.map((e) => [e.sha256, e]));
  }

  /** The caller a bearer token stands for; undefined for a token this book does not hold. */
  callerOf(token: string): Caller | undefined {
    // looked up by its hash: what timing may tell is about the hash, which gives nothing of the token
    const entry = this.byHash.get(hashToken(token));
    return entry && { name: entry.name, role: entry.role, authenticated: true };
  }

  get anonymous(): Caller {
    return { name: 'anonymous', role: this.anonymousRole, authenticated: false };
  }
}
