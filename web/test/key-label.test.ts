import { expect, it } from 'vitest';
import { isCreditCode } from '../src/credit-code';
import { keyLabel } from '../src/format';

it('calls a key a credit code only when it is one: 18 characters with the right check character', () => {
  expect(keyLabel('91420103T375845494')).toBe('explorer.creditCode');
  expect(keyLabel('914201037459613918')).toBe('explorer.creditCode');
  expect(keyLabel('91420103MP6189036H')).toBe('explorer.creditCode');
  expect(keyLabel('300750')).toBe('explorer.otherKey');
  expect(keyLabel('H-b9e39a9bec')).toBe('explorer.otherKey');
  // 18 letters and digits, but not a credit code: a wrong check character, letters it never uses
  expect(keyLabel('91420103T375845495')).toBe('explorer.otherKey');
  expect(keyLabel('ABCDEFGHIJKLMNOPQR')).toBe('explorer.otherKey');
  expect(keyLabel('91420103t375845494')).toBe('explorer.otherKey');
});

it('checks as the server does (server/src/domain/credit-code.ts, GB 32100-2015)', () => {
  // codes with the check character the server's creditCodeCheckChar gives, and one off by one
  for (const code of ['91110000600037341L', '91310000MA1FL4YQ43', '12100000400010398P']) {
    expect(isCreditCode(code), code).toBe(true);
    expect(isCreditCode(code.slice(0, 17) + (code.endsWith('0') ? '1' : '0')), code).toBe(false);
  }
});
