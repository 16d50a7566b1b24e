import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, request } from '../src/api';
import { prefetchOpenedPage } from '../src/prefetch';
import { NeighbourhoodQuery } from '../src/queries/enterprise';
import { neighbourhoodVariables, readView } from '../src/state/explorer-url';
import { keepToken } from '../src/state/token';

const original = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = original;
  keepToken(null);
});

/** Counts fetches and answers each with `body`. */
function fakeServer(body: unknown, status = 200) {
  const sent: string[] = [];
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    sent.push(String(init.body));
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return sent;
}

const ANSWER = { data: { neighbourhood: null } };
const LINK = { pathname: '/explore', search: '?e=914201&depth=2&limit=500' };
const variablesOf = (search: string) => {
  const view = readView(new URLSearchParams(search));
  return neighbourhoodVariables({ ...view, centre: view.centre ?? '' });
};

describe('the data of an opened explorer link, asked for before the app loads', () => {
  it('is sent once, and the explorer’s own request with the same variables takes it', async () => {
    const sent = fakeServer(ANSWER);
    prefetchOpenedPage(LINK);
    expect(sent).toHaveLength(1);
    expect(await request(NeighbourhoodQuery, variablesOf(LINK.search))).toEqual(ANSWER.data);
    expect(sent).toHaveLength(1);
    // taken once: the next request goes to the server
    await request(NeighbourhoodQuery, variablesOf(LINK.search));
    expect(sent).toHaveLength(2);
  });

  it('is not used for other variables, and nothing is sent for other pages', async () => {
    const sent = fakeServer(ANSWER);
    prefetchOpenedPage({ pathname: '/', search: '' });
    prefetchOpenedPage({ pathname: '/explore', search: '' });
    expect(sent).toHaveLength(0);
    prefetchOpenedPage({ pathname: '/explore', search: '?e=914202' });
    await request(NeighbourhoodQuery, variablesOf('?e=914202&depth=3'));
    expect(sent).toHaveLength(2);
  });

  it('failed, is asked for again by the request that takes it, which reports the failure', async () => {
    const sent = fakeServer({ errors: [{ message: 'too busy', extensions: { code: 'RATE_LIMITED' } }] }, 429);
    prefetchOpenedPage({ pathname: '/explore', search: '?e=914203' });
    const failed = await request(NeighbourhoodQuery, variablesOf('?e=914203')).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe('RATE_LIMITED');
    expect(sent).toHaveLength(2);
  });

  it('is not taken by a request made under another token', async () => {
    const sent = fakeServer(ANSWER);
    prefetchOpenedPage({ pathname: '/explore', search: '?e=914204' });
    keepToken('ca_another');
    await request(NeighbourhoodQuery, variablesOf('?e=914204'));
    expect(sent).toHaveLength(2);
  });
});
