/**
 * Chinese company names: folding the forms one name is written in (full- and half-width brackets
 * and letters, spaces), deriving a short name (简称) from a registered name, and comparing
 * regions written with or without their suffix (湖北 / 湖北省). Heuristics, and so every value
 * derived with them is marked as derived where it is kept.
 */

/** Full-width ASCII (（）ＡＢ１２…) to half-width, spaces out, letters upper case. */
export function foldName(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
];

/** Provincial capitals and other large cities that names often start with. */
const CITIES = [
  '武汉',
  '广州',
  '深圳',
  '南京',
  '杭州',
  '成都',
  '西安',
  '长沙',
  '郑州',
  '济南',
  '青岛',
  '大连',
  '沈阳',
  '长春',
  '哈尔滨',
  '石家庄',
  '太原',
  '合肥',
  '福州',
  '厦门',
  '南昌',
  '南宁',
  '昆明',
  '贵阳',
  '兰州',
  '西宁',
  '银川',
  '乌鲁木齐',
  '拉萨',
  '呼和浩特',
  '海口',
  '苏州',
  '无锡',
  '宁波',
  '温州',
  '佛山',
  '东莞',
  '珠海',
  '常州',
  '烟台',
  '潍坊',
  '唐山',
  '宜昌',
  '襄阳',
  '十堰',
];

const REGION_SUFFIX = /(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区|地区|自治州|区|县)$/;

/** A region's name without its suffix: 湖北省 → 湖北, 江汉区 → 江汉 (never shorter than 2 characters). */
export function regionStem(name: string): string {
  const folded = foldName(name);
  const stem = folded.replace(REGION_SUFFIX, '').replace(REGION_SUFFIX, '');
  return stem.length >= 2 ? stem : folded;
}

/** Two region names are the same place: 湖北 and 湖北省, 江汉区 and 江汉区. */
export const sameRegion = (a: string, b: string): boolean => regionStem(a) === regionStem(b);

const LEGAL_FORM =
  /(股份有限公司|有限责任公司|股份合作公司|有限公司|集团公司|总公司|分公司|公司|有限合伙|合伙企业\(有限合伙\)|合伙企业|研究院|研究所)$/;

/** A province or large city, or a name ending as a region does (省, 市, 区, 县). */
const isRegion = (text: string): boolean =>
  [...PROVINCES, ...CITIES].includes(text) || /(省|市|区|县|自治区)$/.test(text);

/**
 * A short name from a registered name: the region in front (湖北, 武汉市, （武汉）) and the legal
 * form behind (股份有限公司, （集团）有限公司 …) taken off. 湖北长江商贸物流有限公司 → 长江商贸物流.
 * The whole name when less than two characters would be left.
 */
export function deriveShortName(name: string): string {
  let s = name.trim().replace(/[（(]/g, '(').replace(/[）)]/g, ')');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s
      .replace(LEGAL_FORM, '')
      .replace(/\((集团|控股|中国|有限)\)$/, '')
      .replace(/(集团)$/, '')
      .replace(/\(([^)]{2,8})\)$/, (whole, inside: string) => (isRegion(inside) ? '' : whole));
    if (s === before) break;
  }
  // the region in front: (武汉) or 湖北省武汉市, one or two levels
  s = s.replace(/^\([^)]{2,8}\)/, '');
  for (let i = 0; i < 2; i++) {
    const region = [...PROVINCES, ...CITIES].find((p) => s.startsWith(p));
    if (!region) break;
    s = s.slice(region.length).replace(/^(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)/, '');
  }
  s = s.replace(/^\([^)]{2,8}\)/, '').trim();
  return s.length >= 2 ? s : name.trim();
}
