import { describe, expect, it } from 'vitest';
import type { Dataset, Enterprise } from '../src/domain/model';
import { MemoryStore } from '../src/store/memory/memory-store';

/** A small hand-built graph: root R controls A (80%) which controls B (70%, so R holds 56%),
 *  and C at 40%; X supplies A; Y supplies X; Z is unlinked. */
function firm(id: string, local = true): Enterprise {
  return { id, name: `${id}公司`, shortName: id, district: local ? '本区' : '外区', local, status: '存续', tags: [] };
}
const p = { source: 'test', confidence: 1 };
const data: Dataset = {
  products: [],
  district: [],
  enterprises: ['R', 'A', 'B', 'C', 'X', 'Y', 'Z'].map((id) => firm(id, id !== 'Y')),
  chains: [{ id: 'c', name: '链' }],
  segments: [
    { id: 's1', chainId: 'c', name: '上游', tier: 'UPSTREAM', order: 1 },
    { id: 's2', chainId: 'c', name: '中游', tier: 'MIDSTREAM', order: 2 },
  ],
  leaders: [{ id: 'l', name: '链长', title: '区长' }],
  controls: [
    { from: 'R', to: 'A', share: 0.8, ...p },
    { from: 'A', to: 'B', share: 0.7, ...p },
    { from: 'R', to: 'C', share: 0.4, ...p },
  ],
  supplies: [
    { from: 'X', to: 'A', product: '零件', ...p },
    { from: 'Y', to: 'X', product: '材料', ...p },
  ],
  inSegment: [
    { enterpriseId: 'X', segmentId: 's1', ...p },
    { enterpriseId: 'A', segmentId: 's2', ...p },
  ],
  anchors: [{ enterpriseId: 'R', chainId: 'c', ...p }],
  feeds: [{ from: 's1', to: 's2' }],
  leads: [{ leaderId: 'l', chainId: 'c' }],
};

describe('MemoryStore', () => {
  const store = new MemoryStore(data);

  it('derives systems and roles from multiplied shares', async () => {
    expect(await store.systemRoots()).toEqual(['R']);
    const [system] = await store.systems(['R']);
    expect(system?.members.map((m) => [m.enterprise.id, m.level, Math.round(m.effectiveShare * 100)])).toEqual([
      ['R', 0, 100],
      ['A', 1, 80],
      ['B', 2, 56],
    ]);
    expect(system?.affiliateIds).toEqual(['X']);
    const roles = await store.getEnterprises(['R', 'A', 'B', 'C', 'X', 'Y', 'Z', 'none']);
    expect(roles.map((e) => e?.role)).toEqual([
      'ROOT',
      'DIRECT',
      'DIRECT',
      'OTHER',
      'AFFILIATE',
      'OTHER',
      'OTHER',
      undefined,
    ]);
  });

  it('walks neighbourhoods by depth and kinds, both directions (nearest first)', async () => {
    const ids = async (id: string, depth: number, kinds: ('CONTROLS' | 'SUPPLIES')[], limit = 100) => {
      const n = await store.neighbourhood(id, { depth, kinds, limit });
      return n?.nodes
        .map((e, i) => `${e.id}${n.distances[i]}`)
        .sort((a, b) => a.slice(-1).localeCompare(b.slice(-1)) || a.localeCompare(b));
    };
    expect(await ids('A', 1, ['CONTROLS', 'SUPPLIES'])).toEqual(['A0', 'B1', 'R1', 'X1']);
    expect(await ids('A', 2, ['SUPPLIES'])).toEqual(['A0', 'X1', 'Y2']);
    expect(await ids('A', 3, ['CONTROLS'])).toEqual(['A0', 'B1', 'R1', 'C2']);
    expect(await store.neighbourhood('nope', { depth: 1, kinds: ['CONTROLS'], limit: 10 })).toBeUndefined();
  });

  it('cuts a neighbourhood at the limit and says so', async () => {
    const n = await store.neighbourhood('A', { depth: 3, kinds: ['CONTROLS', 'SUPPLIES'], limit: 3 });
    expect(n?.nodes).toHaveLength(3);
    expect(n?.truncated).toBe(true);
    expect(n?.edges.every((e) => n.nodes.some((x) => x.id === e.from) && n.nodes.some((x) => x.id === e.to))).toBe(
      true,
    );
  });

  it('lists chains with segments in order, feeds, leaders and anchors', async () => {
    const [chain] = await store.chainsById(['c']);
    expect(chain?.segments.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(chain?.feeds).toEqual([{ from: 's1', to: 's2' }]);
    expect(chain?.leaders.map((l) => l.name)).toEqual(['链长']);
    expect(chain?.anchorIds).toEqual(['R']);
    const [members = []] = await store.chainMembers(['c']);
    expect(members.map((m) => `${m.enterprise.id}@${m.segmentId}`)).toEqual(['X@s1', 'A@s2']);
    expect(await store.segmentsOf(['A'])).toEqual([[expect.objectContaining({ id: 's2' })]]);
  });

  it('searches names and short names, exact short name first', async () => {
    const search = (text: string, limit: number) => store.search({ text, order: 'RELEVANCE', offset: 0, limit });
    expect((await search('A', 10)).items.map((e) => e.id)).toEqual(['A']);
    expect((await search('公司', 3)).items.length).toBe(3);
    expect((await search('  ', 10)).total).toBe(7);
  });
});
