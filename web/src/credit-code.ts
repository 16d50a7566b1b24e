/**
 * Whether a key is a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters
 * of its alphabet (digits and capitals without I, O, S, V, Z; the area code in digits), the last
 * the check character over the first 17. The web app's copy of server/src/domain/credit-code.ts
 * (the web project cannot import the server's sources); web/test/key-label.test.ts holds it to
 * the same codes.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function isCreditCode(key: string): boolean {
  if (!SHAPE.test(key)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(key.charAt(i)) * (WEIGHTS[i] ?? 0);
  return key.charAt(17) === ALPHABET.charAt((31 - (sum % 31)) % 31);
}
