import { fileURLToPath } from 'node:url';

/**
 * Folders of the workspace, from this file's place in it: server/src/ as TypeScript, server/dist/
 * when built (one level below server/ either way), so every path to them is made here.
 */
export const DEMO_DATA_DIR = fileURLToPath(new URL('../../seeds/data/', import.meta.url));
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/store/', import.meta.url));
export const DATASETS_DIR = fileURLToPath(new URL('../../data/datasets/', import.meta.url));
export const PERSISTED_OPERATIONS_FILE = fileURLToPath(
  new URL('../../web/src/persisted-operations.json', import.meta.url),
);
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
export const COOKBOOK_FILE = fileURLToPath(new URL('../../docs/graphql-cookbook.md', import.meta.url));
export const DEFAULT_TOKENS_FILE = fileURLToPath(new URL('../../data/tokens.json', import.meta.url));
export const DEFAULT_AUDIT_FILE = fileURLToPath(new URL('../../data/audit.jsonl', import.meta.url));
