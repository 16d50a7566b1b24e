import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../src/bin/open-store';
import { importFiles } from '../src/import/importer';
import { formatProblem, ImportError } from '../src/interchange/problems';
import { Invalid, parseShare } from '../src/interchange/values';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { code, tempDir } from './support/cli';

describe('input formats', () => {
  it('reads an .xlsx workbook with one sheet per kind, Chinese sheet and column names, and real dates', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    const firms = workbook.addWorksheet('企业');
    firms.addRow(['统一社会信用代码', '企业名称', '简称', '所在地区', '是否本地', '经营状态', '成立日期', '营业收入']);
    firms.addRow([
      code(21),
      '武汉一号科技有限公司',
      '一号科技',
      '湖北省武汉市江汉区',
      '是',
      '存续',
      new Date(Date.UTC(2018, 4, 20)),
      3200,
    ]);
    firms.addRow([
      code(22),
      '武汉二号物流有限公司',
      '二号物流',
      '湖北省武汉市江汉区',
      '是',
      '存续',
      '2016-01-02',
      { formula: '1000*2', result: 2000 },
    ]);
    const supplies = workbook.addWorksheet('供应');
    supplies.addRow(['供应商', '客户', '产品', '年供应额', '来源', '置信度']);
    supplies.addRow([code(21), code(22), '仓储管理系统', 150, '链长办走访', 0.8]);
    const path = join(dir, 'district.xlsx');
    await workbook.xlsx.writeFile(path);

    const store = await EmbeddedStore.open(tempDir());
    const summary = await importFiles(store, { paths: [path] });
    expect(summary.counts.enterprises.added).toBe(2);
    expect(summary.counts.supplies.added).toBe(1);
    expect(await store.getEnterprise(code(21))).toMatchObject({ foundedOn: '2018-05-20', revenue: 3200, local: true });
    expect((await store.getEnterprise(code(22)))?.revenue).toBe(2000);
  });

  it('reports a bad cell of a workbook by sheet and row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('股权');
    sheet.addRow(['股东', '被投资企业', '持股比例', '来源', '置信度']);
    sheet.addRow([code(31), code(32), '120%', 'registry', 1]);
    const path = join(tempDir(), 'holdings.xlsx');
    await workbook.xlsx.writeFile(path);
    const error = await importFiles(await EmbeddedStore.open(tempDir()), { paths: [path] }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toContain(
      'holdings.xlsx[股权]:row 2 share: must be above 0 and at most 100%',
    );
  });

  it('reads UTF-8 CSV with a byte order mark and quoted fields across lines', async () => {
    const dir = tempDir();
    const text = `\uFEFFid,name,shortName,district,local,status,tags\n${code(41)},"武汉""三号""有限公司",三号,"湖北省
武汉市",true,存续,a|b\n`;
    writeFileSync(join(dir, 'enterprises.csv'), text);
    const store = await EmbeddedStore.open(tempDir());
    await importFiles(store, { paths: [dir] });
    expect(await store.getEnterprise(code(41))).toMatchObject({
      name: '武汉"三号"有限公司',
      district: '湖北省\n武汉市',
      tags: ['a', 'b'],
    });
  });

  it.each([
    [0.51, 0.51],
    ['0.51', 0.51],
    ['51%', 0.51],
    ['51', 0.51],
    [51, 0.51],
    ['100%', 1],
    [1, 1],
    ['12.5%', 0.125],
  ])('reads the share %s as %s', (input, share) => {
    expect(parseShare(input)).toBe(share);
  });

  it.each([0, '0%', -0.2, '101', '150%', 'half', ''])('refuses the share %s', (input) => {
    expect(parseShare(input)).toBeInstanceOf(Invalid);
  });
});

describe('what a spreadsheet means', () => {
  it('reads shares under a percent header as percentages, fills in missing provenance, and takes sheets named like files', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'enterprises.csv'),
      `id,name,shortName,district,local,status\n${code(51)},甲,甲,本区,true,存续\n${code(52)},乙,乙,本区,true,存续\n`,
    );
    writeFileSync(join(dir, 'controls.csv'), `股东,被投资企业,持股比例(%)\n${code(51)},${code(52)},1\n`);
    const store = await EmbeddedStore.open(tempDir());
    await importFiles(store, { paths: [dir] });
    const [held] = [...store.view().holdingsInto(code(52))];
    expect(held?.share).toBe(0.01);
    const neighbourhood = await store.neighbourhood(code(52), { depth: 1, kinds: ['CONTROLS'], limit: 5 });
    expect(neighbourhood?.edges[0]).toMatchObject({ source: expect.stringMatching(/controls\.csv$/), confidence: 1 });

    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet('企业-2025')
      .addRow(['统一社会信用代码', '企业名称', '简称', '所在地区', '是否本地', '经营状态']);
    const path = join(tempDir(), 'book.xlsx');
    await workbook.xlsx.writeFile(path);
    await expect(importFiles(store, { paths: [path] })).resolves.toBeDefined();
  });

  it('keeps what a later file leaves out', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'enterprises.csv'),
      `id,name,shortName,district,local,status,park,revenue,tags\n${code(61)},丙,丙,本区,true,存续,园区一,5000,专精特新\n`,
    );
    const store = await EmbeddedStore.open(tempDir());
    await importFiles(store, { paths: [dir] });
    const later = tempDir();
    writeFileSync(
      join(later, 'enterprises.csv'),
      `id,name,shortName,district,local,status\n${code(61)},丙公司,丙,本区,true,存续\n`,
    );
    const summary = await importFiles(store, { paths: [later] });
    expect(summary.counts.enterprises.updated).toBe(1);
    expect(await store.getEnterprise(code(61))).toMatchObject({
      name: '丙公司',
      park: '园区一',
      revenue: 5000,
      tags: ['专精特新'],
    });
  });

  it('refuses text that is not in the encoding instead of storing it garbled', async () => {
    const dir = tempDir();
    const ascii = `id,name,shortName,district,local,status\n${`${code(71)},a,a,d,true,s\n`.repeat(1)}`;
    const padding = `${'x'.repeat(300 * 1024)}\n`; // more than the 256 KB the detection samples
    writeFileSync(
      join(dir, 'enterprises.csv'),
      Buffer.concat([
        Buffer.from(ascii + padding.replace(/\n$/, ',,,,,\n')),
        iconv.encode(`${code(72)},乙公司,乙,本区,true,存续\n`, 'gbk'),
      ]),
    );
    const error = await importFiles(await EmbeddedStore.open(tempDir()), { paths: [dir] }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    // at the line of the bytes, not at line 0: header 1, a row 2, the padding 3, the GBK row 4
    expect((error as ImportError).problems.map(formatProblem)).toEqual([
      `${join(dir, 'enterprises.csv')}:4: is not utf-8 text. If a Chinese spreadsheet tool saved it, try --encoding gb18030.`,
    ]);
  });

  it('resolves a relative CHAIN_DATA_DIR against the folder the command ran in', () => {
    expect(dataDirFromEnv({ CHAIN_DATA_DIR: 'data/rel', INIT_CWD: '/srv/chain-atlas' })).toBe(
      '/srv/chain-atlas/data/rel',
    );
    expect(dataDirFromEnv({ CHAIN_DATA_DIR: '/abs/store' })).toBe('/abs/store');
  });
});
