import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { creditCodeCheckChar, orgCodeCheckChar } from '@chain-atlas/server/domain/credit-code';
import { jsonlFile, type Kind } from '@chain-atlas/server/interchange/format';
import { CHAINS } from './chains';
import { ELSEWHERE, HOME } from './names';
import { Random } from './random';

/**
 * Scale data sets for benchmarks, in the interchange format: S (10k enterprises / 30k
 * relationships), M (100k / 400k), L (1M / 4M). Deterministic. A city or a province runs more
 * chains than a district: S has the district's 11, M 44 and L 176 (copies of the 11, each in a
 * place of its own), so that a chain keeps about 900 / 2,300 / 5,700 enterprises. Every enterprise works in a
 * segment; ownership forms forests up to 6 levels deep; SUPPLIES has a power-law degree, a few
 * hubs supplying thousands of customers. Written a row at a time, so L needs little memory
 * beyond its ids.
 */
export const SIZES = {
  S: { enterprises: 10_000, relationships: 30_000, chainCopies: 1 },
  M: { enterprises: 100_000, relationships: 400_000, chainCopies: 4 },
  L: { enterprises: 1_000_000, relationships: 4_000_000, chainCopies: 16 },
} as const;
export type Size = keyof typeof SIZES;

const MAX_LEVELS = 6;
const SYLLABLES = [...'恒瑞盛达鑫宏远博华通安泰嘉锦润信德源辰凯睿天中融汇新联创拓卓越顺丰裕隆景明昊宇铭泽晟弘誉康力'];
const SOURCES = ['企业填报', '链长办走访', '招标采购公告', '年报披露'];

/** Writes one JSON Lines file, buffered. */
class LineWriter {
  private readonly fd: number;
  private buffer = '';
  count = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(row: object): void {
    this.buffer += `${JSON.stringify(row)}\n`;
    this.count++;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface ScaleCounts {
  enterprises: number;
  relationships: number;
  byKind: Partial<Record<Kind, number>>;
}

export function generateScale(size: Size, dir: string, seed = 7): ScaleCounts {
  const target = SIZES[size];
  const n = target.enterprises;
  const random = new Random(seed);
  mkdirSync(dir, { recursive: true });
  const writers = new Map<Kind, LineWriter>();
  const out = (kind: Kind) => {
    let w = writers.get(kind);
    if (!w) {
      w = new LineWriter(join(dir, jsonlFile(kind)));
      writers.set(kind, w);
    }
    return w;
  };
  const provenance = () => ({
    source: random.pick(SOURCES),
    confidence: random.round(0.6, 1, 2),
    verifiedAt: random.date(2024, 2025),
  });

  // The chain side: the demo district's 11 chains.
  const segmentIds: string[] = [];
  /** segment id → the word firms of it put in their names */
  const segmentWord = new Map<string, string>();
  const chainIds: string[] = [];
  for (let copy = 0; copy < target.chainCopies; copy++) {
    for (const spec of CHAINS) {
      const chain = copy === 0 ? spec.id : `${spec.id}-${copy + 1}`;
      chainIds.push(chain);
      out('chains').write({ id: chain, name: copy === 0 ? spec.name : `${spec.name}（${copy + 1}）` });
      spec.segments.forEach((s, i) => {
        const id = `${chain}-s${i + 1}`;
        segmentIds.push(id);
        segmentWord.set(id, s.words[0] ?? '科技');
        out('segments').write({ id, chainId: chain, name: s.name, tier: s.tier, order: i + 1 });
      });
      for (const [from, to] of spec.feeds)
        out('feeds').write({ from: `${chain}-s${from + 1}`, to: `${chain}-s${to + 1}` });
      out('leaders').write({ id: `leader-${chain}`, name: spec.leader.name, title: spec.leader.title });
      out('leads').write({ leaderId: `leader-${chain}`, chainId: chain });
    }
  }

  // Enterprises, each in a segment (one in ten in two).
  const ids: string[] = new Array(n);
  const codes = new Set<string>();
  for (let i = 0; i < n; i++) {
    const local = random.chance(0.3);
    const place = local ? HOME : random.pick(ELSEWHERE);
    let id: string;
    do {
      let org = '';
      for (let k = 0; k < 8; k++) org += String(random.int(0, 9));
      const first17 = `91${place.area}${org}${orgCodeCheckChar(org)}`;
      id = first17 + creditCodeCheckChar(first17);
    } while (codes.has(id));
    codes.add(id);
    ids[i] = id;
    const brand = random.pick(SYLLABLES) + random.pick(SYLLABLES);
    const segment = random.pick(segmentIds);
    const word = segmentWord.get(segment) ?? '科技';
    const revenue = Math.round(random.next() ** 3 * 500_000) + 500;
    out('enterprises').write({
      id,
      name: `${random.pick(place.prefixes)}${brand}${word}有限公司`,
      shortName: `${brand}${word}`,
      district: place.district,
      local,
      status: '存续',
      foundedOn: random.date(1990, 2024),
      revenue,
      employees: Math.max(5, Math.round(revenue / random.int(50, 150))),
      tags: [],
    });
    out('inSegment').write({ enterpriseId: id, segmentId: segment, ...provenance() });
    if (random.chance(0.1)) {
      const second = random.pick(segmentIds);
      if (second !== segment) out('inSegment').write({ enterpriseId: id, segmentId: second, ...provenance() });
    }
  }
  codes.clear();
  for (let c = 0; c < chainIds.length; c++) {
    out('anchors').write({ enterpriseId: ids[c] as string, chainId: chainIds[c] as string, ...provenance() });
  }

  // Ownership forests: about one enterprise in four is a subsidiary, in trees up to 6 levels.
  const level = new Uint8Array(n); // 0 = not owned; k = k levels below its root
  const roots = Math.max(1, Math.floor(n / 40));
  const subsidiaries = Math.floor(n / 4);
  for (let k = 0; k < subsidiaries; k++) {
    const child = roots + k;
    if (child >= n) break;
    // a parent among the roots or earlier subsidiaries, favouring the first ones (big groups)
    let parent = Math.floor(random.next() ** 2 * child);
    if ((level[parent] ?? 0) >= MAX_LEVELS) parent = random.int(0, roots - 1);
    level[child] = (level[parent] ?? 0) + 1;
    out('controls').write({ from: ids[parent], to: ids[child], share: random.round(0.51, 1, 2), ...provenance() });
  }

  // Supply links fill the rest: suppliers drawn from a power law, customers at random.
  const written = () => [...writers.values()].reduce((sum, w) => sum + w.count, 0);
  const nodesWritten = out('enterprises').count + out('chains').count + out('segments').count + out('leaders').count;
  const remaining = target.relationships - (written() - nodesWritten);
  const seen = new Set<number>();
  const hubs = 1.25; // Zipf exponent of supplier choice
  const zipfNorm = (n ** (1 - 1 / hubs) - 1) / (1 - 1 / hubs);
  for (let k = 0; k < remaining; ) {
    const supplier = Math.min(
      n - 1,
      Math.floor(((1 - 1 / hubs) * random.next() * zipfNorm + 1) ** (1 / (1 - 1 / hubs))) - 1,
    );
    const customer = random.int(0, n - 1);
    if (supplier === customer || seen.has(supplier * n + customer)) continue;
    seen.add(supplier * n + customer);
    const supplierSeg = segmentIds[supplier % segmentIds.length] as string;
    out('supplies').write({
      from: ids[supplier],
      to: ids[customer],
      product: `${supplierSeg}产品`,
      annualValue: random.int(10, 50_000),
      ...provenance(),
    });
    k++;
  }
  const byKind: Partial<Record<Kind, number>> = {};
  for (const [kind, w] of writers) {
    byKind[kind] = w.count;
    w.close();
  }
  const relationships = written() - nodesWritten;
  return { enterprises: n, relationships, byKind };
}
