import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/domain/model';
import type { CypherFile } from '../src/store/neo4j/cypher-catalog';
import { Neo4jGateway } from '../src/store/neo4j/gateway';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store';
import { type EnterpriseRecord, emptyDataset } from '../src/store/port';
import { RecordingDriver, textOf } from './support/fake-neo4j';

/**
 * The Neo4jStore against a recording fake driver: the file of cypher/ and the parameters each
 * method sends are pinned in snapshots (a change to which query runs, or with what, shows in
 * review; a change to a query's text alone does not), and its handling of answers,
 * sessions and transactions is checked without a server.
 */
const firm = (id: string, extra: Partial<EnterpriseRecord> = {}): EnterpriseRecord => ({
  id,
  name: `${id}有限公司`,
  shortName: id,
  district: '本区',
  local: true,
  status: '存续',
  tags: [],
  role: 'OTHER',
  ...extra,
});

/** A tiny graph: A supplies B, B supplies C, R controls A at 80%. */
const GRAPH: Record<string, string[]> = { A: ['B', 'R'], B: ['A', 'C'], C: ['B'], R: ['A'] };

function respond(file: CypherFile, p: Record<string, unknown>): Record<string, unknown>[] {
  const ids = (p.ids as string[] | undefined) ?? [];
  switch (file) {
    case 'queries/get-enterprises':
      return ids.filter((id) => id in GRAPH).map((id) => ({ e: firm(id) }));
    case 'queries/neighbourhood-hop': {
      const seen = new Set(p.seen as string[]);
      const next = [...new Set((p.frontier as string[]).flatMap((id) => GRAPH[id] ?? []))].filter(
        (id) => !seen.has(id),
      );
      return next.slice(0, Number(p.room)).map((id) => ({ id }));
    }
    case 'queries/neighbourhood-edges':
      return [
        { kind: 'SUPPLIES', from: 'A', to: 'B', r: { product: '零件', source: 's', confidence: 1 } },
        { kind: 'CONTROLS', from: 'R', to: 'A', r: { share: 0.8, source: 's', confidence: 1 } },
      ].filter((e) => ids.includes(e.from) && ids.includes(e.to));
    case 'queries/existing-nodes':
      return p.label === 'Enterprise' ? ids.filter((id) => id in GRAPH).map((id) => ({ id, props: firm(id) })) : [];
    case 'queries/holdings':
      return [{ from: 'R', to: 'A', share: 0.8 }];
    case 'queries/relations-out':
      return ids.includes('R') ? [{ id: 'R', from: 'R', to: 'A', r: { share: 0.8, source: 's', confidence: 1 } }] : [];
    case 'queries/relations':
      return (p.keys as { index: number; kind: string; from: string; to: string }[])
        .filter((k) => k.kind === 'CONTROLS' && k.from === 'R' && k.to === 'A')
        .map((k) => ({
          index: k.index,
          kind: 'CONTROLS',
          from: 'R',
          to: 'A',
          r: { share: 0.8, source: 's', confidence: 1 },
        }));
    case 'queries/shortest-paths':
      return [
        {
          nodeIds: ['R', 'A', 'B'],
          relations: [
            { kind: 'CONTROLS', from: 'R', to: 'A', r: { share: 0.8, source: 's', confidence: 1 } },
            { kind: 'SUPPLIES', from: 'A', to: 'B', r: { product: '零件', source: 's', confidence: 1 } },
          ],
        },
      ];
    case 'queries/existing-relationships':
      return (p.keys as { from: string; to: string; product: string | null }[])
        .filter((k) => p.kind === 'CONTROLS' && k.from === 'R' && k.to === 'A')
        .map((k) => ({ ...k, r: { share: 0.8 } }));
    case 'queries/supply-partners':
      return ids.map((id) => ({ id, partners: (GRAPH[id] ?? []).filter((o) => o !== 'R') }));
    case 'queries/chains':
      return [
        {
          chain: { id: 'c', name: '链' },
          segments: [{ id: 's1', chainId: 'c', name: '上游', tier: 'UPSTREAM', order: 1 }],
          feeds: [],
          leaders: [{ id: 'l', name: '链长', title: '区长' }],
          anchorIds: ['R'],
        },
      ];
    default:
      return [];
  }
}

function storeWith(driver = new RecordingDriver(respond)) {
  return { driver, store: new Neo4jStore(new Neo4jGateway(driver, 'chains', 12_000)) };
}

describe('Neo4jStore (recording driver)', () => {
  it('reads enterprises in a read transaction with a timeout, and closes every session', async () => {
    const { driver, store } = storeWith();
    expect(await store.getEnterprises(['A', 'nope', 'B'])).toEqual([firm('A'), undefined, firm('B')]);
    expect(driver.calls).toMatchSnapshot();
    expect(driver.calls[0]).toMatchObject({ mode: 'READ', database: 'chains', timeout: 12_000 });
    expect(driver.openSessions).toBe(0);
  });

  it('walks a neighbourhood hop by hop, then fetches the enterprises and the relationships among them', async () => {
    const { driver, store } = storeWith();
    const n = await store.neighbourhood('A', { depth: 2, kinds: ['CONTROLS', 'SUPPLIES'], limit: 10 });
    expect(n?.nodes.map((e) => e.id)).toEqual(['A', 'B', 'R', 'C']);
    expect(n?.distances).toEqual([0, 1, 1, 2]);
    expect(n?.edges).toEqual([
      { kind: 'SUPPLIES', from: 'A', to: 'B', product: '零件', source: 's', confidence: 1 },
      { kind: 'CONTROLS', from: 'R', to: 'A', share: 0.8, source: 's', confidence: 1 },
    ]);
    expect(n?.truncated).toBe(false);
    expect(driver.calls.map((c) => c.file)).toEqual([
      'queries/get-enterprises',
      'queries/neighbourhood-hop',
      'queries/neighbourhood-hop',
      'queries/get-enterprises',
      'queries/neighbourhood-edges',
    ]);
    expect(new Set(driver.calls.map((c) => c.mode))).toEqual(new Set(['READ']));
    expect(driver.calls).toMatchSnapshot();
  });

  it('says when the limit cut a neighbourhood short, and sends kinds only from the allow-list', async () => {
    const { driver, store } = storeWith();
    const n = await store.neighbourhood('A', { depth: 3, kinds: ['SUPPLIES', 'DROP DATABASE' as never], limit: 2 });
    expect(n?.nodes).toHaveLength(2);
    expect(n?.truncated).toBe(true);
    expect(driver.calls.find((c) => c.file === 'queries/neighbourhood-hop')?.parameters.kinds).toEqual(['SUPPLIES']);
  });

  it('gives no neighbourhood for an unknown enterprise', async () => {
    const { store } = storeWith();
    expect(await store.neighbourhood('nope', { depth: 1, kinds: ['SUPPLIES'], limit: 5 })).toBeUndefined();
  });

  it('derives systems from the holdings', async () => {
    const { driver, store } = storeWith();
    expect(await store.systemRoots()).toEqual(['R']);
    const [system, none] = await store.systems(['R', 'A']);
    expect(system?.members.map((m) => [m.enterprise.id, m.level, m.effectiveShare])).toEqual([
      ['R', 0, 1],
      ['A', 1, 0.8],
    ]);
    expect(system?.affiliateIds).toEqual(['B']);
    expect(none).toBeUndefined();
    expect(driver.calls).toMatchSnapshot();
  });

  it('reads chains with segments, template, leaders and anchors', async () => {
    const { driver, store } = storeWith();
    expect(await store.chainsById(['c', 'x'])).toEqual([
      expect.objectContaining({ id: 'c', anchorIds: ['R'], leaders: [expect.objectContaining({ name: '链长' })] }),
      undefined,
    ]);
    expect(driver.calls[0]?.parameters).toEqual({ ids: ['c', 'x'] });
    await store.chains();
    expect(driver.calls[1]?.parameters).toEqual({ ids: null });
  });

  it('searches through the full-text index, or by substring for one character', async () => {
    const { driver, store } = storeWith();
    await store.search({ text: '长江"商贸', order: 'RELEVANCE', offset: 0, limit: 5 });
    await store.search({ text: '长', order: 'NAME', offset: 20, limit: 5, local: false, tier: 'UPSTREAM' });
    await store.search({ order: 'REVENUE', offset: 0, limit: 5, segmentId: 's1', chainId: 'c' });
    await store.search({ text: 'CJsm', order: 'RELEVANCE', offset: 0, limit: 5 });
    expect(driver.calls.map((c) => c.file)).toEqual([
      'queries/search',
      'queries/search-scan',
      'queries/search-scan',
      'queries/search-initials',
    ]);
    expect(driver.calls[3]?.parameters).toMatchObject({ query: 'cjsm', subsequence: '.*c.*j.*s.*m.*' });
    expect(driver.calls[0]?.parameters.phrase).toBe('"长江\\"商贸"');
    expect(driver.calls).toMatchSnapshot();
  });

  it('searches names in search form (brackets and letters of either width alike), an id as given', async () => {
    const { driver, store } = storeWith();
    await store.search({ text: ' 人形机器人(上海) ', order: 'RELEVANCE', offset: 0, limit: 5 });
    await store.search({ text: 'ＴＥＳＬＡ', order: 'RELEVANCE', offset: 0, limit: 5 });
    await store.search({ text: 'Ａ', order: 'RELEVANCE', offset: 0, limit: 5 });
    expect(driver.calls.map((c) => c.file)).toEqual([
      'queries/search',
      'queries/search-initials',
      'queries/search-scan',
    ]);
    expect(driver.calls[0]?.parameters).toMatchObject({
      query: '人形机器人(上海)',
      phrase: '"人形机器人(上海)"',
      id: '人形机器人(上海)',
    });
    expect(driver.calls[1]?.parameters).toMatchObject({ query: 'tesla', subsequence: '.*t.*e.*s.*l.*a.*' });
    expect(driver.calls[2]?.parameters).toMatchObject({ query: 'a', id: 'Ａ' });
    for (const call of driver.calls) expect(textOf(call.file)).toContain('coalesce(e.searchName, toLower(e.name))');
  });

  it('imports in one write transaction, nodes before relationships, integers as Neo4j integers, then the roles', async () => {
    const { driver, store } = storeWith();
    const rows = {
      chains: [{ id: 'c', name: '链' }],
      segments: [{ id: 's1', chainId: 'c', name: '上游', tier: 'UPSTREAM' as const, order: 1 }],
      feeds: [],
      leaders: [],
      leads: [],
      enterprises: [
        {
          id: 'A',
          name: 'A公司',
          shortName: 'A',
          district: '本区',
          local: true,
          status: '存续',
          employees: 12,
          tags: [],
        },
      ],
      anchors: [],
      inSegment: [{ enterpriseId: 'A', segmentId: 's1', source: 's', confidence: 1 }],
      controls: [{ from: 'R', to: 'A', share: 0.8, source: 's', confidence: 1 }],
      supplies: [],
      products: [],
      district: [],
    };
    const counts = await store.commit(rows);
    expect(counts.enterprises).toEqual({ added: 0, updated: 1, unchanged: 0 }); // A is there, with another name
    expect(new Set(driver.calls.map((c) => c.mode))).toEqual(new Set(['WRITE'])); // check, plan and write: one transaction
    const writes = driver.calls.filter(
      (c) => c.file.startsWith('import/') || c.file === 'queries/holdings' || c.file === 'queries/supply-partners',
    );
    expect(writes.map((c) => c.file)).toEqual([
      'import/write-lock', // first: one writer at a time, each checking what the one before wrote
      'import/chains',
      'import/segments',
      'import/enterprises',
      'import/in-segment',
      'import/controls',
      'queries/holdings',
      'queries/supply-partners',
      'import/roles-clear',
      'import/roles-set',
    ]);
    expect(writes.find((c) => c.file === 'import/roles-set')?.parameters.rows).toEqual([
      { id: 'R', role: 'ROOT' },
      { id: 'A', role: 'DIRECT' },
      { id: 'B', role: 'AFFILIATE' },
    ]);
    expect(driver.calls).toMatchSnapshot();
  });

  it('gives a big import longer than a request to commit: 2 ms a row where that is longer than the gateway timeout', async () => {
    const { driver, store } = storeWith();
    const rows = { ...emptyDataset(), enterprises: Array.from({ length: 10_000 }, (_, i) => firm(`E${i}`)) };
    await store.commit(rows);
    const importing = driver.calls.filter((c) => c.file !== 'import/replan');
    expect(new Set(importing.map((c) => c.timeout))).toEqual(new Set([20_000]));
    driver.calls.length = 0;
    await store.commit({ ...emptyDataset(), enterprises: [firm('E1')] });
    expect(new Set(driver.calls.map((c) => c.timeout))).toEqual(new Set([12_000]));
  });

  it('has Neo4j plan its queries afresh after a large import, not after an edit, and lets a refusal pass', async () => {
    const big = { ...emptyDataset(), enterprises: Array.from({ length: 1000 }, (_, i) => firm(`E${i}`)) };
    const { driver, store } = storeWith();
    await store.commit(big);
    expect(driver.calls.at(-1)?.file).toBe('import/replan');
    driver.calls.length = 0;
    await store.commit({ ...emptyDataset(), enterprises: [firm('E1')] });
    expect(driver.calls.map((c) => c.file)).not.toContain('import/replan');
    // a user who may not clear the caches: the import stands
    const refusing = storeWith(
      new RecordingDriver((file, parameters) => {
        if (file === 'import/replan')
          throw Object.assign(new Error('denied'), { code: 'Neo.ClientError.Security.Forbidden' });
        return respond(file, parameters);
      }),
    );
    await expect(refusing.store.commit(big)).resolves.toMatchObject({ enterprises: expect.any(Object) });
  });

  it('maps Neo4j errors to coded API errors and still closes the session', async () => {
    const failing = new RecordingDriver(() => {
      throw Object.assign(new Error('connection lost'), { code: 'ServiceUnavailable' });
    });
    const { store } = storeWith(failing);
    await expect(store.getEnterprises(['A'])).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(failing.openSessions).toBe(0);
  });

  it('says a transaction over the memory limit of Neo4j is too big, not to try again', async () => {
    const failing = new RecordingDriver(() => {
      throw Object.assign(new Error('The allocation of an extra 2.0 MiB would use more than the limit 537.6 MiB.'), {
        code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      });
    });
    const { store } = storeWith(failing);
    const error = await store.commit({ ...emptyDataset(), chains: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'TOO_COMPLEX' } });
    expect((error as Error).message).toMatch(/too big for one transaction.*smaller imports.*537\.6 MiB/);
    expect(failing.openSessions).toBe(0);
  });

  it('creates the schema one statement at a time', async () => {
    const { driver, store } = storeWith();
    await store.ensureSchema();
    expect(driver.calls.every((c) => c.mode === 'WRITE' && c.file.startsWith('schema/'))).toBe(true);
    expect(driver.calls.map((c) => `${c.file} ${c.statement}`)).toMatchSnapshot();
  });
});

describe('Neo4jStore: the Cypher and parameters of every other method', () => {
  it('relationsOf, relations and shortestPaths', async () => {
    const { driver, store } = storeWith();
    expect(await store.relationsOf(['R', 'A'], 'out', 'CONTROLS')).toEqual([
      [{ kind: 'CONTROLS', from: 'R', to: 'A', share: 0.8, source: 's', confidence: 1 }],
      [],
    ]);
    expect(await store.relationsOf(['R'], 'in', 'DROP' as never)).toEqual([[]]);
    const [found, missing] = await store.relations([
      { kind: 'CONTROLS', from: 'R', to: 'A' },
      { kind: 'SUPPLIES', from: 'A', to: 'B', product: '零件' },
    ]);
    expect(found).toMatchObject({ kind: 'CONTROLS', share: 0.8 });
    expect(missing).toBeUndefined();
    const paths = await store.shortestPaths('R', 'B', { maxHops: 4, kinds: ['CONTROLS', 'SUPPLIES'], limit: 3 });
    expect(paths?.[0]?.relations.map((r) => r.kind)).toEqual(['CONTROLS', 'SUPPLIES']);
    expect(await store.shortestPaths('R', 'nope', { maxHops: 4, kinds: ['SUPPLIES'], limit: 3 })).toBeUndefined();
    expect(driver.calls).toMatchSnapshot();
  });

  it('removes relationships that are there in one write transaction, then derives the roles', async () => {
    const { driver, store } = storeWith();
    const removed = await store.remove(
      [
        { kind: 'controls', from: 'R', to: 'A' },
        { kind: 'supplies', from: 'A', to: 'B', product: '没有' },
      ],
      'test',
    );
    expect(removed).toEqual([{ kind: 'controls', from: 'R', to: 'A' }]);
    expect(driver.calls.map((c) => `${c.mode} ${c.file}`)).toEqual([
      'WRITE import/write-lock',
      'WRITE queries/existing-relationships',
      'WRITE queries/existing-relationships',
      'WRITE import/remove-controls',
      'WRITE queries/holdings',
      'WRITE queries/supply-partners',
      'WRITE import/roles-clear',
      'WRITE import/roles-set',
    ]);
    expect(driver.calls).toMatchSnapshot();
  });

  it('plans an enterprise whose attributes are stored as they are given as unchanged', async () => {
    const attributes = { 经营范围: '物流', 英文名: 'A Co.' };
    const stored = { id: 'A', name: 'A公司', tags: [], attributes: JSON.stringify(attributes) };
    const { store } = storeWith(
      new RecordingDriver((file, p) =>
        file === 'queries/existing-nodes' && p.label === 'Enterprise' ? [{ id: 'A', props: stored }] : [],
      ),
    );
    const rows = {
      ...emptyDataset(),
      enterprises: [{ id: 'A', name: 'A公司', shortName: 'A', local: true, tags: [], attributes }],
    };
    const same = { ...rows, enterprises: [{ id: 'A', name: 'A公司', tags: [], attributes }] } as unknown as Dataset;
    expect((await store.plan(same)).counts.enterprises).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect((await store.plan(rows)).counts.enterprises).toEqual({ added: 0, updated: 1, unchanged: 0 });
  });

  it('plans a row that leaves out stored properties as the embedded store does', async () => {
    // an enterprise keeps what its row leaves out (its derived `local`); a segment row replaces the segment
    const stored: Record<string, Record<string, unknown>> = {
      Enterprise: { id: 'A', name: 'A公司', shortName: 'A', local: false, derived: ['local'], tags: [] },
      Segment: { id: 's1', chainId: 'c', name: '上游', tier: 'UPSTREAM', order: 1, products: ['钢材'] },
    };
    const { store } = storeWith(
      new RecordingDriver((file, p) => {
        const props = file === 'queries/existing-nodes' ? stored[p.label as string] : undefined;
        return props ? [{ id: props.id, props }] : [];
      }),
    );
    const rows = {
      ...emptyDataset(),
      enterprises: [{ id: 'A', name: 'A公司', tags: [] }],
      segments: [{ id: 's1', chainId: 'c', name: '上游', tier: 'UPSTREAM' as const, order: 1 }],
    } as unknown as Dataset;
    const { counts } = await store.plan(rows);
    expect(counts.enterprises).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(counts.segments).toEqual({ added: 0, updated: 1, unchanged: 0 }); // it drops the products
  });

  it('writes what a firm makes with the product as the node, not as a property of MAKES', async () => {
    const { driver, store } = storeWith();
    const rows = {
      ...emptyDataset(),
      products: [{ enterpriseId: 'A', product: '钢材', share: 0.4, source: 's', confidence: 1 }],
    };
    await store.commit(rows, 'test');
    expect(driver.calls.find((c) => c.file === 'import/products')?.parameters.rows).toEqual([
      { enterpriseId: 'A', product: '钢材', props: { share: 0.4, source: 's', confidence: 1 } },
    ]);
  });

  it('chainMembers, segmentsOf, segmentsById, anchoredBy, ownersOf, view and plan', async () => {
    const { driver, store } = storeWith();
    await store.chainMembers(['c']);
    await store.segmentsOf(['A']);
    await store.segmentsById(['s1']);
    await store.anchoredBy(['R']);
    await store.ownersOf(['A', 'B']);
    const rows = {
      chains: [],
      segments: [{ id: 's2', chainId: 'c', name: '中游', tier: 'MIDSTREAM' as const, order: 2 }],
      feeds: [{ from: 's1', to: 's2' }],
      leaders: [],
      leads: [],
      enterprises: [],
      anchors: [],
      inSegment: [],
      controls: [{ from: 'R', to: 'A', share: 0.9, source: 's', confidence: 1 }],
      supplies: [{ from: 'A', to: 'B', product: '零件', source: 's', confidence: 1 }],
      products: [],
      district: [],
    };
    const view = await store.view(rows);
    expect(view.has('enterprises', 'A')).toBe(true);
    await store.plan(rows);
    expect(new Set(driver.calls.map((c) => c.mode))).toEqual(new Set(['READ']));
    expect(driver.calls).toMatchSnapshot();
  });
});
