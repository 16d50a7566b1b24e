import type { Enterprise, EnterpriseRole, Neighbourhood, Relation } from '../src/queries/enterprise';

export function enterprise(id: string, role: EnterpriseRole = 'DIRECT', local = true): Enterprise {
  return {
    id,
    key: `key-${id}`,
    name: `${id}有限公司`,
    shortName: id,
    district: '湖北省武汉市江汉区',
    city: null,
    province: null,
    local,
    park: null,
    status: '存续',
    industry: null,
    stockCode: null,
    derivedFields: [],
    attributes: [],
    foundedOn: null,
    registeredCapital: null,
    registeredCapitalCurrency: 'CNY',
    employees: null,
    revenue: null,
    tags: [],
    role,
    segments: [],
  };
}

export function relation(id: string, kind: Relation['kind'], fromId: string, toId: string): Relation {
  return {
    id,
    kind,
    fromId,
    toId,
    share: kind === 'CONTROLS' ? 0.51 : null,
    product: kind === 'SUPPLIES' ? '冷链设备' : null,
  };
}

/** 长江商贸 (root) controls 长江快运 and is supplied by 隆信 (outside the district). */
export function neighbourhood(): Neighbourhood {
  return {
    centre: { id: '长江商贸' },
    truncated: false,
    nodes: [
      { distance: 1, enterprise: enterprise('隆信', 'AFFILIATE', false) },
      { distance: 0, enterprise: enterprise('长江商贸', 'ROOT') },
      { distance: 1, enterprise: enterprise('长江快运', 'DIRECT') },
    ],
    edges: [relation('r1', 'CONTROLS', '长江商贸', '长江快运'), relation('r2', 'SUPPLIES', '隆信', '长江商贸')],
  };
}

/** A seeded pseudo-random generator (mulberry32): the same random graphs on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
