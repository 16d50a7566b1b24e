import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { syncDir, withFileLock } from '../platform/file-lock';
import { log } from '../platform/log';
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
  createdAt?: string;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new random token: 32 bytes, base64url, with a prefix that tells what it is. */
export const newToken = (): string => `ca_${randomBytes(32).toString('base64url')}`;

/**
 * What is wrong with a token's name, if anything. A name is what the audit log and the admin see:
 * it may not hide anything — no control or format characters (a zero-width space makes 'alice'
 * and 'al\u200bice' two names that read the same), no line or paragraph separators, no characters
 * of private use or none at all — nor hold the separators of CHAIN_TOKENS (':' and ',').
 */
export function tokenNameProblem(name: string): string | undefined {
  if (name.length === 0 || [...name].length > 100) return "A token's name must be 1 to 100 characters";
  if (name !== name.trim()) return "A token's name may not start or end with a space";
  if (/[:,]/.test(name)) return "A token's name may not hold ':' or ','";
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(name))
    return "A token's name may not hold control, format (zero-width), private-use or unassigned characters";
  if (/[^\S ]/u.test(name)) return "A token's name may hold no white space but plain spaces";
  return undefined;
}

/** A token entry checked; an Error naming where and what is wrong otherwise. */
export function checkEntry(value: unknown, where: string): TokenEntry {
  const e = value as Partial<TokenEntry> | null;
  if (typeof e !== 'object' || e === null) throw new Error(`${where}: must be an object {name, role, sha256}`);
  if (typeof e.name !== 'string' || e.name.trim() === '') throw new Error(`${where}: 'name' must be a non-empty text`);
  const problem = tokenNameProblem(e.name);
  if (problem) throw new Error(`${where}: ${problem}; got ${JSON.stringify(e.name)}`);
  if (typeof e.role !== 'string' || !isRole(e.role))
    throw new Error(`${where}: 'role' must be one of ${ROLES.join(', ')}; got ${JSON.stringify(e.role)}`);
  if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))
    throw new Error(`${where}: 'sha256' must be 64 lower-case hex digits (the SHA-256 of the token)`);
  return {
    name: e.name,
    role: e.role,
    sha256: e.sha256,
    ...(typeof e.createdAt === 'string' ? { createdAt: e.createdAt } : {}),
  };
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

/** A token as an admin sees it: never its value, nor its hash. */
export interface TokenInfo {
  name: string;
  role: Role;
  /** `file`: made with createToken or `pnpm run token`, and revocable; `environment`: from CHAIN_TOKENS. */
  source: 'file' | 'environment';
  createdAt?: string;
}

/**
 * Tells callers apart by their bearer token. Tokens from CHAIN_TOKENS are fixed; those of the
 * tokens file can be made and revoked while the server runs (createToken, revokeToken), and
 * changes another process (`pnpm run token`) makes to the file are seen by the next request (a
 * `stat` of the file per request with a token).
 */
export class TokenBook {
  private fromFile: TokenEntry[] = [];
  private byHash = new Map<string, TokenEntry>();
  private stamp = '';

  constructor(
    private readonly fixed: readonly TokenEntry[],
    readonly anonymousRole: Role = 'viewer',
    /** The tokens file; none: only the fixed tokens. */
    readonly file?: string,
  ) {
    this.reload();
  }

  /** The caller a bearer token stands for; undefined for a token this book does not hold. */
  callerOf(token: string): Caller | undefined {
    this.reload();
    // looked up by its hash: what timing may tell is about the hash, which gives nothing of the token
    const entry = this.byHash.get(hashToken(token));
    return entry && { name: entry.name, role: entry.role, authenticated: true };
  }

  get anonymous(): Caller {
    return { name: 'anonymous', role: this.anonymousRole, authenticated: false };
  }

  list(): TokenInfo[] {
    this.reload();
    return [
      ...this.fromFile.map((e) => ({
        name: e.name,
        role: e.role,
        source: 'file' as const,
        ...(e.createdAt ? { createdAt: e.createdAt } : {}),
      })),
      ...this.fixed.map((e) => ({ name: e.name, role: e.role, source: 'environment' as const })),
    ];
  }

  /** Makes a token, keeps its hash in the tokens file, and returns the token (shown once). */
  create(name: string, role: Role): string {
    const clean = name.trim().normalize('NFC');
    const problem = tokenNameProblem(clean);
    if (problem) throw new TokenError(`${problem}; got ${JSON.stringify(name)}.`);
    if (clean === 'anonymous' || clean.startsWith('cli:')) {
      throw new TokenError(`'${clean}' names callers without a token in the audit log; choose another name.`);
    }
    const token = newToken();
    this.change((entries) => {
      if ([...entries, ...this.fixed].some((e) => e.name === clean)) {
        throw new TokenError(`There is already a token named '${clean}'; revoke it first or choose another name.`);
      }
      return [...entries, { name: clean, role, sha256: hashToken(token), createdAt: new Date().toISOString() }];
    });
    return token;
  }

  /** Takes a token of the file out; false when there is none by that name. */
  revoke(name: string): boolean {
    if (this.fixed.some((e) => e.name === name)) {
      throw new TokenError(`The token '${name}' comes from CHAIN_TOKENS: take it out there and restart the server.`);
    }
    let found = false;
    this.change((entries) => {
      const kept = entries.filter((e) => e.name !== name);
      found = kept.length < entries.length;
      return kept;
    });
    return found;
  }

  /**
   * Changes the tokens file under its lock, from what the file holds then (not what this process
   * read before: another may have changed it since), and reads it again.
   */
  private change(edit: (entries: TokenEntry[]) => TokenEntry[]): void {
    const file = this.writableFile();
    withFileLock(`${file}.lock`, () => {
      const before = readTokensFile(file);
      const after = edit(before);
      if (after !== before) writeTokensFile(file, after);
    });
    this.reload();
  }

  private writableFile(): string {
    if (!this.file)
      throw new TokenError('This server keeps no tokens file (only CHAIN_TOKENS): tokens cannot be made here.');
    return this.file;
  }

  /** Reads the tokens file again when it changed: a revoked token is refused from the next request on. */
  private reload(): void {
    if (!this.file) {
      if (this.byHash.size === 0) this.byHash = new Map(this.fixed.map((e) => [e.sha256, e]));
      return;
    }
    let stamp = 'none';
    try {
      const s = statSync(this.file);
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      // no file: no tokens from it
    }
    if (stamp === this.stamp) return;
    try {
      this.fromFile = readTokensFile(this.file);
    } catch (e) {
      // a file broken by hand: the tokens read before stay valid (and those of CHAIN_TOKENS),
      // said once per change of the file; at start, the error stops the server (bin/config.ts)
      if (this.stamp === '') throw e;
      log().error({ err: e }, 'the tokens file cannot be read; the tokens read before it changed still apply');
    }
    this.stamp = stamp;
    this.byHash = new Map([...this.fromFile, ...this.fixed].map((e) => [e.sha256, e]));
  }
}

/** A token request an admin made that cannot be done (a taken name, an environment token). */
export class TokenError extends Error {
  override readonly name = 'TokenError';
}

/** Replaces the tokens file in one step (written, synced, renamed), readable by its owner only. */
export function writeTokensFile(file: string, entries: readonly TokenEntry[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify({ tokens: entries }, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncDir(dirname(file));
}
