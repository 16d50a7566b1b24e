import { resolve } from 'node:path';
import { AuditLog } from './audit/audit-log';
import { isRole, ROLES } from './auth/roles';
import { parseTokensVariable, TokenBook } from './auth/tokens';
import { DEFAULT_AUDIT_FILE, DEFAULT_TOKENS_FILE } from './paths';
import type { YogaOptions } from './yoga';

/**
 * The API's settings from the environment, each checked with a message naming the variable:
 * CHAIN_TOKENS_FILE (default data/tokens.json), CHAIN_TOKENS, CHAIN_ANONYMOUS_ROLE (default
 * viewer), CHAIN_AUDIT_FILE (default data/audit.jsonl), CHAIN_TRUSTED_DOCUMENTS (on/off, default off), CHAIN_REQUEST_TIMEOUT_MS (default 15000).
 */
export function apiOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): YogaOptions & { tokensFile: string } {
  const tokensFile = env.CHAIN_TOKENS_FILE?.trim()
    ? resolve(env.INIT_CWD ?? process.cwd(), env.CHAIN_TOKENS_FILE.trim())
    : DEFAULT_TOKENS_FILE;
  const anonymous = env.CHAIN_ANONYMOUS_ROLE?.trim() || 'viewer';
  if (!isRole(anonymous)) {
    throw new Error(`CHAIN_ANONYMOUS_ROLE must be one of ${ROLES.join(', ')}; got '${anonymous}'.`);
  }
  const options: YogaOptions & { tokensFile: string } = {
    tokensFile,
    // the file is read here too, so that a broken one stops the start with its message
    tokens: new TokenBook(parseTokensVariable(env.CHAIN_TOKENS ?? ''), anonymous, tokensFile),
    audit: new AuditLog(auditFileFromEnv(env)),
    trustedDocuments: onOff('CHAIN_TRUSTED_DOCUMENTS', env.CHAIN_TRUSTED_DOCUMENTS),
  };
  const timeout = env.CHAIN_REQUEST_TIMEOUT_MS?.trim();
  if (timeout) {
    const ms = Number(timeout);
    if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
      throw new Error(
        `CHAIN_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000; got '${timeout}'.`,
      );
    }
    options.timeoutMs = ms;
  }
  return options;
}

function onOff(name: string, value: string | undefined): boolean {
  const v = value?.trim().toLowerCase() ?? '';
  if (['', '0', 'off', 'false', 'no'].includes(v)) return false;
  if (['1', 'on', 'true', 'yes'].includes(v)) return true;
  throw new Error(`${name} must be on or off; got '${value}'.`);
}

/** The audit log's file: CHAIN_AUDIT_FILE, or data/audit.jsonl (the server and the importer share it). */
export function auditFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.CHAIN_AUDIT_FILE?.trim();
  return file ? resolve(env.INIT_CWD ?? process.cwd(), file) : DEFAULT_AUDIT_FILE;
}
