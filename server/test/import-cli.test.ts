import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScale } from '@chain-atlas/seeds/scale';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEMO_DATA_DIR } from '../src/paths';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { code, demoStoreCopy, runImport, tempDir } from './support/cli';

describe('the importer CLI', () => {
  it('imports the demo data files, and the same files again change nothing', async () => {
    const dataDir = tempDir();
    const first = await runImport([DEMO_DATA_DIR, '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/enterprises\s+651\s+0\s+0/);
    const store = await EmbeddedStore.open(dataDir);
    const before = store.size();
    expect(before.enterprises).toBe(651);
    expect((await store.chains()).length).toBe(11);

    const again = await runImport([DEMO_DATA_DIR, '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/enterprises\s+0\s+0\s+651/);
    const manifest = JSON.parse(readFileSync(join(dataDir, 'MANIFEST'), 'utf8'));
    expect(manifest.segments).toHaveLength(1); // nothing changed, nothing written
    expect((await EmbeddedStore.open(dataDir)).size()).toEqual(before);
  });

  it('imports a generated S data set (10k enterprises, 30k relationships)', async () => {
    const dir = tempDir();
    const counts = generateScale('S', dir);
    const dataDir = tempDir();
    const run = await runImport([dir, '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/enterprises\s+10000\s+0\s+0/);
    const store = await EmbeddedStore.open(dataDir);
    expect(store.size()).toEqual({
      enterprises: 10_000,
      relationships: (counts.byKind.controls ?? 0) + (counts.byKind.supplies ?? 0),
    });
  }, 60_000);

  it('imports a GB18030 CSV export with Chinese headers, shares as 51%, 0.3 and 19, and updates an enterprise', async () => {
    const dataDir = await demoStoreCopy();
    const dir = tempDir();
    const [a, b, c] = [code(1), code(2), code(3)];
    const enterprises = [
      '统一社会信用代码,企业名称,简称,所在地区,是否本地,经营状态,成立日期,营业收入,标签',
      `${a},武汉甲乙新材料有限公司,甲乙新材,湖北省武汉市江汉区,是,存续,2019/3/8,"12,000",专精特新;高新技术企业`,
      `${b},上海丙丁精密机械有限公司,丙丁精密,上海市浦东新区,否,存续,2015年6月1日,8000,`,
      `${c},深圳戊己电子科技有限公司,戊己电子,广东省深圳市南山区,否,在业,2011-11-11,,`,
    ].join('\r\n');
    writeFileSync(join(dir, 'enterprises.csv'), iconv.encode(enterprises, 'gb18030'));
    const controls = [
      '股东,被投资企业,持股比例,来源,置信度',
      `${b},${a},51%,企查查导出,0.9`,
      `${c},${a},0.3,企查查导出,0.9`,
      `${c},${b},19,企查查导出,0.8`,
    ].join('\r\n');
    writeFileSync(join(dir, 'controls.csv'), iconv.encode(controls, 'gb18030'));

    const run = await runImport([dir, '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const store = await EmbeddedStore.open(dataDir);
    const e = await store.getEnterprise(a);
    expect(e).toMatchObject({ name: '武汉甲乙新材料有限公司', local: true, foundedOn: '2019-03-08', revenue: 12000 });
    expect(e?.tags).toEqual(['专精特新', '高新技术企业']);
    const shares = store.view().holdingsInto(a);
    expect([...shares].map((h) => h.share).sort()).toEqual([0.3, 0.51]);
    expect([...store.view().holdingsInto(b)].map((h) => h.share)).toEqual([0.19]);

    // a later file updates an existing enterprise; --encoding names the encoding
    const update = `统一社会信用代码,企业名称,简称,所在地区,是否本地,经营状态,营业收入\r\n${a},武汉甲乙新材料股份有限公司,甲乙新材,湖北省武汉市江汉区,是,存续,15000`;
    writeFileSync(join(dir, 'enterprises-2026.csv'), iconv.encode(update, 'gbk'));
    const second = await runImport([join(dir, 'enterprises-2026.csv'), '--data-dir', dataDir, '--encoding', 'gbk']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/enterprises\s+0\s+1\s+0/);
    const updated = await (await EmbeddedStore.open(dataDir)).getEnterprise(a);
    expect(updated).toMatchObject({ name: '武汉甲乙新材料股份有限公司', revenue: 15000 });
  }, 30_000);

  it('checks without writing on --dry-run', async () => {
    const dataDir = tempDir();
    const run = await runImport([DEMO_DATA_DIR, '--data-dir', dataDir, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dry run: nothing was written');
    expect((await EmbeddedStore.open(dataDir)).empty).toBe(true);
  });

  it('refuses bad arguments with the usage', async () => {
    const run = await runImport(['--encoding', 'latin1', DEMO_DATA_DIR]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--encoding must be one of/);
    expect((await runImport([])).stderr).toMatch(/usage: pnpm run import/);
  });
});
