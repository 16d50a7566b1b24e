/**
 * pnpm run token -- add <name> <role> [--file FILE]   makes a token, prints it once, stores its hash
 * pnpm run token -- list [--file FILE]                 names and roles (never a token: none is kept)
 * FILE defaults to CHAIN_TOKENS_FILE, or data/tokens.json. (`pnpm token` alone is pnpm's own command.)
 */
import { apiOptionsFromEnv } from '../config';
import { isRole, ROLES } from './roles';
import { readTokensFile, TokenBook } from './tokens';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
const fileAt = args.indexOf('--file');
const file = fileAt >= 0 ? (args[fileAt + 1] ?? fail('--file needs a path')) : apiOptionsFromEnv().tokensFile;
const [command, ...rest] = fileAt >= 0 ? [...args.slice(0, fileAt), ...args.slice(fileAt + 2)] : args;

if (command === 'add') {
  const [name, role] = rest;
  if (!name || !role) fail('usage: pnpm run token -- add <name> <role> [--file FILE]');
  if (!isRole(role)) fail(`role must be one of ${ROLES.join(', ')}; got '${role}'`);
  let token: string;
  try {
    token = new TokenBook([], 'viewer', file).create(name, role);
  } catch (e) {
    fail(`${file}: ${(e as Error).message}`);
  }
  console.log(`Token for ${name} (${role}), shown this once; ${file} keeps only its hash:\n\n  ${token}\n`);
  console.log('Send it as the header  Authorization: Bearer <token>  (in GraphiQL: the Headers tab).');
} else if (command === 'list') {
  for (const e of readTokensFile(file)) console.log(`${e.name}\t${e.role}`);
} else {
  fail('usage: pnpm run token -- add <name> <role> | list   [--file FILE]');
}
