import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requestBody } from '../src/api';
import { formatManifest, persistedOperations } from '../src/persisted';
import { NeighbourhoodQuery, SearchEnterprisesQuery } from '../src/queries';

describe('persisted operations (trusted documents)', () => {
  it('src/persisted-operations.json holds every operation of queries.ts, as it is now (run `pnpm persist` in web/)', async () => {
    const file = new URL('../src/persisted-operations.json', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(formatManifest(await persistedOperations()));
  });

  it("sends the app's operations by hash only", () => {
    for (const document of [SearchEnterprisesQuery, NeighbourhoodQuery]) {
      const body = JSON.parse(requestBody(document, { id: 'x' }));
      expect(body.query).toBeUndefined();
      expect(body.extensions.persistedQuery).toEqual({
        version: 1,
        sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(body.variables).toEqual({ id: 'x' });
    }
  });
});
