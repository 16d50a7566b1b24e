import { createHash } from 'node:crypto';

/**
 * Names and codes as the listed-company sources write them: stock codes with or without an
 * exchange suffix, province prefixes of full names, and holder names with full-width brackets.
 */

/** The 6-digit stock code of `688268.SH`, `688268SH` or `688268`; undefined when there is none. */
export function sixDigitCode(code: unknown): string | undefined {
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  const m = /^\s*(\d{6})(?:\.?([A-Za-z]{2}))?\s*$/.exec(String(code));
  return m?.[1];
}

/** The exchange suffix of `688268.SH` (SH), if the code carries one. */
export function exchangeSuffix(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const m = /^\s*\d{6}\.?([A-Za-z]{2})\s*$/.exec(code);
  return m?.[1]?.toUpperCase();
}

/** The exchange suffix named by company.json's `location`. */
export function suffixOfExchange(location: unknown): string | undefined {
  if (typeof location !== 'string') return undefined;
  if (location.includes('上海')) return 'SH';
  if (location.includes('深圳')) return 'SZ';
  if (location.includes('北京')) return 'BJ';
  return undefined;
}

/** Province-level names as a full name begins with them, and their full forms. */
const PROVINCES: readonly [string, string][] = [
  ['北京', '北京市'],
  ['天津', '天津市'],
  ['上海', '上海市'],
  ['重庆', '重庆市'],
  ['河北', '河北省'],
  ['山西', '山西省'],
  ['辽宁', '辽宁省'],
  ['吉林', '吉林省'],
  ['黑龙江', '黑龙江省'],
  ['江苏', '江苏省'],
  ['浙江', '浙江省'],
  ['安徽', '安徽省'],
  ['福建', '福建省'],
  ['江西', '江西省'],
  ['山东', '山东省'],
  ['河南', '河南省'],
  ['湖北', '湖北省'],
  ['湖南', '湖南省'],
  ['广东', '广东省'],
  ['海南', '海南省'],
  ['四川', '四川省'],
  ['贵州', '贵州省'],
  ['云南', '云南省'],
  ['陕西', '陕西省'],
  ['甘肃', '甘肃省'],
  ['青海', '青海省'],
  ['台湾', '台湾省'],
  ['内蒙古', '内蒙古自治区'],
  ['广西', '广西壮族自治区'],
  ['西藏', '西藏自治区'],
  ['宁夏', '宁夏回族自治区'],
  ['新疆', '新疆维吾尔自治区'],
  ['香港', '香港特别行政区'],
  ['澳门', '澳门特别行政区'],
];

/** The full province name a company's full name begins with (湖北宜化… → 湖北省), if any. */
export function provinceOfName(fullName: string): string | undefined {
  for (const [short, full] of PROVINCES) if (fullName.startsWith(short)) return full;
  return undefined;
}

/** The full form of a province given as 湖北, 湖北省 or 广西壮族自治区; undefined if unknown. */
export function fullProvince(name: string): string | undefined {
  const text = name.trim();
  for (const [short, full] of PROVINCES) if (text === short || text === full) return full;
  return undefined;
}

/** Text with runs of blanks and line breaks made one space, and trimmed. */
/** C0 and C1 control characters and DEL, but the blanks (tab, line breaks) that \s folds. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it finds
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/**
 * A text with its blanks and line breaks made one space, and control characters dropped (the
 * company_product data holds names with DEL, U+007F, which the importer refuses).
 */
export const cleanText = (text: string): string => text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();

/** A name with full-width brackets made half-width and blanks around brackets removed. */
export function foldName(name: string): string {
  return cleanText(name.replaceAll('（', '(').replaceAll('）', ')'))
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)/g, ')');
}

/** A stable id for an enterprise known only by name: H- and 10 hex digits of its SHA-1. */
export const holderId = (normalisedName: string): string =>
  `H-${createHash('sha1').update(normalisedName).digest('hex').slice(0, 10)}`;

/** Compares text by code points, the same everywhere (localeCompare depends on the ICU data). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
