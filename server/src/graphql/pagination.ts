import { cursorToOffset, resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { codedError } from './errors';

/** Relay connections: a page is at most MAX_PAGE_SIZE items, DEFAULT_PAGE_SIZE when not asked. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}

/** Checks a connection's arguments; a BAD_INPUT error naming the argument otherwise. */
export function checkPageArgs(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n != null && (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE)) {
      throw codedError('BAD_INPUT', `Argument '${name}' must be an integer from 0 to ${MAX_PAGE_SIZE}; got ${n}.`, {
        argument: name,
      });
    }
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    let offset = Number.NaN;
    try {
      offset = cursorToOffset(cursor);
    } catch {
      // not even base64 of the cursor prefix: refused below
    }
    if (!Number.isInteger(offset) || offset < 0) {
      throw codedError('BAD_INPUT', `Argument '${name}' is not a cursor this API gave out.`, { argument: name });
    }
  }
}

/** An empty page has no cursors (the helpers would give out ones nobody can use). */
function dropCursorsIfEmpty(page: {
  edges: readonly unknown[];
  pageInfo: { startCursor?: string | null; endCursor?: string | null };
}) {
  if (page.edges.length === 0) page.pageInfo = { ...page.pageInfo, startCursor: null, endCursor: null };
}

/** A connection over a list held whole: the page the arguments ask for, and the total count. */
export function arrayConnection<T>(args: PageArgs, items: readonly T[]) {
  checkPageArgs(args);
  const page = resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, items);
  dropCursorsIfEmpty(page);
  return page;
}

/** A connection over a list a store pages itself: `fetch` gets the window and tells the total. */
export async function offsetConnection<T>(
  args: PageArgs,
  fetch: (offset: number, limit: number) => Promise<{ total: number; items: readonly T[] }>,
) {
  checkPageArgs(args);
  // the last items, counted from the end: the end must be known first
  const fromEnd = args.last != null && args.before == null && args.first == null;
  let total = fromEnd ? (await fetch(0, 0)).total : 0;
  const page = await resolveOffsetConnection(
    { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, ...(fromEnd ? { totalCount: total } : {}) },
    async ({ offset, limit }) => {
      const found = await fetch(offset, limit);
      total = found.total;
      return found.items;
    },
  );
  dropCursorsIfEmpty(page);
  return { ...page, totalCount: total };
}
