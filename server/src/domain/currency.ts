/**
 * Currencies of registered capital. Registries write it in its own currency (1000万美元); Chain
 * Atlas keeps that currency and converts to CNY only where a figure must be compared across firms
 * (the scale of a candidate), at these fixed rates: approximate, for scale only, and the same
 * every run. docs/data-format.md lists them.
 */
export const CNY_PER_UNIT: Readonly<Record<string, number>> = {
  CNY: 1,
  USD: 7.1,
  HKD: 0.91,
  EUR: 7.7,
  GBP: 9.0,
  JPY: 0.047,
  SGD: 5.3,
  TWD: 0.22,
  KRW: 0.0051,
  AUD: 4.6,
  CAD: 5.1,
  CHF: 8.0,
};

/** What registries write for a currency, and the ISO 4217 code it means. */
export const CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['人民币', 'CNY'],
  ['美元', 'USD'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['欧元', 'EUR'],
  ['英镑', 'GBP'],
  ['日元', 'JPY'],
  ['新加坡元', 'SGD'],
  ['新台币', 'TWD'],
  ['台币', 'TWD'],
  ['韩元', 'KRW'],
  ['澳元', 'AUD'],
  ['加元', 'CAD'],
  ['瑞士法郎', 'CHF'],
];

/** An amount in 10k of its currency, in 10k CNY; undefined for a currency without a rate. */
export function toCny(amount: number, currency = 'CNY'): number | undefined {
  const rate = CNY_PER_UNIT[currency];
  return rate === undefined ? undefined : amount * rate;
}
