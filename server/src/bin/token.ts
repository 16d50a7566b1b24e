/**
 * pnpm run token -- add <name> <role> [--file FILE]   makes a token, prints it once, stores its hash
 * pnpm run token -- revoke <name> [--file FILE]       takes a token out
 * pnpm run token -- list [--file FILE]                names and roles (never a token: none is kept)
 * pnpm run token -- demo [--file FILE]                an analyst's, an editor's and an admin's token,
 *                                                     when the file holds none yet (npm run demo)
 * FILE defaults to CHAIN_TOKENS_FILE, or data/tokens.json. Adding and revoking are recorded in the
 * audit log (CHAIN_AUDIT_FILE). (`pnpm token` alone is pnpm's own command.)
 */
import { userInfo } from 'node:os';
import { AuditLog } from '../audit/audit-log';
import { isRole, ROLES, type Role } from '../auth/roles';
import { readTokensFile, TokenBook } from '../auth/tokens';
import { auditFileFromEnv, tokensFileFromEnv } from './config';

const USAGE = 'usage: pnpm run token -- add <name> <role> | revoke <name> | list | demo   [--file FILE]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const fileAt = args.indexOf('--file');
const file = fileAt >= 0 ? (args[fileAt + 1] ?? fail('--file needs a path')) : tokensFileFromEnv();
const [command, ...rest] = fileAt >= 0 ? [...args.slice(0, fileAt), ...args.slice(fileAt + 2)] : args;
const book = new TokenBook([], 'viewer', file);

/** A token change, in the audit log the server shares. */
function audit(action: string, name: string, detail: Record<string, unknown>): void {
  new AuditLog(auditFileFromEnv()).record({
    who: `cli:${userInfo().username}`,
    role: 'local',
    action,
    target: name,
    detail: { file, ...detail },
    from: 'local',
    outcome: 'ok',
  });
}

function add(name: string, role: Role): string {
  try {
    const token = book.create(name, role);
    audit('createToken', name, { role });
    return token;
  } catch (e) {
    fail(`${file}: ${(e as Error).message}`);
  }
}

if (command === 'add') {
  const [name, role] = rest;
  if (!name || !role) fail(USAGE);
  if (!isRole(role)) fail(`role must be one of ${ROLES.join(', ')}; got '${role}'`);
  const token = add(name, role);
  console.log(`Token for ${name} (${role}), shown this once; ${file} keeps only its hash:\n\n  ${token}\n`);
  console.log('Send it as the header  Authorization: Bearer <token>  (in GraphiQL: the Headers tab).');
} else if (command === 'revoke') {
  const [name] = rest;
  if (!name) fail(USAGE);
  let revoked = false;
  try {
    revoked = book.revoke(name);
  } catch (e) {
    fail(`${file}: ${(e as Error).message}`);
  }
  if (!revoked) fail(`${file} holds no token named '${name}'.`);
  audit('revokeToken', name, {});
  console.log(`Revoked the token of ${name}: requests with it are refused from now on.`);
} else if (command === 'list') {
  for (const e of readTokensFile(file)) console.log(`${e.name}\t${e.role}\t${e.createdAt ?? ''}`);
} else if (command === 'demo') {
  const held = readTokensFile(file);
  if (held.length > 0) {
    console.log(`Tokens in ${file}: ${held.map((e) => `${e.name} (${e.role})`).join(', ')}.`);
    console.log('Their values are not kept; make another with `pnpm run token -- add <name> <role>`.');
  } else {
    const made = (['analyst', 'editor', 'admin'] as const).map((role) => [role, add(`demo-${role}`, role)] as const);
    console.log(`Demo tokens, shown this once (${file} keeps only their hashes). Sign in with one in the web app`);
    console.log('(登录, top right) or send it as  Authorization: Bearer <token>  (GraphiQL: the Headers tab):');
    for (const [role, token] of made) console.log(`  ${role.padEnd(8)} ${token}`);
  }
} else {
  fail(USAGE);
}
