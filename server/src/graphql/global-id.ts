import { MAX_ID_LENGTH, overLength } from '../domain/limits';
import { codedError } from './errors';

/**
 * Global ids (the Relay `Node` interface): the type name and the object's own key, as
 * base64url of "Type:key". Arguments that name one object of a known type (`enterprise(id:)`,
 * `path(from:, to:)`, …) take either its global id or its own key (a credit code, a chain id).
 */
export const encodeId = (typename: string, key: string | number | bigint): string =>
  Buffer.from(`${typename}:${key}`, 'utf8').toString('base64url');

/** The type and key of a global id; a BAD_INPUT error for a text that is not one. */
export function decodeId(id: string): { typename: string; id: string } {
  const parsed = tryDecode(id);
  if (!parsed) throw codedError('BAD_INPUT', `'${clip(id)}' is not a global id of this API.`);
  return parsed;
}

const TYPENAME = /^([A-Z][A-Za-z]*):(.+)$/s;

function tryDecode(id: string): { typename: string; id: string } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const m = TYPENAME.exec(Buffer.from(id, 'base64url').toString('utf8'));
  return m ? { typename: m[1] as string, id: m[2] as string } : undefined;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export { MAX_ID_LENGTH };

/**
 * The key of an argument naming an object of `typename` (or one of several): the key inside its global id, or the
 * text itself when it is not a global id. BAD_INPUT for an over-long key or another type's id. A key is at most
 * MAX_ID_LENGTH characters however it is given: the cap the importer and the mutations put on keys (domain/limits.ts).
 */
export function keyOf(typename: string | readonly string[], value: string | number, argument: string): string {
  const types: readonly string[] = typeof typename === 'string' ? [typename] : typename;
  const text = String(value);
  const tooLong = () =>
    codedError('BAD_INPUT', `Argument '${argument}' must be at most ${MAX_ID_LENGTH} characters.`, { argument });
  // a global id is longer than its key (base64url of the type and the key's UTF-8): no longer than one of a key at the cap
  if (text.length > MAX_GLOBAL_ID_LENGTH) throw tooLong();
  const decoded = tryDecode(text);
  if (!decoded || !KNOWN_TYPES.has(decoded.typename)) {
    if (overLength(text, MAX_ID_LENGTH) !== undefined) throw tooLong();
    return text;
  }
  if (!types.includes(decoded.typename)) {
    throw codedError(
      'BAD_INPUT',
      `Argument '${argument}' must name a ${types.join(' or ')}; '${clip(text)}' is the id of a ${decoded.typename}.`,
      { argument },
    );
  }
  if (overLength(decoded.id, MAX_ID_LENGTH) !== undefined) throw tooLong();
  return decoded.id;
}

/** The types whose global ids keyOf recognises. */
const KNOWN_TYPES = new Set(['Enterprise', 'Chain', 'Segment', 'Leader', 'EnterpriseSystem', 'Relation', 'Lead']);

/** The length of the global id of a key at the cap, each character four bytes of UTF-8, of the longest type name. */
const MAX_GLOBAL_ID_LENGTH =
  Math.ceil((Math.max(...[...KNOWN_TYPES].map((t) => t.length)) + 1 + 4 * MAX_ID_LENGTH) / 3) * 4;
