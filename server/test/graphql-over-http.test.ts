import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app';
import { readDataset } from '../src/import/importer';
import { DEMO_DATA_DIR } from '../src/paths';
import { MemoryStore } from '../src/store/memory/memory-store';

/**
 * The GraphQL over HTTP spec, as the graphql-http package audits a server: every audit (MUST and
 * SHOULD) against the HTTP server Chain Atlas runs, on a loopback port.
 */
// the audits send their requests at once: no rate limit here (http-limits.test.ts tests it)
const { server } = createApp({
  store: new MemoryStore(await readDataset([DEMO_DATA_DIR])),
  limits: { perAddress: 0, perToken: 0 },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('GraphQL over HTTP: the graphql-http server audits', () => {
  const audits = serverAudits({ url });
  it('has the audits', () => expect(audits.length).toBeGreaterThan(50));
  it.each(audits.map((a) => [a.name, a] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
  });
});
