import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../src/bin/open-store';
import { creditCodeCheckChar } from '../src/domain/credit-code';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { tempDir } from './support/cli';
import { demoApi, type GraphQLResult, idOf } from './support/helpers';

const code = (n: number) => {
  const first17 = `91420103MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

const firm = (id: string) => ({
  id,
  name: '武汉测试供应链管理有限公司',
  shortName: '测试供应链',
  district: '江汉区',
  local: true,
  status: '存续',
  revenue: 5200,
  tags: ['招商引进'],
});

const CREATE = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { changed enterprise { id key name revenue role } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEnterpriseInput!) { updateEnterprise(id: $id, input: $input) { changed enterprise { revenue foundedOn name } } }`;
const ADD = `mutation($input: AddRelationshipInput!) { addRelationship(input: $input) { changed kind from { key } toEnterprise { key } toSegment { key } relation { product annualValue share provenance { source confidence } } } }`;
const REMOVE = `mutation($input: RelationshipKeyInput!) { removeRelationship(input: $input) { changed kind } }`;

const codeOf = (r: GraphQLResult<unknown>) => r.errors?.[0]?.extensions?.code;

async function curatedApi() {
  const dir = tempDir();
  const store = await openEmbeddedStore(dir);
  return { dir, ...(await demoApi({ store })) };
}

describe('curation mutations', () => {
  it('are refused with FORBIDDEN to the anonymous caller, viewers and analysts, and leave nothing written', async () => {
    const { query, dir } = await curatedApi();
    for (const role of [undefined, 'viewer', 'analyst'] as const) {
      const r = await query(CREATE, { input: firm(code(1)) }, role);
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.errors?.[0]?.message).toMatch(/createEnterprise needs the editor role.*Authorization: Bearer/);
    }
    const again = await EmbeddedStore.open(dir);
    expect(await again.getEnterprise(code(1))).toBeUndefined();
  });

  it('create and update an enterprise, checked like an import, durably', async () => {
    const { query, dir } = await curatedApi();
    const bad = await query(CREATE, { input: { ...firm('91420103MA0000000X'), foundedOn: '2020-13-45' } }, 'editor');
    expect(codeOf(bad)).toBe('BAD_INPUT');
    const fields = ((bad.errors?.[0]?.extensions?.problems ?? []) as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['input.id', 'input.foundedOn']));

    const created = await query<{ createEnterprise: { enterprise: { id: string; key: string; role: string } } }>(
      CREATE,
      { input: firm(code(2)) },
      'editor',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createEnterprise.enterprise).toMatchObject({ key: code(2), role: 'OTHER' });
    expect(codeOf(await query(CREATE, { input: firm(code(2)) }, 'editor'))).toBe('BAD_INPUT');

    const id = created.data?.createEnterprise.enterprise.id;
    const wrong = await query(UPDATE, { id, input: { foundedOn: 'yesterday', revenue: 1 } }, 'editor');
    expect(codeOf(wrong)).toBe('BAD_INPUT');
    expect(wrong.errors?.[0]?.message).toMatch(/input\.foundedOn/);
    const updated = await query<{
      updateEnterprise: { changed: boolean; enterprise: { revenue: number; name: string } };
    }>(UPDATE, { id, input: { revenue: 6100, foundedOn: '2019年3月2日' } }, 'editor');
    expect(updated.data?.updateEnterprise).toMatchObject({
      changed: true,
      enterprise: { revenue: 6100, name: firm('').name },
    });
    expect(codeOf(await query(UPDATE, { id: code(3), input: { revenue: 1 } }, 'editor'))).toBe('NOT_FOUND');

    const reopened = await EmbeddedStore.open(dir);
    expect(await reopened.getEnterprise(code(2))).toMatchObject({
      revenue: 6100,
      foundedOn: '2019-03-02',
      tags: ['招商引进'],
    });
  });

  it('add and remove relationships with provenance, and a gap closes when a local firm joins the segment', async () => {
    const { query, dir } = await curatedApi();
    await query(CREATE, { input: firm(code(4)) }, 'editor');
    const root = await idOf(query, '长江商贸');
    const fills = async () =>
      (
        await query<{ chain: { gapReport: { fill: { segment: { key: string } }[] } } }>(
          '{ chain(id: "logistics") { gapReport { fill { segment { key } } } } }',
        )
      ).data?.chain.gapReport.fill.map((f) => f.segment.key);
    expect(await fills()).toContain('logistics-s5');

    const joined = await query(
      ADD,
      { input: { kind: 'IN_SEGMENT', from: code(4), to: 'logistics-s5', source: '招商台账', confidence: 0.9 } },
      'editor',
    );
    expect(joined.errors).toBeUndefined();
    expect(joined.data).toMatchObject({
      addRelationship: { changed: true, kind: 'IN_SEGMENT', toSegment: { key: 'logistics-s5' } },
    });
    expect(await fills()).not.toContain('logistics-s5');

    const supply = { kind: 'SUPPLIES', from: code(4), to: root, product: '供应链方案', annualValue: 880 };
    const added = await query(ADD, { input: supply }, 'editor');
    expect(added.data).toMatchObject({
      addRelationship: {
        changed: true,
        relation: {
          product: '供应链方案',
          annualValue: 880,
          provenance: { source: 'curated by editor-tester', confidence: 1 },
        },
      },
    });
    const again = await query(ADD, { input: { ...supply, annualValue: 990 } }, 'editor');
    expect(again.data).toMatchObject({ addRelationship: { changed: false, relation: { annualValue: 990 } } });

    const problems = async (input: Record<string, unknown>) => {
      const r = await query(ADD, { input }, 'editor');
      expect(codeOf(r)).toBe('BAD_INPUT');
      return r.errors?.[0]?.message;
    };
    expect(await problems({ ...supply, to: code(5) })).toMatch(/input\.to: unknown enterprise/);
    expect(await problems({ kind: 'SUPPLIES', from: code(4), to: root })).toMatch(/input\.product: is required/);
    const held = await query<{ node: { subsidiaries: { nodes: { id: string }[] } } }>(
      'query($id: ID!) { node(id: $id) { ... on Enterprise { subsidiaries(first: 1) { nodes { id } } } } }',
      { id: root },
    );
    const child = held.data?.node.subsidiaries.nodes[0]?.id;
    expect(await problems({ kind: 'CONTROLS', from: code(4), to: child, share: 0.6 })).toMatch(
      /input\.share: the shares held in .* would sum to \d+(\.\d+)?%, over 100%/,
    );
    expect(await problems({ kind: 'SUPPLIES', from: root, to: root, product: 'x' })).toMatch(/cannot supply itself/);
    expect(await problems({ kind: 'IN_SEGMENT', from: code(4), to: 'nope' })).toMatch(
      /input\.segmentId: unknown segment 'nope'/,
    );

    const removed = await query(
      REMOVE,
      { input: { kind: 'SUPPLIES', from: code(4), to: root, product: '供应链方案' } },
      'editor',
    );
    expect(removed.data).toMatchObject({ removeRelationship: { changed: true, kind: 'SUPPLIES' } });
    expect(
      codeOf(
        await query(REMOVE, { input: { kind: 'SUPPLIES', from: code(4), to: root, product: '供应链方案' } }, 'editor'),
      ),
    ).toBe('NOT_FOUND');
    expect(codeOf(await query(REMOVE, { input: { kind: 'SUPPLIES', from: code(4), to: root } }, 'editor'))).toBe(
      'BAD_INPUT',
    );

    const reopened = await EmbeddedStore.open(dir);
    expect((await reopened.relationsOf([code(4)], 'out', 'SUPPLIES'))[0]).toEqual([]);
    expect((await reopened.segmentsOf([code(4)]))[0]?.map((s) => s.id)).toEqual(['logistics-s5']);
  });
});
