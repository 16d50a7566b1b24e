import { describe, expect, it } from 'vitest';
import { initialsOf, initialsRank, isInitialsQuery, isSubsequence, MAX_VARIANTS } from '../src/domain/pinyin';

describe('pinyin initials', () => {
  it('spells the initials of a Chinese name, every reading of a character with several', () => {
    expect(initialsOf('汉江金控')).toEqual(['hjjk']);
    expect(initialsOf('长江商贸')).toEqual(['cjsm', 'zjsm']);
    expect(initialsOf('湖北长江商贸物流集团有限公司')).toContain('hbcjsmwljtyxgs');
    expect(initialsOf('3D打印（武汉）')).toEqual(['3ddywh']);
    expect(initialsOf('长长长长长长长长').length).toBe(MAX_VARIANTS);
  });

  it('ranks a query against initials', () => {
    expect(initialsRank('cjsm', ['cjsm'], ['hbcjsmwljtyxgs'])).toBe(0);
    expect(initialsRank('hbcj', ['cjsm'], ['hbcjsmwljtyxgs'])).toBe(1);
    expect(initialsRank('wljt', ['cjsm'], ['hbcjsmwljtyxgs'])).toBe(2);
    expect(initialsRank('hbsm', ['cjsm'], ['hbcjsmwljtyxgs'])).toBe(3);
    expect(initialsRank('xyz', ['cjsm'], ['hbcjsmwljtyxgs'])).toBeUndefined();
    expect(isSubsequence('hbsm', 'hbcjsm')).toBe(true);
    expect(isSubsequence('hbsmx', 'hbcjsm')).toBe(false);
    expect(isInitialsQuery('hbsm')).toBe(true);
    expect(isInitialsQuery('长江')).toBe(false);
    expect(isInitialsQuery('h')).toBe(false);
  });
});
