import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, isCreditCode } from '../src/domain/credit-code';
import { type Dataset, TIERS } from '../src/domain/model';
import { readDataset } from '../src/import/importer';
import { FIELDS, type FieldSpec, KINDS, type Kind, TABLE_NAMES, toJsonLines } from '../src/interchange/format';
import { ImportError, type ImportProblem } from '../src/interchange/problems';
import { RowParser } from '../src/interchange/rows';
import { readCsv } from '../src/interchange/sources/csv';
import { decoder, detectEncoding, EncodingError } from '../src/interchange/sources/encoding';
import { ENCODINGS, type Encoding, type TableEvent } from '../src/interchange/sources/events';
import { readJsonLines } from '../src/interchange/sources/jsonl';
import { readLineBatches } from '../src/interchange/sources/lines';
import {
  Invalid,
  isEmptyValue,
  parseBoolean,
  parseConfidence,
  parseDate,
  parseEnterpriseId,
  parseInteger,
  parseNumber,
  parseShare,
  parseSharePercent,
  parseTags,
  parseText,
  parseTier,
} from '../src/interchange/values';
import { tempDir } from './support/cli';

/**
 * Bad input fuzzing of the importer (issue 8): whatever bytes a file holds, each parser gives a
 * value or the importer's own problem (file, line, field, message); never a TypeError, a
 * RangeError or a hang. Fixed seeds: a failure is the same on every machine.
 */
const SEED = 8_05;
const run = (numRuns: number) => ({ seed: SEED, numRuns, timeout: 10_000 });

const root = tempDir('chain-atlas-fuzz-import-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
/** A fresh folder under this file's temporary folder. */
function freshDir(): string {
  const dir = join(root, String(dirs++));
  mkdirSync(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code. */
const creditCode = fc
  .tuple(
    fc.constantFrom(...'123456789ANY'),
    fc.constantFrom(...'12359'),
    fc.stringMatching(/^\d{6}$/),
    fc.array(fc.constantFrom(...ALPHABET), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, area, rest]) => {
    const first17 = `${a}${b}${area}${rest.join('')}`;
    return first17 + creditCodeCheckChar(first17);
  });

/** A few codes that rows of one run share, so that references between them can resolve. */
const CODES = ['91420103MA4K0000X', '91420103MA4K0001X', '91420103MA4K0002X', '91420103MA4K0003X'].map(
  (c) => c.slice(0, 17) + creditCodeCheckChar(c.slice(0, 17)),
);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Texts that have broken parsers before, or could. */
const NASTY = [
  '',
  ' ',
  '\t',
  '\u0000',
  '\uFEFF',
  '\u00A0',
  '\u3000',
  '"',
  '""',
  '"a"b',
  "'",
  ',',
  '\n',
  '\r\n',
  '\r',
  ';',
  '；',
  '|',
  '、',
  '%',
  '％',
  '51%',
  '51 %',
  '%51',
  '1e309',
  '-1e309',
  '1e-400',
  '-0',
  '+0',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1,000',
  ',,,',
  '.',
  '.5',
  '5.',
  '1e',
  'e5',
  '１２',
  '٣',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '1'.repeat(400),
  '2020-02-30',
  '2020-13-01',
  '0000-01-01',
  '9999-12-31',
  '275760-09-13',
  '2020年2月29日',
  '2021年2月29日',
  '2020/1/1',
  '2020.1.1',
  '09999',
  '10000',
  '43240',
  '2958465',
  '2958466',
  '99999',
  'true',
  'TRUE',
  'Yes',
  '是',
  '否',
  'UPSTREAM',
  'upstream',
  '上游',
  'SIDEWAYS',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'undefined',
  'null',
  '[object Object]',
  '\ud800',
  '\udfff',
  '\udfff\ud800',
  '𠀀',
  '👨‍👩‍👧',
  'é',
  '\u202e',
  '91350100M000100Y43',
  '91350100m000100y43',
  '91350100M000100Y44',
  'IIIIIIIIIIIIIIIIII',
  '000000000000000000',
];

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: loneSurrogate, maxLength: 3 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary-ascii', maxLength: 4 })), { maxLength: 5 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), '中'.repeat(40_000), '"'.repeat(5_000)) },
);

/** Nested arrays or objects deeper than any recursion can follow. */
const DEEP = Symbol('deep');
const deep = fc.tuple(fc.constantFrom(50, 5_000, 12_000), fc.boolean()).map(([depth, objects]) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = objects ? { a: v } : [v];
  // fast-check would print it by recursion too; and its JSON text is written without recursion
  const text = objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  Object.defineProperty(v, fc.toStringMethod, { value: () => `<${objects ? 'objects' : 'lists'} ${depth} deep>` });
  Object.defineProperty(v, DEEP, { value: text });
  return v;
});

/** Any value a JSON Lines file or a spreadsheet cell could give a parser. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: text },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(-0, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 2, 43240, 0.51, 51, 100, 1, 0),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 4 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.constantFrom(Object.create(null), [undefined], [null], { toString: 1 }) },
);

// ---------------------------------------------------------------------------------------------
// What a clear problem is

/** A file's content as every encoding reads it, for looking words up in. */
const asText = (content: string | Uint8Array) =>
  typeof content === 'string'
    ? content
    : ['utf8', 'utf16le', 'latin1'].map((e) => Buffer.from(content).toString(e as BufferEncoding)).join('\n') +
      iconv.decode(Buffer.from(content), 'gb18030');

/** Fails with the error itself, stack and all, unless it is the importer's ImportError. */
function expectImportError(error: unknown, files: readonly string[], input: string): ImportProblem[] {
  if (!(error instanceof ImportError)) throw error;
  expect(error.problems.length).toBeGreaterThan(0);
  const leaks = leaksNotIn(input);
  for (const p of error.problems) expectClearProblem(p, files, leaks);
  return [...error.problems];
}

/** Words of internals that must not reach a message, unless the input itself says them. */
const LEAKS = ['[object Object]', 'undefined', 'NaN', 'TypeError', 'RangeError', 'Cannot read'];
const leaksNotIn = (input: string) => LEAKS.filter((w) => !input.includes(w));

/** Throws with `what` unless `ok` (cheaper than expect() for thousands of problems a run). */
function check(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

/** A problem names a file the run gave, a line, maybe a field, and says what is wrong in a few words. */
function expectClearProblem(p: ImportProblem, files: readonly string[], leaks: readonly string[]): void {
  const where = () => JSON.stringify(p).slice(0, 300);
  check(
    files.some((f) => p.file === f || p.file.endsWith(`/${f}`)),
    () => `names a file of the run: ${where()}`,
  );
  check(Number.isInteger(p.line) && p.line >= 0, () => `has a line: ${where()}`);
  check(typeof p.message === 'string' && p.message.trim().length > 0, () => `has a message: ${where()}`);
  if (p.field !== undefined)
    check(typeof p.field === 'string' && p.field.trim() !== '', () => `names its field: ${where()}`);
  for (const leak of leaks) check(!p.message.includes(leak), () => `says '${leak}': ${where()}`);
}

// ---------------------------------------------------------------------------------------------
// Value parsers

describe('value parsers', () => {
  const parsers = {
    parseText,
    parseNumber,
    parseInteger,
    parseBoolean,
    parseDate,
    parseShare,
    parseSharePercent,
    parseConfidence,
    parseTier,
    parseTags,
    parseEnterpriseId,
  };

  it('give a value of their type or an Invalid with a message, for any value at all', () => {
    fc.assert(
      fc.property(cellValue, (value) => {
        const input = typeof value === 'string' ? value : safeJson(value);
        for (const [name, parse] of Object.entries(parsers)) {
          let parsed: unknown;
          try {
            parsed = parse(value);
          } catch (e) {
            throw new Error(`${name} threw on ${describeValue(value)}: ${(e as Error).stack}`);
          }
          if (parsed instanceof Invalid) {
            expect(parsed.message.length, name).toBeGreaterThan(0);
            expect(parsed.message.length, name).toBeLessThan(200);
            for (const leak of leaksNotIn(input))
              check(!parsed.message.includes(leak), () => `${name}(${describeValue(value)}): ${parsed.message}`);
            continue;
          }
          expectTyped(name, parsed, value);
        }
      }),
      run(600),
    );
  });

  it('read what they should read', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (n, date, millionths) => {
          expect(parseInteger(String(n))).toBe(n);
          expect(parseInteger(n.toLocaleString('en-US'))).toBe(n);
          expect(parseNumber(` ${n} `)).toBe(n);
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
          expect(parseDate(iso)).toBe(iso);
          expect(parseDate(`${y}年${m}月${d}日`)).toBe(iso);
          expect(parseDate(`${y}/${m}/${d}`)).toBe(iso);
          const share = millionths / 1e6;
          expect(parseShare(share)).toBeCloseTo(share, 6);
          expect(parseShare(`${share * 100}%`)).toBeCloseTo(share, 6);
          expect(parseSharePercent(share * 100)).toBeCloseTo(share, 6);
        },
      ),
      run(300),
    );
  });
});

const INT32 = 2 ** 31 - 1;

/** What a parser must give when it gives a value. */
function expectTyped(name: string, parsed: unknown, value: unknown): void {
  const what = `${name}(${describeValue(value)}) = ${describeValue(parsed)}`;
  switch (name) {
    case 'parseText':
      expect(typeof parsed === 'string' && parsed.length > 0 && parsed.trim() === parsed, what).toBe(true);
      break;
    case 'parseEnterpriseId':
      expect(typeof parsed === 'string' && parsed.length > 0, what).toBe(true);
      if (/^[0-9A-Za-z]{18}$/.test(parsed as string)) expect(isCreditCode(parsed as string), what).toBe(true);
      break;
    case 'parseNumber':
      // amounts whose sums stay finite: the API cannot answer Infinity
      expect(typeof parsed === 'number' && parsed >= 0 && parsed <= Number.MAX_SAFE_INTEGER, what).toBe(true);
      break;
    case 'parseInteger':
      // integers are the API's Int: 32-bit
      expect(Number.isInteger(parsed) && (parsed as number) >= 0 && (parsed as number) <= INT32, what).toBe(true);
      break;
    case 'parseConfidence':
      expect(typeof parsed === 'number' && parsed >= 0 && parsed <= 1, what).toBe(true);
      break;
    case 'parseShare':
    case 'parseSharePercent':
      expect(typeof parsed === 'number' && parsed > 0 && parsed <= 1, what).toBe(true);
      break;
    case 'parseBoolean':
      expect(typeof parsed, what).toBe('boolean');
      break;
    case 'parseDate': {
      expect(typeof parsed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(parsed), what).toBe(true);
      const d = new Date(`${parsed}T00:00:00Z`);
      expect(d.toISOString().slice(0, 10), what).toBe(parsed);
      break;
    }
    case 'parseTier':
      expect(TIERS, what).toContain(parsed);
      break;
    case 'parseTags':
      expect(
        Array.isArray(parsed) && parsed.every((t) => typeof t === 'string' && t !== '' && t.trim() === t),
        what,
      ).toBe(true);
      break;
  }
}

function describeValue(value: unknown): string {
  try {
    const s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    return s.length > 120 ? `${s.slice(0, 120)}… (${s.length})` : s;
  } catch {
    return `<${typeof value}>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Credit codes

describe('credit codes', () => {
  it('are checked without throwing, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string({ unit: fc.constantFrom(...`${ALPHABET}IOSVZ a-`), maxLength: 20 })),
        (t) => {
          const problem = creditCodeProblem(t);
          expect(problem === undefined || (typeof problem === 'string' && problem.length > 0)).toBe(true);
          expect(isCreditCode(t)).toBe(problem === undefined);
        },
      ),
      run(1000),
    );
  });

  it('accept every code with its check character, and catch any one character changed', () => {
    fc.assert(
      fc.property(creditCode, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...ALPHABET), (code, at, other) => {
        expect(creditCodeProblem(code)).toBeUndefined();
        expect(parseEnterpriseId(code.toLowerCase())).toBe(code);
        const changed = code.slice(0, at) + other + code.slice(at + 1);
        if (changed !== code && /^[0-9A-Z]{2}\d{6}/.test(changed)) expect(isCreditCode(changed)).toBe(false);
      }),
      run(1000),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Encodings and lines

/** Bytes of a text in an encoding, with or without a byte order mark. */
function encode(textValue: string, encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le-bom'): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(textValue, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(textValue, 'utf8')]);
    case 'gb18030':
      return iconv.encode(textValue, 'gb18030');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textValue, 'utf16le')]);
  }
}

/** Text every encoding can carry (no lone surrogates), in the scripts a district's files hold. */
const wellFormedText = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('，', '（', '）', '％', '、', '；', '￥', '·', '—', '“', '”', '\r', '\n', '\u3000'),
    },
  ),
  maxLength: 60,
});

/** Random bytes, or the bytes of a text in some encoding with some of them overwritten or cut. */
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc
    .tuple(
      wellFormedText,
      fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom' as const),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
      fc.option(fc.nat(), { nil: undefined }),
    )
    .map(([t, enc, flips, cut]) => {
      const bytes = encode(t, enc);
      for (const [at, byte] of flips) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return cut === undefined || bytes.length === 0 ? bytes : bytes.subarray(0, cut % bytes.length);
    }),
);

function writeBytes(name: string, bytes: Uint8Array | string): string {
  const path = join(freshDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** Every event of a source, or the error it threw. */
async function drain(source: AsyncGenerator<TableEvent[]>): Promise<TableEvent[]> {
  const events: TableEvent[] = [];
  for await (const batch of source) events.push(...batch);
  return events;
}

describe('encodings', () => {
  it('detect one of the known encodings, and decode it or say it is not that encoding', async () => {
    await fc.assert(
      fc.asyncProperty(fileBytes, fc.constantFrom(...ENCODINGS, undefined), async (bytes, forced) => {
        const path = writeBytes('x.csv', bytes);
        const encoding = forced ?? detectEncoding(path);
        expect(ENCODINGS).toContain(encoding);
        const text = await decodeAll(bytes, encoding);
        if (text instanceof EncodingError) expect(text.message).toMatch(new RegExp(`is not ${encoding} text`));
        else expect(typeof text).toBe('string');
      }),
      run(200),
    );
  });

  it('read back GB18030, UTF-8 and UTF-16 text as written', async () => {
    await fc.assert(
      fc.asyncProperty(
        wellFormedText,
        fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom' as const),
        async (t, enc) => {
          const bytes = encode(t, enc);
          const encoding = detectEncoding(writeBytes('x.csv', bytes));
          // GB18030 bytes that happen to be UTF-8 too (ASCII, say) are read as UTF-8: then they say the same
          expect(await decodeAll(bytes, encoding)).toBe(t);
        },
      ),
      run(150),
    );
  });
});

function decodeAll(bytes: Uint8Array, encoding: Encoding): Promise<string | EncodingError> {
  return new Promise((resolve, reject) => {
    const d = decoder(encoding);
    let out = '';
    d.on('data', (s: Buffer | string) => {
      out += String(s);
    });
    d.on('error', (e) => (e instanceof EncodingError ? resolve(e) : reject(e)));
    d.on('end', () => resolve(out));
    d.end(Buffer.from(bytes));
  });
}

describe('lines of a UTF-8 file', () => {
  it('are the lines of its text, or an error naming the file and a line', async () => {
    await fc.assert(
      fc.asyncProperty(fileBytes, async (bytes) => {
        const path = writeBytes('x.jsonl', bytes);
        let lines: string[] = [];
        try {
          for await (const b of readLineBatches(path)) {
            expect(b.first).toBe(lines.length + 1);
            lines.push(...b.lines);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          // the line of the first bytes that are not UTF-8: line feeds before it, plus one
          const lineOfBad = badUtf8Line(bytes);
          expect((e as Error).message).toMatch(
            new RegExp(`^${escapeRegExp(path)}: line ${lineOfBad} is not UTF-8 text`),
          );
          lines = [];
          return;
        }
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // valid, since the reader said so
        const expected = text.split('\n').map((l) => l.replace(/\r$/, ''));
        if (text.endsWith('\n') || text === '') expected.pop();
        expect(lines).toEqual(expected);
      }),
      run(150),
    );
  });

  it('are split right across the reader’s chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), fc.constantFrom('\n', '\r\n'), async (shift, eol) => {
        // a file over one chunk (1 MiB), with a line end and a character of 2 to 4 bytes cut at its edges
        const line = `${'中'.repeat(100)}𠀀é${'x'.repeat(shift)}`;
        const count = Math.ceil((1 << 20) / Buffer.byteLength(line + eol)) + 2;
        const text = Array.from({ length: count }, () => line).join(eol);
        const path = writeBytes('big.jsonl', text);
        const lines: string[] = [];
        for await (const b of readLineBatches(path)) lines.push(...b.lines);
        expect(lines.length).toBe(count);
        expect(lines.every((l) => l === line)).toBe(true);
      }),
      run(4),
    );
  });
});

/** The line of the first line that is not UTF-8 (lines cut at every line feed). */
function badUtf8Line(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (end >= bytes.length) return -1;
    start = end + 1;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// Sources: CSV and JSON Lines

/** A CSV field, quoted where it must be (or always). */
const csvField = (v: string, quoteAll: boolean) =>
  quoteAll || /[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;

describe('CSV source', () => {
  it('gives back the records written, whatever their text, in every encoding', async () => {
    const field = fc.oneof(wellFormedText, fc.constantFrom('"', '""', ',', '\n', '\r\n', ' a ', '"a"b', '\u0000'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom' as const),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        async (records, enc, quoteAll, eol) => {
          const text = records.map((r) => r.map((v) => csvField(v, quoteAll)).join(',')).join(eol) + eol;
          const path = writeBytes('enterprises.csv', encode(text, enc));
          const events = await drain(readCsv(path, 'enterprises.csv', 'enterprises', detectEncoding(path)));
          expect(events.filter((e) => e.type === 'problem')).toEqual([]);
          const read = events.flatMap((e) => (e.type === 'header' || e.type === 'values' ? [e.values] : []));
          expect(read).toEqual(records);
          const lines = events.flatMap((e) => (e.type === 'header' || e.type === 'values' ? [e.at.line] : []));
          lines.forEach((l, i) => {
            expect(l).toBeGreaterThan(i === 0 ? 0 : (lines[i - 1] as number));
          });
        },
      ),
      run(120),
    );
  });

  it('reads any bytes to records or a problem naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fileBytes,
          fc
            .array(fc.array(text, { maxLength: 4 }), { maxLength: 5 })
            .map((rows) => rows.map((r) => r.join(',')).join('\n')),
        ),
        fc.constantFrom(...ENCODINGS, undefined),
        async (bytes, forced) => {
          const path = writeBytes('enterprises.csv', bytes);
          const events = await drain(readCsv(path, 'enterprises.csv', 'enterprises', forced ?? detectEncoding(path)));
          expect(events[0]?.type).toBe('table');
          const lineCount = String(bytes).split(/\r\n|\r|\n/).length + 1;
          for (const e of events) {
            if (e.type === 'problem') {
              expectClearProblem(e.problem, ['enterprises.csv'], leaksNotIn(asText(bytes)));
              expect(e.problem.line).toBeLessThanOrEqual(lineCount);
            } else if (e.type === 'header' || e.type === 'values') {
              expect(e.values.every((v) => typeof v === 'string')).toBe(true);
              expect(e.at.line).toBeGreaterThan(0);
            }
          }
        },
      ),
      run(120),
    );
  });
});

describe('JSON Lines source', () => {
  it('gives each line as a value or a problem on that line', async () => {
    const line = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      text,
      fc.constantFrom('{', '}', '{"id": 1,}', '[1,]', '1e309', '-0', 'NaN', '"\\ud800"', '{"__proto__": {"x": 1}}'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n')).map(([ls, eol]) => ls.join(eol)),
          fileBytes,
        ),
        async (content) => {
          const path = writeBytes('chains.jsonl', content);
          const events = await drain(readJsonLines(path, 'chains.jsonl', 'chains'));
          const lineCount = String(content).split('\n').length;
          for (const e of events.slice(1)) {
            expect(['object', 'problem']).toContain(e.type);
            if (e.type === 'problem') {
              expectClearProblem(e.problem, ['chains.jsonl'], leaksNotIn(asText(content)));
              expect(e.problem.line).toBeLessThanOrEqual(lineCount);
              expect(e.problem.message).not.toContain(path);
            } else if (e.type === 'object') expect(e.at.line).toBeLessThanOrEqual(lineCount);
          }
        },
      ),
      run(150),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Rows, and whole imports

/** The headers a column of a kind may have, and some near misses. */
function headerArb(kind: Kind): fc.Arbitrary<string[]> {
  const specs = FIELDS[kind];
  const column = (names: string[]) =>
    fc
      .tuple(fc.constantFrom(...names), fc.constantFrom('', ' ', '\uFEFF', 'upper', '(%)', '（%）'))
      .map(([n, how]) => (how === 'upper' ? n.toUpperCase() : how === '\uFEFF' ? how + n : n + how));
  return fc
    .tuple(
      fc.tuple(
        ...specs.map((s) => fc.option(column([s.name, ...s.aliases]), { freq: s.required ? 12 : 2, nil: undefined })),
      ),
      fc.array(fc.oneof(text, fc.constantFrom(...KINDS.flatMap((k) => FIELDS[k].map((s) => s.name)))), {
        maxLength: 2,
      }),
      fc.boolean(),
    )
    .chain(([known, extra, twice]) => {
      const names = [...known.filter((n): n is string => n !== undefined), ...extra];
      if (twice && names.length > 0) names.push(names[0] as string);
      return fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length });
    });
}

/** A value for a column, by the field it is named after: often good, sometimes not. */
function valueFor(field: string | undefined): fc.Arbitrary<unknown> {
  const good: Record<string, fc.Arbitrary<unknown>> = {
    id: fc.oneof(fc.constantFrom(...CODES), fc.constantFrom('c1', 'c2', 's1', 's2', 'l1'), creditCode),
    enterpriseId: fc.constantFrom(...CODES),
    from: fc.constantFrom(...CODES, 's1', 's2'),
    to: fc.constantFrom(...CODES, 's1', 's2'),
    chainId: fc.constantFrom('c1', 'c2', 'c3'),
    segmentId: fc.constantFrom('s1', 's2', 's3'),
    leaderId: fc.constantFrom('l1', 'l2'),
    tier: fc.constantFrom(...TIERS, '上游', '中游', 'downstream'),
    order: fc.oneof(fc.nat(20), fc.constantFrom('3', '2147483647', '2147483648', '1e9', '1e10')),
    employees: fc.oneof(fc.nat(5000), fc.constantFrom('120', '1,200', '2147483648', '1e10', '1e300')),
    local: fc.constantFrom('true', 'false', '是', '否', true, false, 1, 0),
    share: fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.constantFrom('51%', '0.5', '30', '100', '100%', '0.000001', '1e-7', '60％'),
    ),
    foundedOn: fc.constantFrom('2020-01-01', '2019/3/2', '2015年3月2日', '43240', 43240),
    verifiedAt: fc.constantFrom('2024-05-01', '2024-02-30'),
    registeredCapital: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('1,000', '1e308')),
    revenue: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('1e308', '1.7976931348623157e308')),
    annualValue: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('1e308')),
    confidence: fc.constantFrom('0.9', '1', 0.5, '1.5'),
    tags: fc.oneof(fc.constantFrom('a;b', '龙头、专精特新', ';;'), fc.array(text, { maxLength: 3 })),
  };
  const plain = fc.oneof(
    fc.constantFrom('甲公司', '江汉区', '存续', '钢材', 'registry'),
    fc.string({ minLength: 1, maxLength: 8 }),
  );
  return fc.oneof({ weight: 6, arbitrary: (field && good[field]) || plain }, { weight: 1, arbitrary: cellValue });
}

interface Table {
  kind: Kind;
  file: string;
  content: string | Buffer;
}

/** One table of a kind, as a CSV or JSON Lines file, its header and rows mostly right. */
const tableArb: fc.Arbitrary<Table> = fc
  .tuple(fc.constantFrom(...KINDS), fc.constantFrom('csv', 'jsonl', 'csv', 'jsonl', 'raw'))
  .chain(([kind, format]) =>
    fc
      .tuple(
        headerArb(kind),
        fc.constantFrom(...TABLE_NAMES[kind], `${TABLE_NAMES[kind][0]}-2025`, `${TABLE_NAMES[kind][0]}x`),
        fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom' as const),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
      )
      .chain(([header, name, enc, quoteAll, eol]) => {
        const fieldOf = (h: string) => {
          const n = h
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase()
            .replace('（', '(')
            .replace('）', ')');
          return FIELDS[kind].find((s) =>
            [s.name, ...s.aliases].some((a) => a.toLowerCase() === n.replace(/\(%\)$/, '')),
          )?.name;
        };
        const row = fc.tuple(...header.map((h) => valueFor(fieldOf(h))), fc.constantFrom(0, 0, 0, 0, 0, 0, 1, -1));
        return fc.tuple(fc.array(row, { maxLength: 8 }), fileBytes).map(([rows, raw]): Table => {
          if (format === 'raw') return { kind, file: `${name}.${enc === 'gb18030' ? 'csv' : 'jsonl'}`, content: raw };
          if (format === 'jsonl') {
            const lines = rows.map((r) =>
              safeJson(Object.fromEntries(header.map((h, i) => [h, r[i]]).filter(([, v]) => v !== undefined))),
            );
            return { kind, file: `${name}.jsonl`, content: encode(lines.join(eol), enc === 'gb18030' ? 'utf-8' : enc) };
          }
          const cells = (r: unknown[]) => r.map((v) => csvField(cellText(v), quoteAll));
          const lines = [
            header.map((h) => csvField(h, quoteAll)),
            ...rows.map((r) => {
              const values = cells(r.slice(0, -1));
              const change = r.at(-1) as number; // a field too many or too few, now and then
              return change > 0 ? [...values, 'extra'] : change < 0 ? values.slice(1) : values;
            }),
          ];
          return { kind, file: `${name}.csv`, content: encode(lines.map((l) => l.join(',')).join(eol) + eol, enc) };
        });
      }),
  );

/** JSON text of a value; values JSON cannot say as a string. */
function safeJson(value: unknown): string {
  if (typeof value === 'object' && value !== null && DEEP in value) return (value as { [DEEP]: string })[DEEP];
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date))
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${safeJson(v)}`)
      .join(',')}}`;
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return JSON.stringify(String(Object.prototype.toString.call(value)));
  }
}

function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  try {
    return typeof v === 'object' && v !== null ? safeJson(v) : String(v);
  } catch {
    return '';
  }
}

describe('row parser', () => {
  it('takes any header and any record to a row or problems with their field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.array(cellValue, { maxLength: 6 }),
        fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 4 }),
        fc.array(fc.dictionary(fc.oneof(text, fc.constantFrom('id', 'name', '__proto__')), cellValue), {
          maxLength: 3,
        }),
        (kind, header, records, objects) => {
          const problems: ImportProblem[] = [];
          const parser = new RowParser(kind, (p) => problems.push(p));
          const at = { file: 'x.csv', line: 1 };
          parser.header(header, at);
          for (const r of records) parser.values(r, { ...at, line: 2 });
          for (const o of objects) parser.object(o, { ...at, line: 3 });
          const input = [...header, ...records.flat(), ...objects, ...objects.flatMap(Object.keys)].map(safeJson);
          const leaks = leaksNotIn(input.join());
          for (const p of problems) expectClearProblem(p, ['x.csv'], leaks);
        },
      ),
      run(200),
    );
  });
});

/** Text a name field takes: not blank, whatever else. */
const someText = fc.oneof(
  fc.constantFrom(
    '甲公司',
    '湖北长江商贸物流集团有限公司',
    '江汉区',
    '存续',
    '钢材',
    'registry',
    ' 前后空格 ',
    'a,b',
    '"引号"',
  ),
  // text that is no empty marker (-, /, 暂无 …: those mean "no value")
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((t) => !isEmptyValue(t)),
);

/** A value of a field as a file may write it: the same value, in the forms the parsers accept. */
function written(field: string, kind: Kind): fc.Arbitrary<unknown> {
  const amount = fc.oneof(
    fc.nat(1_000_000),
    fc.nat(1_000_000).map((n) => n.toLocaleString('en-US')),
    fc.double({ min: 0, max: 1e9, noNaN: true }),
    fc.constantFrom('0', '-0', '.5', '5.', '1e3', Number.MAX_SAFE_INTEGER),
  );
  const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).chain((d) => {
    const [y, m, day] = d.toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
    return fc.constantFrom(
      d.toISOString().slice(0, 10),
      `${y}/${m}/${day}`,
      `${y}年${m}月${day}日`,
      `${y}.${m}.${day}`,
    );
  });
  const forms: Record<string, fc.Arbitrary<unknown>> = {
    name: someText,
    shortName: someText,
    district: someText,
    status: someText,
    park: someText,
    title: someText,
    description: someText,
    product: someText,
    source: someText,
    local: fc.constantFrom(true, false, 'true', 'FALSE', '是', '否', '本地', '外地', 'y', 'n', 1, 0, '1', '0'),
    foundedOn: date,
    verifiedAt: date,
    registeredCapital: fc.oneof(amount, fc.constantFrom('5000万元人民币', '1000万美元', '1.2亿元', '50,000,000元')),
    registeredCapitalCurrency: fc.constantFrom('美元', 'USD', '人民币', '港元'),
    revenue: amount,
    annualValue: amount,
    employees: fc.oneof(fc.nat(100_000), fc.constantFrom('1,200', 2_147_483_647)),
    confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('0.9', '1', 0)),
    tags: fc.oneof(
      fc.array(
        someText.map((t) => t.replace(/[;；|、]/g, '')),
        { maxLength: 3 },
      ),
      fc.constantFrom('链主企业;规上企业', '专精特新、高新技术', ''),
    ),
  };
  if (kind === 'controls' && field === 'share') return fc.constantFrom('30%', '0.3', '30', 0.3, 30, '30 %', '30％');
  return forms[field] ?? someText;
}

/**
 * A consistent small data set (two chains, their segments, four enterprises and the relationships
 * between them), each value in a form a file may give it: an import of it must succeed.
 */
const goodRows = fc.record({
  chains: fc.tuple(written('name', 'chains'), written('name', 'chains')).map(([a, b]) => [
    { id: 'c1', name: a },
    { id: 'c2', name: b, description: 'x' },
  ]),
  segments: fc
    .tuple(
      fc.constantFrom('UPSTREAM', 'upstream', '上游'),
      fc.constantFrom('MIDSTREAM', '中游'),
      fc.constantFrom('下游'),
    )
    .map(([t1, t2, t3]) => [
      { id: 's1', chainId: 'c1', name: '运输', tier: t1, order: 1 },
      { id: 's2', chainId: 'c1', name: '仓储', tier: t2, order: '2' },
      { id: 's3', chainId: 'c2', name: '配送', tier: t3, order: 3 },
    ]),
  feeds: fc.constant([{ from: 's1', to: 's2' }]),
  leaders: fc.constant([{ id: 'l1', name: '张三', title: '副区长' }]),
  leads: fc.constant([{ leaderId: 'l1', chainId: 'c1' }]),
  enterprises: fc.tuple(
    ...CODES.map((id, i) =>
      fc
        .record(
          Object.fromEntries(
            FIELDS.enterprises.filter((f) => f.name !== 'id').map((f) => [f.name, written(f.name, 'enterprises')]),
          ),
          { requiredKeys: FIELDS.enterprises.filter((f) => f.required && f.name !== 'id').map((f) => f.name) },
        )
        .map((e) => ({ id: i % 2 ? id.toLowerCase() : id, ...e })),
    ),
  ),
  anchors: fc.constant([{ enterpriseId: CODES[0], chainId: 'c1' }]),
  inSegment: fc.constant([
    { enterpriseId: CODES[0], segmentId: 's1' },
    { enterpriseId: CODES[1], segmentId: 's2', confidence: 0.8 },
    { enterpriseId: CODES[2], segmentId: 's3' },
  ]),
  controls: fc.tuple(written('share', 'controls'), written('share', 'controls')).map(([a, b]) => [
    { from: CODES[0], to: CODES[1], share: a },
    { from: CODES[2], to: CODES[1], share: b },
  ]),
  supplies: fc.tuple(written('annualValue', 'supplies'), written('product', 'supplies')).map(([value, product]) => [
    { from: CODES[1], to: CODES[0], product, annualValue: value },
    { from: CODES[3], to: CODES[0], product: '钢材' },
  ]),
  products: fc.constant([
    { enterpriseId: CODES[1], product: '钢材', share: '30%' },
    { enterpriseId: CODES[1], product: '铝材' },
  ]),
  district: fc.constant([{ name: '江汉区', city: '武汉市' }]),
});

/** A table of rows as a file: CSV or JSON Lines, column names or their aliases, in some order and encoding. */
function tableFile(kind: Kind, rows: readonly Record<string, unknown>[]): fc.Arbitrary<Table> {
  const specs = FIELDS[kind];
  return fc
    .record({
      names: fc.tuple(...specs.map((f) => fc.constantFrom(f.name, ...f.aliases.filter((a) => !/%/.test(a))))),
      order: fc.shuffledSubarray([...specs.keys()], { minLength: specs.length, maxLength: specs.length }),
      format: fc.constantFrom('csv', 'jsonl'),
      enc: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom' as const),
      eol: fc.constantFrom('\n', '\r\n'),
      quoteAll: fc.boolean(),
      name: fc.constantFrom(...TABLE_NAMES[kind]),
    })
    .map(({ names, order, format, enc, eol, quoteAll, name }): Table => {
      // a column only where some row has the field
      const used = order.filter((i) => rows.some((r) => r[(specs[i] as FieldSpec).name] !== undefined));
      if (format === 'jsonl') {
        const lines = rows.map((r) =>
          safeJson(
            Object.fromEntries(
              used.flatMap((i) => {
                const v = r[(specs[i] as FieldSpec).name];
                return v === undefined ? [] : [[names[i] as string, v]];
              }),
            ),
          ),
        );
        return {
          kind,
          file: `${name}.jsonl`,
          // JSON Lines files are UTF-8 (with or without a byte order mark)
          content: encode(lines.join(eol) + eol, enc === 'utf-8-bom' ? enc : 'utf-8'),
        };
      }
      const header = used.map((i) => csvField(names[i] as string, quoteAll));
      const lines = rows.map((r) =>
        used.map((i) => csvField(cellText(r[(specs[i] as FieldSpec).name] ?? ''), quoteAll)),
      );
      const text = [header, ...lines].map((l) => l.join(',')).join(eol) + eol;
      return { kind, file: `${name}.csv`, content: encode(text, enc) };
    });
}

describe('whole imports', () => {
  it('read any folder of tables to a data set, or to an ImportError whose every problem names its place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tableArb, { minLength: 1, maxLength: 5 }), fc.boolean(), async (tables, asFiles) => {
        const dir = freshDir();
        const files: string[] = [];
        tables.forEach((t, i) => {
          // a second table of a kind gets another name, as enterprises-2.csv would
          const file = files.includes(t.file) ? t.file.replace(/\.(\w+)$/, ` ${i}.$1`) : t.file;
          writeFileSync(join(dir, file), t.content);
          files.push(file);
        });
        const input = tables.map((t) => asText(t.content)).join('\n');
        let dataset: Awaited<ReturnType<typeof readDataset>>;
        try {
          dataset = await readDataset(asFiles ? files.map((f) => join(dir, f)) : [dir]);
        } catch (e) {
          expectImportError(e, files, input);
          return;
        }
        await expectSameReadBack(dataset);
      }),
      run(80),
    );
  });

  it('read a good data set in any form to the same rows, and one with a fault to the problem it has', async () => {
    // one thing wrong, now and then: a field of a row with any value at all, or a byte of a file
    const fault = fc.option(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({ kind: fc.constantFrom(...KINDS), row: fc.nat(), field: fc.nat(), value: cellValue }),
        },
        { weight: 1, arbitrary: fc.record({ table: fc.nat(), at: fc.nat(), byte: fc.nat(255) }) },
      ),
      { freq: 2 },
    );
    const files = fc.tuple(goodRows, fault).chain(([good, wrong]) => {
      const rows = structuredClone(good) as unknown as Record<Kind, Record<string, unknown>[]>;
      if (wrong && 'kind' in wrong) {
        const row = rows[wrong.kind][wrong.row % rows[wrong.kind].length] as Record<string, unknown>;
        const specs = FIELDS[wrong.kind];
        row[(specs[wrong.field % specs.length] as FieldSpec).name] = wrong.value;
      }
      return fc.tuple(...KINDS.map((k) => tableFile(k, rows[k]))).map((tables) => ({ good, wrong, rows, tables }));
    });
    await fc.assert(
      fc.asyncProperty(files, async ({ good, wrong, tables }) => {
        const dir = freshDir();
        const contents = tables.map((t, i) => {
          const content = Buffer.from(t.content);
          if (wrong && 'table' in wrong && wrong.table % tables.length === i && content.length > 0)
            content[wrong.at % content.length] = wrong.byte;
          writeFileSync(join(dir, t.file), content);
          return content;
        });
        let dataset: Dataset;
        try {
          dataset = await readDataset([dir]);
        } catch (e) {
          if (!wrong) throw e; // a good data set is read, whatever its form
          const input = contents.map((c) => asText(c)).join('\n');
          expectImportError(
            e,
            tables.map((t) => t.file),
            input,
          );
          return;
        }
        if (!wrong) for (const kind of KINDS) expect(dataset[kind].length, kind).toBe(good[kind].length);
        await expectSameReadBack(dataset);
      }),
      run(100),
    );
  });

  it('read any workbook, whatever its sheets and cells hold, to a data set or an ImportError', async () => {
    const cell = fc.oneof(
      { weight: 4, arbitrary: cellValue.filter((v) => !(typeof v === 'object' && v !== null && DEEP in v)) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.record({ formula: fc.constantFrom('A1', '1/0', 'NOW()'), result: cellValue }),
          fc.record({ richText: fc.array(fc.record({ text }), { maxLength: 3 }) }),
          fc.record({ text, hyperlink: fc.constantFrom('http://x', 'mailto:a@b') }),
          fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!') }),
        ),
      },
    );
    const sheet = fc.constantFrom(...KINDS).chain((kind) =>
      fc.record({
        name: fc.oneof(
          fc.constantFrom(...TABLE_NAMES[kind], `${TABLE_NAMES[kind][0]}-2`),
          fc.stringMatching(/^[A-Za-z0-9 一-龥]{1,20}$/),
        ),
        header: fc.oneof(headerArb(kind), fc.array(cell, { maxLength: 4 })),
        rows: fc.array(fc.array(fc.oneof({ weight: 3, arbitrary: valueFor(undefined) }, cell), { maxLength: 6 }), {
          maxLength: 5,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(sheet, { minLength: 1, maxLength: 3, selector: (s) => s.name.toLowerCase().trim() }),
        fc.option(fc.tuple(fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 3 }), fc.option(fc.nat())), {
          freq: 4,
        }),
        async (sheets, damage) => {
          const workbook = new ExcelJS.Workbook();
          for (const s of sheets) {
            const ws = workbook.addWorksheet(s.name);
            ws.addRow((s.header as unknown[]).map(excelCell));
            for (const r of s.rows) ws.addRow(r.map(excelCell));
          }
          let bytes = Buffer.from(await workbook.xlsx.writeBuffer());
          if (damage) {
            const [flips, cut] = damage;
            for (const [at, byte] of flips) bytes[at % bytes.length] = byte;
            if (cut !== null) bytes = bytes.subarray(0, cut % bytes.length);
          }
          const path = writeBytes('book.xlsx', bytes);
          let dataset: Awaited<ReturnType<typeof readDataset>>;
          try {
            dataset = await readDataset([path]);
          } catch (e) {
            const input = sheets.map((s) => safeJson([s.name, s.header, s.rows])).join();
            expectImportError(e, ['book.xlsx'], input);
            return;
          }
          await expectSameReadBack(dataset);
        },
      ),
      run(30),
    );
  });
});

/** A value as exceljs takes it into a cell: what it cannot write (a list, a nest) as its JSON text. */
function excelCell(v: unknown): unknown {
  if (v === undefined || v === null || typeof v !== 'object' || v instanceof Date) {
    return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
  }
  if (['formula', 'richText', 'hyperlink', 'error'].some((k) => k in v)) {
    // plain objects (fast-check makes records without a prototype), as a spreadsheet's cells are
    const cell = { ...v } as Record<string, unknown>;
    if (Array.isArray(cell.richText)) cell.richText = cell.richText.map((r) => ({ ...r }));
    if ('result' in cell) cell.result = excelCell(cell.result);
    return cell;
  }
  return safeJson(v);
}

/**
 * What the importer accepts, it reads back the same from the JSON Lines it writes (every value
 * typed as the interchange format says; a stray function or a NaN would not survive the trip).
 */
async function expectSameReadBack(dataset: Dataset): Promise<void> {
  for (const e of dataset.enterprises)
    if (e.employees !== undefined) expectTyped('parseInteger', e.employees, e.employees);
  for (const s of dataset.segments) {
    expectTyped('parseInteger', s.order, s.order);
    expectTyped('parseTier', s.tier, s.tier);
  }
  const dir = freshDir();
  for (const [file, content] of toJsonLines(dataset)) writeFileSync(join(dir, file), content);
  const again = await readDataset([dir]);
  expect(again).toEqual(dataset);
}
