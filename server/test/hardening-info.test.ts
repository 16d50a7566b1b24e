import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkEntry, TokenBook, TokenError } from '../src/auth/tokens';
import { openEmbeddedStore } from '../src/bin/open-store';
import { readWorkbook, workbookError } from '../src/interchange/sources/xlsx';
import { tempDir } from './support/cli';

describe('token names say what they are', () => {
  const book = () => new TokenBook([], 'viewer', join(mkdtempSync(join(tmpdir(), 'tokens-')), 'tokens.json'));

  it.each([
    ['a zero-width space', 'al\u200bice'],
    ['a right-to-left mark', 'alice\u200f'],
    ['a line separator', 'ali\u2028ce'],
    ['a tab', 'ali\tce'],
    ['a private-use character', 'alice\ue000'],
    ['a colon', 'ali:ce'],
    ['101 characters', 'a'.repeat(101)],
  ])('refuses a name with %s, when made and when read from the file', (_what, name) => {
    expect(() => book().create(name, 'analyst')).toThrow(TokenError);
    expect(() => checkEntry({ name, role: 'analyst', sha256: 'a'.repeat(64) }, 'tokens.json token 1')).toThrow(
      /tokens.json token 1: A token's name/,
    );
  });

  it('takes names in Chinese, with spaces and dashes', () => {
    const tokens = book();
    tokens.create('招商局 张三', 'analyst');
    tokens.create('ci-bot.2', 'viewer');
    expect(tokens.list().map((t) => t.name)).toEqual(['招商局 张三', 'ci-bot.2']);
  });
});

describe("the data directory is the server user's alone", () => {
  it('writes its folders and files readable by their owner only, whatever the umask', async () => {
    const dir = join(tempDir(), 'store');
    const before = process.umask(0o022);
    try {
      const store = await openEmbeddedStore(dir);
      await store.close();
    } finally {
      process.umask(before);
    }
    const open: string[] = [];
    const walk = (path: string) => {
      const mode = statSync(path).mode & 0o777;
      if ((mode & 0o077) !== 0 && !path.endsWith('LOCK')) open.push(`${path} ${mode.toString(8)}`);
      if (statSync(path).isDirectory()) for (const f of readdirSync(path)) walk(join(path, f));
    };
    walk(dir);
    expect(open).toEqual([]);
  });
});

describe('an unreadable workbook is explained in the user’s words', () => {
  it('never passes on what exceljs says of its insides', () => {
    for (const e of [
      new TypeError("Cannot read properties of undefined (reading 'sheets')"),
      new Error('invalid signature: 0x6d6f7266'),
      new RangeError('Invalid string length'),
    ])
      expect(workbookError(e)).toBe(
        'it is damaged, or not an .xlsx workbook (open it in Excel or WPS and save it again as .xlsx)',
      );
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'x.xlsx'"), { code: 'ENOENT' });
    expect(workbookError(missing)).toMatch(/no such file/);
  });
});

describe('a workbook reads the same whole and streamed', () => {
  it('gives the same tables, headers, rows and problems either way', async () => {
    const workbook = new ExcelJS.Workbook();
    const firms = workbook.addWorksheet('企业');
    firms.addRow(['统一社会信用代码', '企业名称', '注册资本']);
    firms.addRow(['91420103MA4KXL6C0D', '长江（武汉）物流有限公司', 1000]);
    firms.addRow([]);
    firms.addRow([
      '91420103T375845494',
      { richText: [{ text: '长江' }, { text: '快运' }] },
      { formula: '1+1', result: 2 },
    ]);
    workbook.addWorksheet('notes').addRow(['x']);
    const path = join(tempDir(), 'book.xlsx');
    await workbook.xlsx.writeFile(path);
    const read = async (wholeUpTo: number) => {
      const events = [];
      for await (const batch of readWorkbook(path, 'book.xlsx', wholeUpTo)) events.push(...batch);
      return events;
    };
    const whole = await read(Number.MAX_SAFE_INTEGER);
    expect(whole.map((e) => e.type)).toEqual(['table', 'header', 'values', 'values', 'problem']);
    expect(await read(0)).toEqual(whole);
  });
});
