import type { Supplies } from '../domain/model';

/**
 * The input (投入品) a supply link carries to its customer: for now its product name, normalised
 * (trimmed, full-width ASCII and brackets folded to half-width, case-folded). Two links carry the
 * same input when these agree, so 「（PCB）电路板」 and 「(pcb)电路板 」 are one input.
 *
 * The single place that decides it: the single-source finder takes an `InputOf` as a parameter,
 * so a finer attribution (e.g. to the chain segment whose products match) can replace it.
 */
export type InputOf = (supply: Supplies) => string;

export const inputOf: InputOf = (supply) => normaliseProduct(supply.product);

/** CJK brackets with no full-width ASCII form, and what they fold to. */
const BRACKETS: Record<string, string> = {
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '〖': '[',
  '〗': ']',
  '〘': '[',
  '〙': ']',
  '｟': '(',
  '｠': ')',
};

/** A product name as an input: trimmed, half-width, lower case. */
export function normaliseProduct(product: string): string {
  let out = '';
  for (const ch of product) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += BRACKETS[ch] ?? ch;
  }
  return out.trim().toLowerCase();
}
