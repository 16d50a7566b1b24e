import { describe, expect, it } from 'vitest';
import { demoStoreCopy } from '../support/cli';
import { startServerProcess } from './server-process';

describe('SIGTERM', () => {
  it('says it is stopping on /readyz while it drains, finishes the requests under way, refuses new connections, and exits 0', async () => {
    const server = await startServerProcess({ CHAIN_DATA_DIR: await demoStoreCopy(), CHAIN_DRAIN_MS: '1000' });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    // a request of some weight (every chain's gap report), then the signal while it runs
    const answer = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ chains { nodes { gapReport { fill { segment { name } } } } } }' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGTERM');
    // while it drains, it says it is not ready (a load balancer stops sending), and still answers
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'stopping' });
    const response = await answer;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { chains: { nodes: unknown[] } } }).data.chains.nodes.length).toBe(11);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    const lines = server
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; reqId?: string });
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['SIGTERM: finishing the requests under way, then stopping', 'stopped']),
    );
  }, 60_000);
});
