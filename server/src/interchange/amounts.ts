import { CNY_PER_UNIT, CURRENCY_WORDS } from '../domain/currency';
import { Invalid, MAX_NUMBER, type Parsed } from './values';

/**
 * Amounts as registries and company-data services write them: `5000`, `5000万`, `5000万元人民币`,
 * `1000万美元`, `1.2亿元`, `50,000,000元`, `(万美元)` in the header aside. The result is in 10k (万)
 * of its currency, the unit of the interchange format, with the currency when the text names one.
 */
export interface Amount {
  /** In 10k of `currency`. */
  value: number;
  /** ISO 4217; absent when the text names none (the field's own unit then applies: CNY). */
  currency?: string;
}

const AMOUNT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(亿|万|千|百)?\s*(元)?\s*(.*)$/;
const MULTIPLIER: Record<string, number> = { 亿: 10_000, 万: 1, 千: 0.1, 百: 0.01 };
const CODES = new Set(Object.keys(CNY_PER_UNIT));

export function parseAmount(value: unknown): Parsed<Amount> {
  if (typeof value === 'number') return checked(value, undefined, value);
  if (typeof value !== 'string')
    return new Invalid(`must be an amount like 5000 or 5000万元人民币, got ${typeof value}`);
  const text = value.trim().replaceAll(',', '').replaceAll('，', '');
  const m = AMOUNT.exec(text);
  if (!m) return new Invalid(`must be an amount like 5000 or 5000万元人民币, got '${value.trim().slice(0, 40)}'`);
  const [, digits, unit, yuan, rest] = m as unknown as [string, string, string | undefined, string | undefined, string];
  // a bare 元 (no 万 or 亿) is one yuan: 50000000元 is 5000万
  const scale = unit ? (MULTIPLIER[unit] as number) : yuan ? 1e-4 : 1;
  const currency = rest.trim() === '' ? undefined : currencyOf(rest.trim());
  if (currency === null) return new Invalid(`names a currency Chain Atlas does not know: '${rest.trim()}'`);
  return checked(Number(digits) * scale, currency, value);
}

function checked(n: number, currency: string | undefined, original: unknown): Parsed<Amount> {
  if (!Number.isFinite(n)) return new Invalid(`must be an amount, got ${String(original)}`);
  if (n < 0) return new Invalid(`must not be negative, got ${String(original)}`);
  if (n > MAX_NUMBER) return new Invalid(`must be at most ${MAX_NUMBER}, got ${String(original)}`);
  // amounts are kept to 1 yuan (0.0001 of 10k)
  // -0 is 0 (JSON would write it so anyway)
  const rounded = Math.round(n * 1e4) / 1e4 || 0;
  return currency ? { value: rounded, currency } : { value: rounded };
}

/** A currency's code from its Chinese name or its ISO code; null when unknown. */
function currencyOf(text: string): string | null {
  const upper = text.toUpperCase();
  if (CODES.has(upper)) return upper;
  for (const [word, code] of CURRENCY_WORDS) if (text === word || text === `${word}元`) return code;
  return null;
}

/**
 * An amount in 10k CNY, for a field whose unit is CNY (revenue): units as parseAmount reads them,
 * and a currency other than CNY refused rather than taken for yuan.
 */
export function parseCnyAmount(value: unknown): Parsed<number> {
  const amount = parseAmount(value);
  if (amount instanceof Invalid) return amount;
  if (amount.currency && amount.currency !== 'CNY')
    return new Invalid(
      `must be in CNY (人民币), got an amount in ${amount.currency}: '${String(value).trim().slice(0, 40)}'`,
    );
  return amount.value;
}

/** A currency column (币种): 人民币, 美元, USD, … */
export function parseCurrency(value: unknown): Parsed<string> {
  const text = typeof value === 'string' ? value.trim() : '';
  const code = currencyOf(text);
  return code ?? new Invalid(`must be a currency such as 人民币, 美元 or USD, got '${text.slice(0, 40)}'`);
}
