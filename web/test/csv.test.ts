import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOM, csvField, downloadCsv, safeFileName, toCsv } from '../src/csv';
import { type Lang, translate } from '../src/i18n/messages';
import type { T } from '../src/i18n/useT';
import type { TargetsChain, TargetsGap } from '../src/queries/targets';
import { filterRows, gapsOf, leadCount, sortRows, targetRows } from '../src/views/targets/rows';
import { targetsCsvTable, targetsFileName } from '../src/views/targets/targetsCsv';
import { parseFilters, parseSort } from '../src/views/targets/useTargetParams';

describe('toCsv', () => {
  it('starts with the UTF-8 byte-order mark and ends every row with CRLF', () => {
    const text = toCsv([
      ['企业', '得分'],
      ['长江商贸', 24.3],
    ]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe('\uFEFF企业,得分\r\n长江商贸,24.3\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with commas, double quotes or line breaks (RFC 4180), and only those', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('普通文本')).toBe('普通文本');
    expect(toCsv([['x,y', 'z']])).toBe('\uFEFF"x,y",z\r\n');
  });

  it('neutralises text that Excel would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes numbers unformatted and unguarded; nothing, NaN and Infinity as empty cells', () => {
    expect(toCsv([[-5, 1234567.5, 0, null, undefined, Number.NaN, Number.POSITIVE_INFINITY, '']])).toBe(
      '\uFEFF-5,1234567.5,0,,,,,\r\n',
    );
  });

  it('makes file names every system accepts', () => {
    expect(safeFileName('招商目标-商贸物流.csv')).toBe('招商目标-商贸物流.csv');
    expect(safeFileName('a/b:c*?.csv')).toBe('a_b_c__.csv');
  });
});

describe('downloadCsv', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves a UTF-8 Blob through a click on an <a download>', async () => {
    const link = { href: '', download: '', style: { display: '' }, click: vi.fn(), remove: vi.fn() };
    const append = vi.fn();
    let blob: Blob | undefined;
    vi.stubGlobal('document', { createElement: () => link, body: { append } });
    const createObjectURL = (b: Blob) => {
      blob = b;
      return 'blob:x';
    };
    vi.stubGlobal('URL', { createObjectURL, revokeObjectURL: vi.fn() });
    vi.useFakeTimers();
    downloadCsv('招商目标-商贸物流.csv', toCsv([['名称'], ['长江']]));
    vi.runAllTimers();
    vi.useRealTimers();
    expect(link.download).toBe('招商目标-商贸物流.csv');
    expect(link.href).toBe('blob:x');
    expect(link.click).toHaveBeenCalledOnce();
    expect(append).toHaveBeenCalledWith(link);
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('名称\r\n长江\r\n');
  });
});

/** A term known for the firm: points are its share of the 100 (weights of the known terms: 7). */
const term = (key: string, value: number | null, weight: number) => ({
  key,
  label: key,
  value,
  weight,
  points: value === null ? null : (100 * value * weight) / 7,
  missing: value === null,
});
const firm = (id: string, name: string, revenue: number | null) => ({
  id,
  key: id,
  name,
  shortName: name.slice(0, 4),
  district: '湖北省武汉市',
  revenue,
  employees: null,
  local: false,
});
const gap = (
  key: string,
  order: number,
  need: TargetsGap['need'],
  candidates: [ReturnType<typeof firm>, number][],
  group = false,
) =>
  ({
    segment: { id: `S${key}`, key, name: `环节${key}`, tier: 'MIDSTREAM', order },
    need,
    group,
    direction: need === 'EXTEND' ? 'UPSTREAM' : null,
    reasons: need === 'STRENGTHEN' ? ['FEW_FIRMS', 'CHOKEPOINT'] : [],
    candidates: {
      totalCount: candidates.length,
      nodes: candidates.map(([enterprise, proximity]) => ({
        score: Math.round((100 * (4 + proximity * 3)) / 7),
        reason: proximity === 1 ? '已向链上2家企业供货' : '已从事该环节',
        reasonEn: proximity === 1 ? 'already supplies 2 firm(s) of the chain' : 'works in this link',
        // the firm's province is not known: DISTANCE is missing, not 0
        terms: [term('WORKS_IN_SEGMENT', 1, 4), term('PROXIMITY', proximity, 3), term('DISTANCE', null, 1)],
        enterprise,
      })),
    },
  }) satisfies TargetsGap;

const a = firm('A', '=长江物流, "集团"', 500);
const b = firm('B', '安达运输有限公司', null);
const chain: TargetsChain = {
  id: 'C1',
  key: 'logistics',
  name: '商贸物流',
  gapReport: {
    segments: [
      gap('s2', 2, 'STRENGTHEN', [[a, 1]]),
      gap('s1', 1, 'FILL', [
        [b, 1],
        [a, 0.5],
      ]),
      gap('s3', 3, 'OK', []),
      // a segment with sub-segments: it is not a gap of its own, and has no candidates
      gap('s0', 0, 'FILL', [], true),
    ],
  },
};
const tr =
  (lang: Lang): T =>
  (key, vars) =>
    translate(lang, key, vars);

describe('the targets table', () => {
  const rows = targetRows(gapsOf(chain));

  it('is one row per firm with every gap it could fill, best score first, equal scores sharing a rank', () => {
    expect(
      rows.map((r) => [r.rank, r.enterprise.id, r.score, r.fits.map((f) => [f.gap.segment.key, f.score])]),
    ).toEqual([
      [
        1,
        'A',
        100,
        [
          ['s2', 100],
          ['s1', 79],
        ],
      ],
      [1, 'B', 100, [['s1', 100]]],
    ]);
    expect(rows[0]?.best.gap.segment.key).toBe('s2');
    expect(leadCount(rows)).toBe(3);
  });

  it('filters and sorts as the URL says', () => {
    const f = parseFilters(new URLSearchParams('need=FILL&q=安达&lang=en'), ['s1', 's2']);
    expect(filterRows(rows, f).map((r) => r.enterprise.id)).toEqual(['B']);
    expect(parseFilters(new URLSearchParams('segment=gone&min=abc'), ['s1'])).toMatchObject({
      segment: null,
      minScore: null,
    });
    const byRevenue = sortRows(rows, parseSort(new URLSearchParams('sort=revenue&dir=asc')));
    expect(byRevenue.map((r) => r.enterprise.revenue)).toEqual([500, null]);
  });

  it('lists a firm with the gaps that pass the filters, scored and ranked by the best of them', () => {
    const fill = filterRows(rows, parseFilters(new URLSearchParams('need=FILL'), ['s1', 's2']));
    expect(fill.map((r) => [r.rank, r.enterprise.id, r.score, r.fits.map((f) => f.gap.segment.key)])).toEqual([
      [1, 'B', 100, ['s1']],
      [2, 'A', 79, ['s1']],
    ]);
    // the rows given are left as they were
    expect(rows[0]?.fits).toHaveLength(2);
    const high = filterRows(rows, parseFilters(new URLSearchParams('min=90'), ['s1', 's2']));
    expect(high.map((r) => [r.enterprise.id, r.fits.length])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });

  it('leaves out groups (their sub-segments are the gaps)', () => {
    expect(gapsOf(chain).map((g) => g.segment.key)).toEqual(['s1', 's2']);
  });

  it('exports a header in the page’s language, the reason, and the numbers unformatted', () => {
    const zh = toCsv(targetsCsvTable(rows, tr('zh'), 'zh')).split('\r\n');
    expect(zh[0]).toBe(
      '\uFEFF排名,企业名称,简称,统一社会信用代码,所在地区,可填补的短板环节（得分）,得分最高的短板环节,环节位置,需求,短板原因,入选理由,得分,从事该环节（值）,从事该环节（得分）,供应链邻近（值）,供应链邻近（得分）,同省（值）,同省（得分）,营收（万元）',
    );
    expect(zh[1]).toBe(
      `1,"'=长江物流, ""集团""",'=长江物,A,湖北省武汉市,环节s2（中游·强链）100；环节s1（中游·补链）79,环节s2,中游,强链,本地企业少；存在卡点企业（独家供货）,已向链上2家企业供货,100,1,${400 / 7},1,${300 / 7},,,500`,
    );
    expect(zh[2]).toBe(
      `1,安达运输有限公司,安达运输,B,湖北省武汉市,环节s1（中游·补链）100,环节s1,中游,补链,本地无企业，且位于已覆盖环节之间,已向链上2家企业供货,100,1,${400 / 7},1,${300 / 7},,,`,
    );
    const en = toCsv(targetsCsvTable(rows, tr('en'), 'en')).split('\r\n');
    expect(en[0]).toMatch(
      /^\uFEFFRank,Name,Short name,Credit code,District,Gaps it could fill \(score\),Best-scoring gap,Tier,Need,Why a gap,Why listed,Score,In the segment \(value\)/,
    );
    expect(en[1]).toContain(
      ',"环节s2 (Midstream, Strengthen) 100; 环节s1 (Midstream, Fill) 79",环节s2,Midstream,Strengthen,',
    );
    expect(en.slice(3)).toEqual(['']); // two firms: a header, two lines and the last CRLF
    expect(targetsFileName(tr('zh'), chain)).toBe('招商目标-商贸物流.csv');
    expect(targetsFileName(tr('en'), chain)).toBe('targets-logistics.csv');
  });

  it('writes a term not known for the firm as two empty cells, never as 0', () => {
    const [header, line] = targetsCsvTable(rows.slice(0, 1), tr('en'), 'en');
    const at = header?.indexOf('Home province (value)') ?? -1;
    expect(at).toBeGreaterThan(0);
    expect(header?.[at + 1]).toBe('Home province (points)');
    expect(line?.[at]).toBeNull();
    expect(line?.[at + 1]).toBeNull();
    expect(toCsv([line ?? []])).toContain(',,,500\r\n');
  });
});
