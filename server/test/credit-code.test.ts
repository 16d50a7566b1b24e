import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, isCreditCode, orgCodeCheckChar } from '../src/domain/credit-code';

describe('unified social credit codes', () => {
  // Published codes of well-known companies (public registry data).
  it.each(['91350100M000100Y43', '91110000802100433B', '914403001922038216'])('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
  });

  it('computes the check character over the first 17', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('computes the GB 11714 organisation code check', () => {
    expect(orgCodeCheckChar('80210043')).toBe('3');
  });

  it.each([
    ['91350100M000100Y44', /check character is '4', expected '3'/],
    ['91350100M000100Y4', /18 characters/],
    ['91350100M000100I43', /character outside/],
  ])('rejects %s', (code, message) => {
    expect(creditCodeProblem(code)).toMatch(message);
    expect(isCreditCode(code)).toBe(false);
  });
});
