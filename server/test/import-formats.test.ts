import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/import/importer';
import { ImportError } from '../src/import/problems';
import { Invalid, parseShare } from '../src/import/values';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { code, tempDir } from './cli';

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
