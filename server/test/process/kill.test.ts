import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log';
import { hashToken } from '../../src/auth/tokens';
import { creditCodeCheckChar } from '../../src/domain/credit-code';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';
import { emptyDataset } from '../../src/store/port';
import { demoStoreCopy, tempDir } from '../support/cli';
import { startServerProcess } from './server-process';

const EDITOR = 'kill-test-editor-token';
const code = (n: number) => {
  const first17 = `91420103MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const CREATE = 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed } }';

/**
 * The server killed (SIGKILL) at random moments while an editor's mutations stream in: on restart
 * every acknowledged mutation is in the store and in the audit log, and the store opens whole.
 */
describe('a server killed at any moment of its writes', () => {
  it('restarts with every acknowledged mutation and its audit entry, and no half-written state', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const dataDir = await demoStoreCopy();
    const auditFile = `${tempDir()}/audit.jsonl`;
    const acknowledged: string[] = [];
    let n = 0;
    for (let round = 0; round < 4; round++) {
      const server = await startServerProcess({
        CHAIN_DATA_DIR: dataDir,
        CHAIN_AUDIT_FILE: auditFile,
        CHAIN_TOKENS: `killer:editor:${hashToken(EDITOR)}`,
        CHAIN_RATE_PER_TOKEN: '0',
        CHAIN_MS_PER_SECOND: '0',
      });
      // two writers at once, until the kill
      const killAt = 300 + random() * 1200;
      const stopAt = Date.now() + killAt;
      const writer = async () => {
        while (Date.now() < stopAt + 1000) {
          const id = code(++n);
          try {
            const response = await fetch(`${server.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` },
              body: JSON.stringify({
                query: CREATE,
                variables: {
                  input: {
                    id,
                    name: `武汉断电测试${n}有限公司`,
                    shortName: `断电${n}`,
                    district: '江汉区',
                    local: true,
                    status: '存续',
                  },
                },
              }),
            });
            const body = (await response.json()) as { data?: { createEnterprise?: { changed: boolean } } };
            if (body.data?.createEnterprise?.changed) acknowledged.push(id);
          } catch {
            return; // the server is gone: what was not answered was not acknowledged
          }
        }
      };
      const writers = Promise.all([writer(), writer()]);
      await new Promise((resolve) => setTimeout(resolve, killAt));
      server.child.kill('SIGKILL');
      await writers;
      expect((await server.exited).signal).toBe('SIGKILL');
    }
    expect(acknowledged.length, `${acknowledged.length} acknowledged`).toBeGreaterThan(10);

    const store = await EmbeddedStore.open(dataDir);
    const found = await store.getEnterprises(acknowledged);
    expect(found.filter((e) => e === undefined)).toHaveLength(0);
    const audit = new AuditLog(auditFile).all();
    const audited = new Set(
      audit.filter((e) => e.action === 'createEnterprise' && e.outcome === 'ok').map((e) => e.target),
    );
    expect(acknowledged.filter((id) => !audited.has(id))).toEqual([]);
    // and the store takes writes again after the kills (no lock, no segment left in the way)
    await store.commit({ ...emptyDataset(), chains: [{ id: 'after-kill', name: '断电之后' }] }, 'after the kills');
  }, 120_000);
});
