import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A chain of the size real chains have (新能源汽车, 60 segments over three tiers, some of them
 * sub-segments of others), with the FEEDS template between them and firms in most segments, some
 * with none: made up, the same every time, to draw the chain map at real size. Written as
 * interchange files for the importer (docs/data-format.md).
 */
export const LARGE_CHAIN = { id: 'nev-large', name: '新能源汽车（测试）' } as const;

/** Segments by tier; an entry with `parts` is a segment with sub-segments (子环节). */
const TREE: Record<'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM', (string | { name: string; parts: string[] })[]> = {
  UPSTREAM: [
    '锂矿资源',
    '钴镍资源',
    { name: '正极材料', parts: ['磷酸铁锂', '三元材料', '锰酸锂'] },
    { name: '负极材料', parts: ['人造石墨', '硅基负极'] },
    '电解液',
    '隔膜',
    '铜箔铝箔',
    '稀土永磁材料',
    '车用芯片设计',
    '功率半导体',
    '传感器',
    '汽车钢材',
    '铝合金压铸',
    '工程塑料',
    '橡胶轮胎原料',
    '玻璃与光学件',
    '锂电设备',
    '工业软件',
  ],
  MIDSTREAM: [
    { name: '动力电池', parts: ['电芯制造', '电池模组与PACK', '电池管理系统'] },
    { name: '驱动电机', parts: ['电机本体', '电机控制器'] },
    '减速器',
    '热管理系统',
    '车身与底盘',
    '线控制动',
    '线控转向',
    '智能座舱',
    { name: '自动驾驶', parts: ['激光雷达', '毫米波雷达', '域控制器'] },
    '车载通信模组',
    '高压连接器与线束',
    '车灯',
    '内外饰',
    '整车制造',
  ],
  DOWNSTREAM: [
    '整车销售与4S',
    '充电桩制造',
    '充换电运营',
    '汽车金融',
    '汽车保险',
    '网约车与分时租赁',
    '车联网服务',
    '动力电池回收',
    '二手车交易',
    '维修保养',
    '物流运输车队',
    '出行平台',
    '换电站建设',
    '电池梯次利用',
    '汽车租赁',
  ],
};

const PREFIXES = ['华', '江', '汉', '楚', '长', '鄂', '武', '光', '东', '新', '中', '恒', '瑞', '博', '宏', '天'];
const MIDDLES = ['源', '科', '达', '通', '能', '芯', '驰', '锐', '联', '盛', '泰', '欣', '力', '航', '智', '安'];
const SUFFIXES = ['科技', '新能源', '材料', '电子', '智能', '动力', '精密', '汽车'];

/** A deterministic number from a text (FNV-1a). */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

interface Row {
  [key: string]: unknown;
}

/** The chain's interchange files, as rows by table. */
export function largeChainRows(): Record<string, Row[]> {
  const segments: Row[] = [];
  const feeds: Row[] = [];
  const enterprises: Row[] = [];
  const inSegment: Row[] = [];
  const anchors: Row[] = [];
  let order = 0;
  const byTier: Record<string, string[]> = { UPSTREAM: [], MIDSTREAM: [], DOWNSTREAM: [] };
  const add = (name: string, tier: string, parentId?: string) => {
    order++;
    const id = `${LARGE_CHAIN.id}-s${String(order).padStart(2, '0')}`;
    segments.push({ id, chainId: LARGE_CHAIN.id, name, tier, order, ...(parentId ? { parentId } : {}) });
    byTier[tier]?.push(id);
    return id;
  };
  for (const [tier, entries] of Object.entries(TREE))
    for (const entry of entries) {
      if (typeof entry === 'string') add(entry, tier);
      else {
        const parent = add(entry.name, tier);
        for (const part of entry.parts) add(part, tier, parent);
      }
    }
  // the template: each upstream segment feeds one or two midstream ones, each midstream one a downstream one
  const up = byTier.UPSTREAM ?? [];
  const mid = byTier.MIDSTREAM ?? [];
  const down = byTier.DOWNSTREAM ?? [];
  up.forEach((id, i) => {
    feeds.push({ from: id, to: mid[(i * 3) % mid.length] });
    if (i % 3 === 0) feeds.push({ from: id, to: mid[(i * 3 + 5) % mid.length] });
  });
  mid.forEach((id, i) => {
    feeds.push({ from: id, to: down[i % down.length] });
  });
  // firms: none in every seventh segment (gaps), else 1 to 14, local and outside
  let n = 0;
  segments.forEach((s, i) => {
    const id = String(s.id);
    const count = i % 7 === 3 ? 0 : 1 + (hash(id) % 14);
    for (let k = 0; k < count; k++) {
      n++;
      const h = hash(`${id}-${k}`);
      const short = `${PREFIXES[h % 16]}${MIDDLES[(h >>> 4) % 16]}${SUFFIXES[(h >>> 8) % 8]}`;
      const firmId = `${LARGE_CHAIN.id}-f${String(n).padStart(4, '0')}`;
      // every third segment has no local firm: its firms are all outside
      const local = i % 3 !== 1 && k % 3 !== 2;
      enterprises.push({
        id: firmId,
        name: `武汉${short}${k}号有限公司`,
        shortName: short,
        local,
        revenue: 1000 + (h % 90000),
      });
      inSegment.push({ enterpriseId: firmId, segmentId: id });
      if (n === 3 || n === 90) anchors.push({ enterpriseId: firmId, chainId: LARGE_CHAIN.id });
    }
  });
  return {
    chains: [{ id: LARGE_CHAIN.id, name: LARGE_CHAIN.name, description: '用于检查大规模产业链全景图的测试数据' }],
    segments,
    feeds,
    enterprises,
    in_segment: inSegment,
    anchors,
  };
}

/** Writes the chain's files into `dir` (made if missing); returns it. */
export function writeLargeChain(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const [table, rows] of Object.entries(largeChainRows()))
    writeFileSync(join(dir, `${table}.jsonl`), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return dir;
}
