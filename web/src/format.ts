import { isCreditCode } from './credit-code';
import type { Lang } from './i18n/messages';

/** Display helpers for amounts and counts, in the page's language. Amounts come in 万元 (10k CNY). */

const integer = { zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }), en: new Intl.NumberFormat('en') };
const decimal = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }),
};

/** A term's value or weight: at most two decimals. */
export const formatNumber = (value: number, lang: Lang) => decimal[lang].format(value);

const oneDecimal = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 1 }),
};
/** A score (0–100) or a term's points: at most one decimal. */
export const formatScore = (value: number, lang: Lang) => oneDecimal[lang].format(value);

/** An amount given in 万元: "1,975 万元" / "357.75 亿元" in Chinese, "CNY 19.75m" / "CNY 3.58bn" in English. */
export function formatMoney(value: number | null | undefined, lang: Lang): string {
  if (value == null) return '—';
  if (lang === 'zh')
    return Math.abs(value) >= 10_000 ? `${decimal.zh.format(value / 10_000)} 亿元` : `${decimal.zh.format(value)} 万元`;
  const millions = value / 100;
  return Math.abs(millions) >= 1000
    ? `CNY ${decimal.en.format(millions / 1000)}bn`
    : `CNY ${decimal.en.format(millions)}m`;
}

/** A count with its unit: "69 人", "69 people". */
export function formatCount(value: number | null | undefined, lang: Lang, unit = ''): string {
  return value == null ? '—' : `${integer[lang].format(value)}${unit ? ` ${unit}` : ''}`;
}

/**
 * The label of an enterprise's key: 统一社会信用代码 only for a key that is one (18 characters of
 * its alphabet with the right check character, as server/src/domain/credit-code.ts checks); any
 * other key (a stock code, a holder's id, 18 characters that fail the check) is only the firm's
 * id in the data.
 */
export const keyLabel = (key: string): 'explorer.creditCode' | 'explorer.otherKey' =>
  isCreditCode(key) ? 'explorer.creditCode' : 'explorer.otherKey';
