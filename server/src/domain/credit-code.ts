/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters,
 * the last a check character over the first 17; characters 9–17 are the organisation
 * code (GB 11714), whose 9th character is itself a check over the 8 before it.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`invalid character '${first17.charAt(i)}' at position ${i + 1}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The GB 11714 check character for the first 8 characters of an organisation code. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8.charAt(i);
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A = 10 … Z = 35
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Why a code is not a valid unified social credit code, or undefined when it is. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `must have 18 characters, has ${code.length}`;
  if (!SHAPE.test(code)) return 'has a character outside 0-9 and A-Y (without I, O, S, V, Z) or a non-digit area code';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code.charAt(17) !== expected) return `check character is '${code.charAt(17)}', expected '${expected}'`;
  return undefined;
}

export function isCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}
