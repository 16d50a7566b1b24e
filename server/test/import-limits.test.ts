import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../src/bin/open-store';
import { MAX_LINE_BYTES, MAX_PROBLEMS, MAX_REJECTS_KEPT } from '../src/domain/limits';
import { encodeId } from '../src/graphql/global-id';
import { EMPTY_VIEW, importFiles, readChecked } from '../src/import/importer';
import { jsonLines } from '../src/interchange/format';
import { formatProblem, ImportError } from '../src/interchange/problems';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { code, tempDir } from './support/cli';
import { demoApi, type GraphQLResult } from './support/helpers';

/**
 * The limits on what comes in (docs/data-format.md, "Limits"): one cap on keys for the importer,
 * the mutations and the arguments that name what they wrote; caps on text; no control
 * characters; a bounded list of problems and of rejected rows kept whole; lines read in linear
 * time and bounded memory; encoding errors at their line.
 */

/** The problems of reading `dir`, as the CLI prints them, without the folder. */
async function problemsOf(dir: string, options = {}): Promise<string[]> {
  const error = await readChecked([dir], () => EMPTY_VIEW, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).problems.map((p) => formatProblem(p).replace(`${dir}/`, ''));
}

const firm = (id: string, more: Record<string, unknown> = {}) => ({ id, name: `${id}有限公司`, local: true, ...more });

describe('caps on keys and text, and control characters, in an import', () => {
  it('refuses over-long keys, names and text, and control characters, each at its file, line and field', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'enterprises.jsonl'),
      jsonLines([
        firm('k'.repeat(201), { name: '长键有限公司' }),
        firm(code(1), { name: '名'.repeat(201) }),
        firm(code(2), { name: '甲\u0000公司' }),
        firm(code(3), { address: '址'.repeat(2001) }),
        firm('ab\tc'),
        firm(code(4), { tags: ['ok', 't'.repeat(2001)] }),
        firm(code(5), { shortName: '乙\u001b' }),
        firm(code(6), { city: '武汉\u0085' }),
      ]),
    );
    writeFileSync(join(dir, 'chains.csv'), `id,name\nc1,"链\u0007"\n${'c'.repeat(201)},链二\n`);
    expect(await problemsOf(dir)).toEqual([
      'chains.csv:2 name: must not hold control characters, got U+0007 at character 2',
      'chains.csv:3 id: must be at most 200 characters, got 201',
      'enterprises.jsonl:1 id: must be at most 200 characters, got 201',
      'enterprises.jsonl:2 name: must be at most 200 characters, got 201',
      'enterprises.jsonl:3 name: must not hold control characters, got U+0000 at character 2',
      'enterprises.jsonl:4 address: must be at most 2,000 characters, got 2,001',
      'enterprises.jsonl:5 id: must not hold control characters, got U+0009 at character 3',
      'enterprises.jsonl:6 tags: item 2 must be at most 2,000 characters, got 2,001',
      'enterprises.jsonl:7 shortName: must not hold control characters, got U+001B at character 2',
      'enterprises.jsonl:8 city: must not hold control characters, got U+0085 at character 3',
    ]);
  });

  it('counts characters, not UTF-16 units, and lets text hold tabs and line breaks', async () => {
    const dir = tempDir();
    // 200 characters outside the BMP: 400 UTF-16 units
    writeFileSync(
      join(dir, 'enterprises.jsonl'),
      jsonLines([firm('𠀀'.repeat(200), { name: '𠀀'.repeat(200), address: '一号\n二楼\t东' })]),
    );
    const { rows } = await readChecked([dir], () => EMPTY_VIEW);
    expect(rows.enterprises[0]).toMatchObject({ id: '𠀀'.repeat(200), address: '一号\n二楼\t东' });
  });

  it('caps the attributes kept with --keep-extra-columns like any text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'enterprises.csv'), `id,name,备注\n${code(7)},丙有限公司,${'注'.repeat(2001)}\n`);
    expect(await problemsOf(dir, { keepExtraColumns: true })).toEqual([
      'enterprises.csv:2 备注: attribute must be at most 2,000 characters, got 2,001',
    ]);
  });
});

describe('the key cap of createEnterprise is the cap of the arguments that name an enterprise', () => {
  const CREATE = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id key } } }`;
  const GET = `query($id: ID!) { enterprise(id: $id) { key } }`;

  it('refuses a key over 200 characters, and one of 200 is found by its key and by its global id', async () => {
    const { query } = await demoApi({ store: await openEmbeddedStore(tempDir()) });
    const long = await query(CREATE, { input: { id: 'k'.repeat(1000), name: '长键有限公司' } }, 'editor');
    expect(long.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      problems: [{ field: 'input.id', message: 'must be at most 200 characters, got 1,000' }],
    });
    const nul = await query(CREATE, { input: { id: 'nul-name', name: '空\u0000字符有限公司' } }, 'editor');
    expect(nul.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_INPUT',
      problems: [{ field: 'input.name', message: 'must not hold control characters, got U+0000 at character 2' }],
    });

    const key = '键'.repeat(200); // 600 bytes of UTF-8: its global id is 812 characters
    const created = (await query(CREATE, { input: { id: key, name: '长键有限公司' } }, 'editor')) as GraphQLResult<{
      createEnterprise: { enterprise: { id: string; key: string } };
    }>;
    expect(created.errors).toBeUndefined();
    const globalId = created.data?.createEnterprise.enterprise.id as string;
    expect(globalId).toBe(encodeId('Enterprise', key));
    for (const id of [key, globalId]) {
      const found = (await query(GET, { id })) as GraphQLResult<{ enterprise: { key: string } | null }>;
      expect(found.errors).toBeUndefined();
      expect(found.data?.enterprise?.key).toBe(key);
    }
    const over = await query(GET, { id: encodeId('Enterprise', '键'.repeat(201)) });
    expect(over.errors?.[0]?.message).toBe("Argument 'id' must be at most 200 characters.");
  });
});

describe('problems and rejected rows are bounded', () => {
  it(`keeps the first ${MAX_PROBLEMS} problems and counts the others`, async () => {
    const dir = tempDir();
    const bad = 5000;
    writeFileSync(join(dir, 'enterprises.jsonl'), jsonLines(Array.from({ length: bad }, (_, i) => ({ id: `e${i}` }))));
    const error = (await readChecked([dir], () => EMPTY_VIEW).catch((e: unknown) => e)) as ImportError;
    expect(error).toBeInstanceOf(ImportError);
    expect(error.total).toBe(bad);
    expect(error.problems).toHaveLength(MAX_PROBLEMS);
    expect(error.problems.at(-1)).toMatchObject({ line: MAX_PROBLEMS, field: 'name', message: 'is required' });
    expect(error.message).toMatch(/^5,000 problem\(s\) in the input; nothing was written:/);
    expect(error.message).toMatch(/… and 4,950 more$/);
  });

  it(`keeps the first ${MAX_REJECTS_KEPT.toLocaleString('en')} rows left out whole, and the others by place`, async () => {
    const dir = tempDir();
    const bad = MAX_REJECTS_KEPT + 5;
    const rows = [firm(code(8)), ...Array.from({ length: bad }, (_, i) => ({ id: `e${i}` }))];
    writeFileSync(join(dir, 'enterprises.jsonl'), jsonLines(rows));
    const store = await EmbeddedStore.open(tempDir());
    const summary = await importFiles(store, { paths: [dir], skipInvalid: true });
    expect(summary.counts.enterprises.added).toBe(1);
    expect(summary.rejected).toHaveLength(bad);
    expect(summary.rejected[0]).toEqual({
      file: join(dir, 'enterprises.jsonl'),
      line: 2,
      problems: [{ field: 'name', message: 'is required' }],
      row: { id: 'e0' },
    });
    expect(summary.rejected.filter((r) => r.problems !== undefined)).toHaveLength(MAX_REJECTS_KEPT);
    expect(summary.rejected.at(-1)).toEqual({ file: join(dir, 'enterprises.jsonl'), line: bad + 1 });
  });
});

describe('lines', () => {
  it('refuses a JSON Lines line over the limit as its row, and reads the lines after it', async () => {
    const dir = tempDir();
    const long = JSON.stringify(firm(code(9), { address: 'x'.repeat(MAX_LINE_BYTES) }));
    writeFileSync(
      join(dir, 'enterprises.jsonl'),
      `${JSON.stringify(firm(code(10)))}\n${long}\n${JSON.stringify(firm(code(11)))}\n${long}`,
    );
    const store = await EmbeddedStore.open(tempDir());
    const summary = await importFiles(store, { paths: [dir], skipInvalid: true });
    expect(summary.counts.enterprises.added).toBe(2);
    const why = 'is longer than 1,048,576 bytes';
    expect(summary.rejected.map((r) => [r.line, r.problems?.[0]?.message])).toEqual([
      [2, why],
      [4, why],
    ]);
  });

  it('stops a CSV table at a line over the limit, naming the line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'chains.csv'), `id,name\nc1,链一\nc2,"${'x'.repeat(MAX_LINE_BYTES + 10)}"\nc3,链三\n`);
    expect(await problemsOf(dir)).toEqual([
      'chains.csv:3: not readable as CSV: the line is longer than 1,048,576 bytes: not a table of rows',
    ]);
  });

  it('names the line of bytes that are not UTF-8 in JSON Lines, and reads on', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'enterprises.jsonl'),
      Buffer.concat([
        Buffer.from(`${JSON.stringify(firm(code(12)))}\n${JSON.stringify(firm(code(13)))}\n`),
        iconv.encode(`${JSON.stringify(firm(code(14), { name: '丁有限公司' }))}\n`, 'gbk'),
        Buffer.from(`${JSON.stringify(firm(code(15)))}\n`),
      ]),
    );
    expect(await problemsOf(dir)).toEqual(['enterprises.jsonl:3: is not UTF-8 text; JSON Lines files are UTF-8']);
  });

  it('names the line of bytes that are not GB18030 in a CSV file', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 5000 }, (_, i) => `c${i},链${i}\n`).join('');
    writeFileSync(
      join(dir, 'chains.csv'),
      Buffer.concat([iconv.encode(`id,name\n${rows}`, 'gb18030'), Buffer.from([0x63, 0x2c, 0x81, 0x0a])]),
    );
    expect(await problemsOf(dir, { encoding: 'gb18030' })).toEqual([
      'chains.csv:5002: is not gb18030 text. Try another --encoding.',
    ]);
  });

  it('names the line of a lone surrogate in a UTF-16 CSV file, past the first chunk', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 9000 }, (_, i) => `c${i},链${i}\n`).join('');
    const head = Buffer.from(`\uFEFFid,name\n${rows}c,`, 'utf16le');
    const lone = Buffer.from([0x00, 0xd8, 0x0a, 0x00]); // U+D800 alone, then a line feed
    writeFileSync(join(dir, 'chains.csv'), Buffer.concat([head, lone, Buffer.from('d,链\n', 'utf16le')]));
    expect(head.length).toBeGreaterThan(64 * 1024);
    expect(await problemsOf(dir)).toEqual(['chains.csv:9002: is not utf-16le text. Try another --encoding.']);
  });
});
