import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../src/import/importer';
import { type ConvertOptions, convertListed } from '../src/import/listed/convert';
import { ConvertError } from '../src/import/listed/lines';
import { cleanText, sixDigitCode } from '../src/import/listed/names';
import { writeOutput } from '../src/import/listed/output';

const FIXTURE = fileURLToPath(new URL('./fixtures/chainkg', import.meta.url));
const OPTIONS: ConvertOptions = {
  input: FIXTURE,
  focus: ['电池', '280000'],
  holders: join(FIXTURE, 'holders'),
  homeProvince: '湖北',
};
type Row = Record<string, unknown> & { id?: string; from?: string; to?: string };

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'listed-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

let out: string;
let files: Map<string, string>;
const rows = (name: string): Row[] =>
  (files.get(name) ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
const byId = (name: string) => new Map(rows(name).map((r) => [r.id as string, r]));

beforeAll(async () => {
  out = join(temp(), 'out');
  const converted = await convertListed(OPTIONS);
  files = converted.files;
  writeOutput(out, converted.files);
});

describe('enterprises', () => {
  it('keys a listed company by its 6-digit code, with the suffix as stockCode', () => {
    expect(sixDigitCode('688268.SH')).toBe('688268');
    expect(sixDigitCode('688268SH')).toBe('688268');
    expect(sixDigitCode('688268')).toBe('688268');
    const firms = byId('enterprises.jsonl');
    // plain code, suffix from the exchange named in location
    expect(firms.get('300001')).toMatchObject({ name: '湖北楚能电池股份有限公司', shortName: '楚能电池' });
    expect(firms.get('300001')?.stockCode).toBe('300001.SZ');
    // location holds a date: the suffix comes from company_industry
    expect(firms.get('000012')?.stockCode).toBe('000012.SZ');
    expect(firms.get('300001')?.tags).toEqual(['上市']);
    expect([...firms.keys()].filter((id) => /^\d/.test(id)).every((id) => /^\d{6}$/.test(id))).toBe(true);
  });

  it('derives the province from the start of the full name, in full form', () => {
    const firms = byId('enterprises.jsonl');
    expect(firms.get('002003')?.province).toBe('广西壮族自治区');
    expect(firms.get('002009')?.province).toBe('内蒙古自治区');
    expect(firms.get('300014')?.province).toBe('黑龙江省');
    expect(firms.get('601008')?.province).toBe('重庆市');
    expect(firms.get('688015')).not.toHaveProperty('province'); // 深圳 is a city
  });

  it('keeps one row of a code given with two full names, and counts the other', async () => {
    const firms = byId('enterprises.jsonl');
    expect(firms.get('688004')?.name).toBe('江苏恒源设备股份有限公司'); // not 大连港口…
    expect(firms.get('600011')?.name).toBe('浙江新名科技股份有限公司'); // the short name company_industry gives
    const report = JSON.parse(files.get('conversion-report.json') as string);
    expect(report.dropped['company.json: duplicate code with a different fullname']).toBe(2);
    expect(report.dropped['company.json: repeated row of the same company']).toBe(1);
  });
});

describe('products', () => {
  it('filters accounting lines, merges repeated pairs and keeps only shares in (0, 1]', () => {
    const made = rows('products.jsonl');
    expect(made.some((r) => /平衡项目|抵销|调整项目/.test(r.product as string))).toBe(false);
    const keys = made.map((r) => `${r.enterpriseId} ${r.product}`);
    expect(new Set(keys).size).toBe(keys.length);
    const of = (id: string, p: string) => made.find((r) => r.enterpriseId === id && r.product === p);
    expect(of('300001', '锂电池')?.share).toBe(0.9); // given twice, once under the plain code
    expect(of('300001', '储能系统')).not.toHaveProperty('share'); // 1.2
    expect(of('002009', '光伏组件')).not.toHaveProperty('share'); // -0.3
    expect(of('688015', '芯片 设计')).toBeDefined(); // a line break inside the name
    expect(made.some((r) => r.enterpriseId === '999998')).toBe(false);
  });

  it('drops control characters from names (the public data has DEL in some), folds blanks', () => {
    expect(cleanText('锂电\u007f池 ')).toBe('锂电池');
    expect(cleanText('芯片\n 设计\u0000')).toBe('芯片 设计');
  });
});

describe('chains and segments', () => {
  it('puts the focus L3s midstream, industry_up neighbours up and down, noise left out', () => {
    const segs = rows('segments.jsonl').filter((s) => s.chainId === 'chainkg-630700');
    const tier = (name: string) => segs.find((s) => s.name === name)?.tier;
    expect(['锂电池', '电池化学品', '锂电专用设备'].map(tier)).toEqual(['MIDSTREAM', 'MIDSTREAM', 'MIDSTREAM']);
    expect(['锂', '氯碱', '纯碱'].map(tier)).toEqual(['UPSTREAM', 'UPSTREAM', 'UPSTREAM']);
    expect(tier('电动乘用车')).toBe('DOWNSTREAM');
    expect(tier('无机盐')).toBe('DOWNSTREAM'); // both ways; the downstream count (3) is larger
    expect(tier('贸易Ⅲ')).toBeUndefined(); // a service sector
    expect(tier('种子')).toBeUndefined(); // counted once: noise
    expect(segs.map((s) => s.order)).toEqual(segs.map((_, i) => i + 1));
    const rank = { UPSTREAM: 0, MIDSTREAM: 1, DOWNSTREAM: 2 } as Record<string, number>;
    expect(segs.map((s) => rank[s.tier as string])).toEqual(segs.map((s) => rank[s.tier as string]).sort());
  });

  it('groups 2+ L3 segments of one L2 and tier under a parent segment', () => {
    const segs = byId('segments.jsonl');
    expect(segs.get('chainkg-630700-220200-up')).toMatchObject({ name: '化学原料', tier: 'UPSTREAM' });
    expect(segs.get('chainkg-630700-220201')?.parentId).toBe('chainkg-630700-220200-up');
    expect(segs.get('chainkg-630700-630701')?.parentId).toBe('chainkg-630700-630700-mid');
    expect(segs.get('chainkg-630700-240603')).not.toHaveProperty('parentId');
    expect(segs.get('chainkg-630700-240603')).toMatchObject({
      keywords: ['锂'],
      products: ['碳酸锂', '锂精矿', '氢氧化锂'],
    });
    for (const s of segs.values()) if (s.parentId) expect(segs.get(s.parentId as string)?.chainId).toBe(s.chainId);
  });

  it('feeds segments from industry_up pairs, without self-loops or duplicates', () => {
    const feeds = rows('feeds.jsonl').map((f) => `${f.from}>${f.to}`);
    expect(feeds).toContain('chainkg-630700-240603>chainkg-630700-630701');
    expect(feeds).toContain('chainkg-630700-630701>chainkg-630700-280502');
    expect(feeds).toContain('chainkg-280000-630701>chainkg-280000-280502');
    expect(new Set(feeds).size).toBe(feeds.length);
    expect(rows('feeds.jsonl').some((f) => f.from === f.to)).toBe(false);
  });

  it('puts firms in the segment of their L3 in every chain, joined by name where the code is unknown', () => {
    const members = rows('in_segment.jsonl').map((r) => `${r.enterpriseId}@${r.segmentId}`);
    expect(members).toContain('000012@chainkg-630700-630701'); // its row has code 630799
    expect(members).toContain('000012@chainkg-280000-630701');
    expect(members).toContain('300018@chainkg-630700-630703'); // its row names 630703 锂电设备Ⅲ
    expect(members.some((m) => m.startsWith('999999@'))).toBe(false);
  });
});

describe('inferred supplies and anchors', () => {
  it('infers supplies from 上游材料 and 下游产品, below confidence 1, never to oneself', () => {
    const supplies = rows('supplies.jsonl');
    expect(supplies).toContainEqual(
      expect.objectContaining({
        from: '603019',
        to: '300001',
        product: '电解液',
        source: 'chainkg 上游材料: 电解液→锂电池',
      }),
    );
    expect(supplies).toContainEqual(
      expect.objectContaining({
        from: '300001',
        to: '601008',
        product: '锂电池',
        source: 'chainkg 下游产品: 锂电池→电动汽车',
      }),
    );
    expect(supplies.every((s) => s.from !== s.to && (s.confidence as number) < 1)).toBe(true);
    const keys = supplies.map((s) => `${s.from} ${s.to} ${s.product}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps at most 5 suppliers per customer and input, largest share of revenue first', () => {
    const lithium = (to: string) =>
      rows('supplies.jsonl')
        .filter((s) => s.to === to && s.product === '碳酸锂')
        .map((s) => s.from)
        .sort();
    // 8 firms make 碳酸锂: 300010 .8, 600002 .6, 000020 .5, 002003 .2, 600013 .1, 300014 .05, …
    expect(lithium('603019')).toEqual(['000020', '002003', '300010', '600002', '600013']);
    expect(lithium('002003')).toEqual(['000020', '300010', '300014', '600002', '600013']);
  });

  it('names as chain owners the midstream firms with the most supply links in the chain', () => {
    const anchors = rows('anchors.jsonl').filter((a) => a.chainId === 'chainkg-630700');
    expect(anchors.map((a) => a.enterpriseId)).toEqual(['603019', '002003', '000012']);
  });
});

describe('holders', () => {
  it('takes the latest period, folds sub-accounts, skips persons and maps listed holders to codes', () => {
    const controls = rows('controls.jsonl');
    const into = (to: string) => controls.filter((c) => c.to === to);
    const firms = byId('enterprises.jsonl');
    const named = (name: string) => [...firms.values()].find((e) => e.name === name)?.id;
    expect(into('300001').find((c) => c.from === '600016')?.share).toBe(0.07); // 5% + 2%, two sub-accounts
    expect(into('300001').find((c) => c.from === named('湖北楚能控股集团有限公司'))?.share).toBe(0.355);
    expect(into('300001').find((c) => c.from === named('全国社会保障基金理事会'))?.share).toBe(0.015);
    expect(named('华宝信托有限责任公司')).toMatch(/^H-[0-9a-f]{10}$/);
    expect(into('300001')).toHaveLength(4); // 张三 and CAO SHENGCHUN skipped, the company itself too
    expect(into('600016').find((c) => c.from === '300001')?.share).toBe(0.02);
    expect(into('002009').map((c) => c.share)).toEqual([0.41]); // the later announcement
    expect(into('000006')).toEqual([]); // 60% + 50%
    expect(named('甲投资有限公司')).toBeUndefined();
    for (const to of new Set(controls.map((c) => c.to)))
      expect(into(to as string).reduce((sum, c) => sum + (c.share as number), 0)).toBeLessThanOrEqual(1);
    expect(rows('district.jsonl')).toEqual([{ name: '湖北省', province: '湖北省' }]);
  });
});

describe('output', () => {
  it('is byte-identical from run to run, JSON Lines with a final newline', async () => {
    const again = join(temp(), 'again');
    writeOutput(again, (await convertListed(OPTIONS)).files);
    const names = readdirSync(out).sort();
    expect(readdirSync(again).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(again, name))).toEqual(readFileSync(join(out, name)));
    expect(readFileSync(join(out, 'enterprises.jsonl'), 'utf8')).toMatch(/}\n$/);
  });

  it('stops at bad input, naming the file and line, and writes nothing', async () => {
    const broken = join(temp(), 'chainkg');
    cpSync(FIXTURE, broken, { recursive: true });
    const products = join(broken, 'raw/reconstructed-from-surrealql/company_product.jsonl');
    writeFileSync(products, `${readFileSync(products, 'utf8')}{"company_code": "300001.SZ", "product_na\n`);
    const error = await convertListed({ ...OPTIONS, input: broken }).catch((e) => e);
    expect(error).toBeInstanceOf(ConvertError);
    expect(error.message).toMatch(/company_product\.jsonl:32: not valid JSON/);
    rmSync(join(broken, 'raw/industry.json'));
    await expect(convertListed({ ...OPTIONS, input: broken })).rejects.toThrow(/industry\.json: no such file/);
    await expect(convertListed({ ...OPTIONS, focus: ['不存在'] })).rejects.toThrow(/--focus/);

    const target = join(temp(), 'cli-out');
    const cli = fileURLToPath(new URL('../src/bin/convert-listed.ts', import.meta.url));
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', cli, broken, '--out', target], { stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(stderr).toMatch(/industry\.json: no such file\nnothing was written/);
    expect(existsSync(target)).toBe(false);
  });

  it('is read by the importer without problems', async () => {
    await expect(readDataset([out])).resolves.toBeDefined();
  });
});
