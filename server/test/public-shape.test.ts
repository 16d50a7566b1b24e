import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { gapReport } from '../src/analysis/gap-report';
import { importFiles } from '../src/import/importer';
import { MemoryStore } from '../src/store/memory/memory-store';
import { tempDir } from './support/cli';

/**
 * A data set shaped like public data, not like the demo: no shares, districts, statuses or short
 * names; a chain of 60 segments; firms in several segments; an ownership cycle; supplies without
 * values; names written with both bracket widths. It must import (with warnings) and its gap
 * report must rank candidates with distinct, explained scores.
 */
function publicShapedFolder(): string {
  const dir = tempDir();
  const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  const SEGMENTS = 60;
  const products = (s: number) => [`产品${s}甲`, `产品${s}乙`];
  write('chains.csv', ['id,name', 'c1,新能源']);
  write('segments.csv', [
    'id,chainId,name,tier,order,products',
    ...Array.from({ length: SEGMENTS }, (_, i) => {
      const tier = i < 20 ? '上游' : i < 40 ? '中游' : '下游';
      return `s${i},c1,环节${i},${tier},${i + 1},${products(i).join(';')}`;
    }),
  ]);
  write('feeds.csv', ['from,to', ...Array.from({ length: SEGMENTS - 1 }, (_, i) => `s${i},s${i + 1}`)]);
  write('district.csv', ['名称,所属省份', '湖北省,湖北省']);
  // 120 firms: ids as stock codes, names only; every third is in Hubei by its address
  const firms = Array.from({ length: 120 }, (_, i) => String(600000 + i));
  write('enterprises.csv', [
    'id,name,address',
    ...firms.map((id, i) => {
      const name = i % 7 === 0 ? `华${i}科技（集团）有限公司` : `华${i}科技股份有限公司`;
      return `${id},${name},${i % 3 === 0 ? '湖北省武汉市' : '广东省深圳市'}某路${i}号`;
    }),
    // the same firm as 600007, its brackets half-width: a likely duplicate
    '700007,华7科技(集团)有限公司,广东省深圳市',
  ]);
  // a firm in two or three segments; a quarter of the firms in none (only what they make is known)
  const member = (i: number) => (i % 4 === 3 ? [] : [i % SEGMENTS, (i * 7) % SEGMENTS, (i * 13) % SEGMENTS]);
  write('in_segment.csv', [
    'enterpriseId,segmentId',
    ...[
      ...new Set(
        firms.flatMap((id, i) => [...new Set(member(i))].filter((s) => s % 5 !== 2).map((s) => `${id},s${s}`)),
      ),
    ],
  ]);
  // what firms make: one to three products each, of segments spread over the chain
  write('products.csv', [
    'enterpriseId,product',
    ...firms.flatMap((id, i) =>
      Array.from({ length: 1 + (i % 3) }, (_, k) => `${id},${products((i * 11 + k * 17) % SEGMENTS)[k % 2]}`),
    ),
  ]);
  // firms supply zero to four others, what they make
  write('supplies.csv', [
    'from,to,product',
    ...firms.flatMap((id, i) =>
      Array.from(
        { length: i % 5 },
        (_, k) => `${id},${firms[(i + 1 + k * 29) % firms.length]},${products((i * 11) % SEGMENTS)[0]}`,
      ),
    ),
  ]);
  // ownership without percentages, in a cycle
  write('controls.csv', ['from,to', `${firms[0]},${firms[1]}`, `${firms[1]},${firms[2]}`, `${firms[2]},${firms[0]}`]);
  return dir;
}

it('imports public-shaped data with warnings, and ranks candidates with distinct, explained scores', async () => {
  const store = new MemoryStore();
  const summary = await importFiles(store, { paths: [publicShapedFolder()] });
  expect(summary.rejected).toEqual([]);
  expect(summary.counts.segments.added).toBe(60);
  expect(summary.counts.controls.added).toBe(3);
  expect(summary.warnings.map((w) => w.message).join('\n')).toMatch(/likely the same enterprise/);
  expect(summary.derivation.derived).toEqual({ shortName: 121, local: 121 });

  const [firm] = await store.getEnterprises(['600003']);
  expect(firm).toMatchObject({ shortName: '华3科技', local: true, derived: ['local', 'shortName'] });
  expect(firm?.status).toBeUndefined();

  const graph = await store.chainSubgraph('c1');
  const report = gapReport(graph as NonNullable<typeof graph>);
  expect(report.segments).toHaveLength(60);
  const gaps = report.segments.filter((s) => s.need !== 'OK' && s.candidates.length >= 5);
  expect(gaps.length).toBeGreaterThan(5);
  for (const gap of gaps) {
    const top = gap.candidates.slice(0, 5);
    expect(new Set(top.map((c) => c.score)).size, gap.segmentId).toBeGreaterThan(1);
    for (const c of top) expect(c.reason.zh.length).toBeGreaterThan(0);
  }
});
