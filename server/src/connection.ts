import { codedError } from './errors';

/** Opaque cursors for the connections: the position in the list, base64url. */
export const encodeCursor = (index: number) => Buffer.from(`i:${index}`).toString('base64url');

export function decodeCursor(cursor: string, argument: string): number {
  const match = /^i:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw codedError('BAD_INPUT', `Argument '${argument}' is not a cursor this API gave out.`, { argument });
  return Number(match[1]);
}
