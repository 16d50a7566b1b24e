import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, orgCodeCheckChar } from '../src/domain/credit-code';
import { deriveShortName } from '../src/domain/names';
import { EMPTY_VIEW, importFiles, readChecked } from '../src/import/importer';
import { ImportError } from '../src/interchange/problems';
import { MemoryStore } from '../src/store/memory/memory-store';
import { tempDir } from './support/cli';

/** A valid credit code with the given area and organisation digits. */
function creditCode(area: string, org: string): string {
  const first = `91${area}${org}${orgCodeCheckChar(org)}`;
  return first + creditCodeCheckChar(first);
}
const [A, B, C, D] = [
  creditCode('420103', 'MA4K1001'),
  creditCode('420102', 'MA4K1002'),
  creditCode('440305', 'MA5F1003'),
  creditCode('420103', 'MA4K1004'),
];

function folder(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const read = (dir: string, options = {}) => readChecked([dir], () => EMPTY_VIEW, options);

async function problemsOf(dir: string, options = {}): Promise<string[]> {
  try {
    await read(dir, options);
  } catch (e) {
    if (e instanceof ImportError) return e.problems.map((p) => `${p.field ?? ''}: ${p.message}`);
    throw e;
  }
  return [];
}

const HOME = '名称,所属城市,所属省份\n江汉区,武汉市,湖北省\n';

describe('a registry export imports as the company-data services write it', () => {
  const header =
    '企业名称,登记状态,法定代表人,注册资本,成立日期,统一社会信用代码,所属省份,所属城市,所属区县,电话,企业地址,所属行业,参保人数,企业类型';
  const rows = [
    `武汉长江智造科技有限公司,存续,张三,5000万元人民币,2015-03-02,${A},湖北省,武汉市,江汉区,027-1234,湖北省武汉市江汉区建设大道1号,制造业,120,有限责任公司`,
    `湖北远航物流股份有限公司,在业,李四,1000万美元,2010/6/1,${B},湖北省,武汉市,江岸区,-,湖北省武汉市江岸区沿江大道,交通运输业,-,股份有限公司`,
    `深圳前海供应链（集团）有限公司,--,王五,1.2亿元,2018年1月5日,${C},广东省,深圳市,南山区,/,深圳市南山区,批发业,35人,有限责任公司`,
    `武汉江汉新材料有限公司,暂无,赵六,300万,2020-01-01,${D},-,-,-,-,武汉市江汉区新华路8号,-,-,-`,
  ];
  const csv = iconv.encode(`${header}\n${rows.join('\n')}\n`, 'gb18030');

  it('maps its columns, reads amounts with units and currency, and takes - -- / 暂无 as empty', async () => {
    const { rows: data, warnings } = await read(folder({ '企业.csv': csv, '本区.csv': HOME }));
    expect(warnings).toEqual([]);
    const [a, b, c, d] = data.enterprises;
    expect(a).toMatchObject({
      id: A,
      name: '武汉长江智造科技有限公司',
      status: '存续',
      legalRepresentative: '张三',
      registeredCapital: 5000,
      province: '湖北省',
      city: '武汉市',
      district: '江汉区',
      phone: '027-1234',
      industry: '制造业',
      employees: 120,
      companyType: '有限责任公司',
      foundedOn: '2015-03-02',
    });
    expect(a?.registeredCapitalCurrency).toBeUndefined(); // CNY
    expect(b).toMatchObject({ registeredCapital: 1000, registeredCapitalCurrency: 'USD', foundedOn: '2010-06-01' });
    expect(b?.phone).toBeUndefined();
    expect(b?.employees).toBeUndefined();
    expect(c).toMatchObject({ registeredCapital: 12000, employees: 35, foundedOn: '2018-01-05' });
    expect(c?.status).toBeUndefined(); // unknown stays unknown
    expect(d?.status).toBeUndefined();
  });

  it('derives short names and local from the home district, and marks them as derived', async () => {
    const { rows: data, derivation } = await read(folder({ '企业.csv': csv, '本区.csv': HOME }));
    const by = new Map(data.enterprises.map((e) => [e.id, e]));
    expect(by.get(A)).toMatchObject({ shortName: '长江智造科技', local: true, derived: ['local', 'shortName'] });
    expect(by.get(B)).toMatchObject({ shortName: '远航物流', local: false }); // 江岸区
    expect(by.get(C)).toMatchObject({ shortName: '前海供应链', local: false });
    expect(by.get(D)).toMatchObject({ local: true }); // from the address alone
    expect(derivation.derived).toEqual({ shortName: 4, local: 4 });
  });

  it('reads revenue with its units, and refuses it in a currency other than CNY', async () => {
    const dir = (revenue: string) => folder({ 'enterprises.csv': `id,name,营业收入\n${A},甲公司,${revenue}\n` });
    expect((await read(dir('1.5亿元'))).rows.enterprises[0]?.revenue).toBe(15000);
    expect(await problemsOf(dir('1000万美元'))).toEqual([
      "revenue: must be in CNY (人民币), got an amount in USD: '1000万美元'",
    ]);
  });

  it('without a home district takes firms as outside, and says so', async () => {
    const { rows: data, warnings } = await read(folder({ '企业.csv': csv }));
    expect(data.enterprises.every((e) => e.local === false)).toBe(true);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/no home district is known.*4 enterprise\(s\)/);
  });

  it('keeps a given short name and local, unmarked', async () => {
    const dir = folder({
      'enterprises.csv': `id,name,shortName,local\n${A},武汉长江智造科技有限公司,长江智造,否\n`,
      'district.csv': HOME,
    });
    const [a] = (await read(dir)).rows.enterprises;
    expect(a).toMatchObject({ shortName: '长江智造', local: false });
    expect(a?.derived).toBeUndefined();
  });
});

describe('short names', () => {
  it.each([
    ['湖北长江商贸物流有限公司', '长江商贸物流'],
    ['宁德时代新能源科技股份有限公司', '宁德时代新能源科技'],
    ['深圳前海供应链（集团）有限公司', '前海供应链'],
    ['武汉市汉正街物流集团有限公司', '汉正街物流'],
    ['内蒙古伊利实业集团股份有限公司', '伊利实业'],
    ['中芯国际（武汉）有限公司', '中芯国际'],
    ['有限公司', '有限公司'],
  ])('%s → %s', (name, short) => {
    expect(deriveShortName(name)).toBe(short);
  });
});

describe('ownership without percentages', () => {
  const enterprises = `id,name\n${A},甲公司\n${B},乙公司\n${C},丙公司\n`;

  it('imports a holding with no share, kept as unknown and counted as nothing in share sums', async () => {
    const dir = folder({
      'enterprises.csv': enterprises,
      'controls.csv': `from,to,share\n${A},${C},\n${B},${C},100%\n`,
    });
    const { rows } = await read(dir);
    expect(rows.controls[0]?.share).toBeUndefined();
    expect(rows.controls[1]?.share).toBe(1);
  });

  it('a share sum over 100% names every holder with its file and line', async () => {
    const dir = folder({
      'enterprises.csv': enterprises,
      'controls.csv': `from,to,share\n${A},${C},60%\n${B},${C},50%\n`,
    });
    const [problem] = await problemsOf(dir);
    expect(problem).toMatch(
      new RegExp(
        `would sum to 110%, over 100%: '${A}' 60% \\(.*controls\\.csv:2\\), '${B}' 50% \\(.*controls\\.csv:3\\)`,
      ),
    );
  });
});

describe('references and names', () => {
  it('an unknown enterprise that is a name gets the id of the firm of that name', async () => {
    const dir = folder({
      'enterprises.csv': `id,name,shortName\n300750,宁德时代新能源科技股份有限公司,宁德时代\n`,
      'supplies.csv': `from,to,product\n宁德时代,300750,电芯\n`,
    });
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      "from: unknown enterprise '宁德时代': it is the name of '300750' (宁德时代新能源科技股份有限公司); refer to an enterprise by its id",
    ]);
  });

  it('warns of the same name under two ids, and of names that differ only in bracket width', async () => {
    const dir = folder({
      'enterprises.csv': [
        'id,name',
        `${A},深圳前海供应链（集团）有限公司`,
        `${B},深圳前海供应链(集团)有限公司`,
        `${C},甲公司`,
        `${D},甲公司`,
      ].join('\n'),
    });
    const { warnings } = await read(dir);
    const messages = warnings.filter((w) => w.field === 'name').map((w) => `${w.line}: ${w.message}`);
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^3: likely the same enterprise as .*'${A}'`)),
      expect.stringMatching(new RegExp(`^5: the same name as '${C}'`)),
    ]);
  });
});

describe('extra columns', () => {
  it('are refused by default, with the flag named', async () => {
    const problems = await problemsOf(folder({ 'enterprises.csv': `id,name,经营范围\n${A},甲公司,物流\n` }));
    expect(problems).toEqual([
      "经营范围: unknown column '经营范围' for enterprises (a typo? or run the import with --keep-extra-columns to keep such columns)",
    ]);
  });

  it('kept as attributes, come in again unchanged', async () => {
    const d = folder({ 'enterprises.csv': `id,name,经营范围,英文名\n${A},甲公司,物流,A Co.\n` });
    const store = new MemoryStore();
    await importFiles(store, { paths: [d], keepExtraColumns: true });
    const again = await importFiles(store, { paths: [d], keepExtraColumns: true });
    expect(again.counts.enterprises).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  it('with keepExtraColumns are an enterprise’s attributes, and ignored elsewhere, each said in a warning', async () => {
    const d = folder({
      'enterprises.csv': `id,name,经营范围,英文名\n${A},甲公司,物流;仓储,-\n${B},乙公司,,\n`,
      'supplies.csv': `from,to,product,备注\n${A},${B},钢材,无\n`,
      'products.jsonl': `{"enterpriseId":"${A}","product":"钢材","附注":"x"}\n`,
    });
    const { rows, warnings } = await read(d, { keepExtraColumns: true });
    expect(rows.enterprises[0]?.attributes).toEqual({ 经营范围: '物流;仓储' });
    expect(rows.enterprises[1]?.attributes).toBeUndefined();
    expect(rows.supplies).toHaveLength(1);
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'kept 2 column(s) the format does not know as attributes: 经营范围, 英文名',
        'ignored 1 column(s) the format does not know: 备注 (only enterprises keep attributes)',
      ]),
    );
  });
});

describe('--skip-invalid', () => {
  const files = () =>
    folder({
      'enterprises.csv': `id,name,foundedOn\n${A},甲公司,2020-01-01\n${B},乙公司,2023-02-30\n${C},丙公司,\n`,
      'supplies.csv': `from,to,product\n${A},${C},钢材\n${B},${C},铝材\n${A},${A},铜材\n`,
    });

  it('without it, nothing is written', async () => {
    const store = new MemoryStore();
    await expect(importFiles(store, { paths: [files()] })).rejects.toThrow(ImportError);
    expect(store.size().enterprises).toBe(0);
  });

  it('writes the valid rows and returns each row left out with its problems, references to them included', async () => {
    const store = new MemoryStore();
    const summary = await importFiles(store, { paths: [files()], skipInvalid: true });
    expect(store.size()).toEqual({ enterprises: 2, relationships: 1 });
    const rejected = summary.rejected.map(
      (r) => `${r.file.split('/').at(-1)}:${r.line} ${(r.problems ?? []).map((p) => p.message).join('; ')}`,
    );
    expect(rejected.sort()).toEqual([
      "enterprises.csv:3 is not a real date: '2023-02-30'",
      `supplies.csv:3 unknown enterprise '${B}'`,
      `supplies.csv:4 an enterprise cannot supply itself ('${A}')`,
    ]);
    // the row as read goes with it
    expect(summary.rejected.find((r) => r.line === 3 && r.file.endsWith('enterprises.csv'))?.row).toEqual([
      B,
      '乙公司',
      '2023-02-30',
    ]);
  });

  it('a problem of a whole table still stops the import', async () => {
    const store = new MemoryStore();
    const dir = folder({ 'enterprises.csv': `id,name,nonsense\n${A},甲公司,x\n` });
    await expect(importFiles(store, { paths: [dir], skipInvalid: true })).rejects.toThrow(/unknown column 'nonsense'/);
    expect(store.size().enterprises).toBe(0);
  });
});

describe('segments nest', () => {
  const chains = 'id,name\nc1,链一\nc2,链二\n';
  it('a parent of the same chain, at most three levels, without loops', async () => {
    const dir = folder({
      'chains.csv': chains,
      'segments.csv': [
        'id,chainId,name,tier,order,parentId,products,keywords',
        's1,c1,电池,MIDSTREAM,1,,,',
        's2,c1,电芯,MIDSTREAM,2,s1,电芯;锂电池,储能',
        's3,c1,正极,MIDSTREAM,3,s2,,',
        's4,c1,前驱体,MIDSTREAM,4,s3,,', // a fourth level
        's5,c2,其他,UPSTREAM,1,s1,,', // another chain's parent
        's6,c1,甲,UPSTREAM,5,s7,,', // a loop
        's7,c1,乙,UPSTREAM,6,s6,,',
        's8,c1,丙,UPSTREAM,7,nowhere,,',
      ].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      'parentId: segments nest at most 3 levels deep: s4 → s3 → s2 → s1',
      "parentId: the parent 's1' is in chain 'c1', not in 'c2'",
      'parentId: the parents loop: s6 → s7 → s6',
      'parentId: the parents loop: s7 → s6 → s7',
      "parentId: unknown segment 'nowhere'",
    ]);
  });

  it('keeps the products and keywords of a segment', async () => {
    const dir = folder({
      'chains.csv': chains,
      'segments.csv':
        'id,chainId,name,tier,order,parentId,产品,关键词\ns1,c1,电池,MIDSTREAM,1,,,\ns2,c1,电芯,MIDSTREAM,2,s1,电芯;锂电池,储能\n',
      '企业产品.csv': `企业,产品,收入占比\n${A},电芯,62%\n`,
      'enterprises.csv': `id,name\n${A},甲公司\n`,
    });
    const { rows } = await read(dir);
    expect(rows.segments[1]).toMatchObject({ parentId: 's1', products: ['电芯', '锂电池'], keywords: ['储能'] });
    expect(rows.products).toEqual([
      { enterpriseId: A, product: '电芯', share: 0.62, source: expect.stringMatching(/企业产品\.csv$/), confidence: 1 },
    ]);
  });
});
