import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../src/domain/model';
import { searchForm } from '../src/domain/search-text';
import { searchEnterprises } from '../src/store/graph/search';

const firm = (id: string, name: string, shortName: string, revenue?: number): Enterprise => ({
  id,
  name,
  shortName,
  district: '本区',
  local: true,
  status: '存续',
  tags: [],
  ...(revenue === undefined ? {} : { revenue }),
});

const firms = [
  firm('R', '人形机器人（上海）有限公司', '人形机器人（上海）'),
  firm('K', '上海【科创】机器人有限公司', '科创机器人'),
  // a fund whose pinyin initials (泰鄂盛隆安 → tesla…) hold the letters of Tesla, larger than the firm
  firm('F', '泰鄂盛隆安基金管理有限公司', '泰鄂盛隆安基金', 9_000_000),
  firm('T', '特斯拉（ＴＥＳＬＡ）汽车有限公司', '特斯拉', 10),
  firm('L', 'TCL华星光电技术有限公司', 'TCL华星'),
];
const search = (text: string) => searchEnterprises(firms, text, 'RELEVANCE').map((e) => e.id);

describe('the search form of a text', () => {
  it('writes brackets, punctuation and letters of either width alike', () => {
    expect(searchForm('人形机器人(上海)')).toBe(searchForm('人形机器人（上海）'));
    expect(searchForm('上海[科创]')).toBe(searchForm('上海【科创】'));
    expect(searchForm('ＴＥＳＬＡ')).toBe('tesla');
    expect(searchForm('“长江”、商贸。')).toBe('"长江",商贸.');
    expect(searchForm('  长江 \u3000 商贸 ')).toBe('长江 商贸');
  });
});

describe('the embedded store’s search', () => {
  it('finds a name however its brackets are written', () => {
    expect(search('人形机器人(上海)')).toEqual(['R']);
    expect(search('人形机器人（上海')).toEqual(['R']);
    expect(search('上海[科创]')).toEqual(['K']);
    expect(search('上海(科创)机器人')).toEqual(['K']);
  });

  it('matches Latin letters in names and short names before pinyin initials', () => {
    expect(search('Tesla')).toEqual(['T', 'F']);
    expect(search('ＴＥＳＬＡ')).toEqual(['T', 'F']);
    expect(search('tcl')[0]).toBe('L');
  });
});
