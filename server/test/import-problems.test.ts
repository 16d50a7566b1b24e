import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { code, demoStoreCopy, runImport, tempDir } from './support/cli';

/** A folder of broken files, one of each problem the importer must catch. */
function brokenFolder(): string {
  const dir = tempDir();
  const [a, b, c] = [code(11), code(12), code(13)];
  const badCheck = `${a.slice(0, 17)}${a.endsWith('0') ? '1' : '0'}`;
  const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  write('enterprises.csv', [
    'id,name,shortName,district,local,status,foundedOn',
    `${a},甲公司,甲,本区,true,存续,2020-01-01`, // 2
    `${a},甲公司二,甲二,本区,true,存续,2020-01-01`, // 3 duplicate id
    `${badCheck},乙公司,乙,本区,true,存续,2020-01-01`, // 4 check character
    `${b},丙公司,丙,本区,true,存续,2023-02-30`, // 5 not a real date
    `${c},丁公司,丁,本区,true,存续,2020-01-01,extra`, // 6 wrong number of fields
  ]);
  // the good version of row 5 and 6, so that the rows below can refer to b and c
  write('enterprises-fixed.csv', [
    'id,name,shortName,district,local,status',
    `${b},丙公司,丙,本区,true,存续`,
    `${c},丁公司,丁,本区,true,存续`,
  ]);
  write('chains.jsonl', ['{"id":"c1","name":"链一"}']);
  write('segments.csv', ['id,chainId,name,tier,order', 's1,c1,环节一,SIDEWAYS,1', 's2,nochain,环节二,UPSTREAM,2']);
  write('leaders.csv', ['id,name', 'l1,张三']); // missing required column title
  write('controls.csv', [
    'from,to,share,source,confidence',
    `${a},${b},150%,registry,1`, // 2 share over 100%
    `${a},${a},0.5,registry,1`, // 3 self-ownership
    `${a},${c},60%,registry,1`, // 4
    `${b},${c},50%,registry,1`, // 5 shares held in c sum to 110%
    `${a},${code(99)},0.2,registry,1`, // 6 unknown enterprise
  ]);
  write('in_segment.csv', ['enterpriseId,segmentId,source,confidence', `${a},nosegment,survey,0.9`]);
  return dir;
}

it('reports every problem of a folder of broken files with file, line and field, and writes nothing', async () => {
  const dataDir = await demoStoreCopy();
  const manifestBefore = readFileSync(join(dataDir, 'MANIFEST'), 'utf8');
  const segmentsBefore = readdirSync(join(dataDir, 'segments'));
  const sizeBefore = (await EmbeddedStore.open(dataDir)).size();

  const run = await runImport([brokenFolder(), '--data-dir', dataDir]);
  expect(run.code).toBe(1);
  const lines = run.stderr.split('\n');
  const expected = [
    /\/enterprises\.csv:3: duplicate of the enterprises row at line 2 \(same key/,
    /\/enterprises\.csv:4 id: unified social credit code check character is/,
    /\/enterprises\.csv:5 foundedOn: is not a real date: '2023-02-30'/,
    /\/enterprises\.csv:6: has 8 fields, the header has 7/,
    /\/segments\.csv:2 tier: must be UPSTREAM, MIDSTREAM or DOWNSTREAM/,
    /\/segments\.csv:3 chainId: unknown chain 'nochain'/,
    /\/leaders\.csv:1 title: missing required column 'title'/,
    /\/controls\.csv:2 share: must be above 0 and at most 100%, got '150%'/,
    /\/controls\.csv:3 to: an enterprise cannot own itself/,
    /\/controls\.csv:5 share: the shares held in '.{18}' would sum to 110%, over 100%/,
    /\/controls\.csv:6 to: unknown enterprise '.{18}'/,
    /\/in_segment\.csv:2 segmentId: unknown segment 'nosegment'/,
  ];
  for (const pattern of expected)
    expect(
      lines.some((l) => pattern.test(l)),
      String(pattern),
    ).toBe(true);
  expect(run.stderr).toMatch(/Rejected: \d+ problem\(s\) in \d+ row\(s\) or header\(s\)\. Nothing was written\./);

  expect(readFileSync(join(dataDir, 'MANIFEST'), 'utf8')).toBe(manifestBefore);
  expect(readdirSync(join(dataDir, 'segments'))).toEqual(segmentsBefore);
  expect((await EmbeddedStore.open(dataDir)).size()).toEqual(sizeBefore);
}, 30_000);

it('names files it cannot read', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
  writeFileSync(join(dir, 'enterprises.jsonl'), '{"id": "x", "name": \n');
  const run = await runImport([dir, join(dir, 'missing.csv'), '--data-dir', tempDir()]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/notes\.csv:0: cannot tell what it holds from its name/);
  expect(run.stderr).toMatch(/missing\.csv:0: no such file or folder/);
  expect(run.stderr).toMatch(/enterprises\.jsonl:1: not valid JSON/);
});
