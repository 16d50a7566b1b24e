import { creditCodeCheckChar, orgCodeCheckChar } from '@chain-atlas/server/domain/credit-code';
import type { Random } from './random';

/** Where firms are registered: the seed district, and places outside it, with their area codes. */
export interface Place {
  district: string;
  /** Administrative division code (行政区划代码), positions 3–8 of a credit code. */
  area: string;
  /** The place word firms put first in their names. */
  prefixes: readonly string[];
}

/** The province (or municipality) a district path starts with: 湖北省武汉市江汉区 → 湖北省, 上海市浦东新区 → 上海市. */
export const provinceOf = (district: string): string =>
  /^.+?(省|自治区)/.exec(district)?.[0] ?? /^.+?市/.exec(district)?.[0] ?? district;

export const HOME: Place = { district: '湖北省武汉市江汉区', area: '420103', prefixes: ['武汉', '湖北'] };

export const ELSEWHERE: readonly Place[] = [
  { district: '湖北省武汉市武昌区', area: '420106', prefixes: ['武汉', '湖北'] },
  { district: '湖北省武汉市洪山区', area: '420111', prefixes: ['武汉', '湖北'] },
  { district: '湖北省武汉市东西湖区', area: '420112', prefixes: ['武汉'] },
  { district: '湖北省武汉市江岸区', area: '420102', prefixes: ['武汉'] },
  { district: '湖北省襄阳市樊城区', area: '420606', prefixes: ['襄阳', '湖北'] },
  { district: '上海市浦东新区', area: '310115', prefixes: ['上海'] },
  { district: '广东省深圳市南山区', area: '440305', prefixes: ['深圳'] },
  { district: '江苏省苏州市虎丘区', area: '320505', prefixes: ['苏州', '江苏'] },
  { district: '浙江省杭州市滨江区', area: '330108', prefixes: ['杭州', '浙江'] },
  { district: '湖南省长沙市岳麓区', area: '430104', prefixes: ['长沙', '湖南'] },
  { district: '重庆市渝北区', area: '500112', prefixes: ['重庆'] },
  { district: '北京市海淀区', area: '110108', prefixes: ['北京'] },
  { district: '四川省成都市武侯区', area: '510107', prefixes: ['成都', '四川'] },
  { district: '河南省郑州市金水区', area: '410105', prefixes: ['郑州', '河南'] },
  { district: '安徽省合肥市蜀山区', area: '340104', prefixes: ['合肥', '安徽'] },
];

const SYLLABLES = [...'恒瑞盛达鑫宏远博华通安泰嘉锦润信德源辰凯睿天中融汇新联创拓卓越顺丰裕隆景明昊宇铭泽晟弘誉康力'];
const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Makes unique company names and unified social credit codes. */
export class NameMaker {
  private readonly names = new Set<string>();
  private readonly shortNames = new Set<string>();
  private readonly codes = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A fresh firm name: 武汉恒通冷链物流有限公司 / 恒通冷链物流. */
  firm(place: Place, word: string): { name: string; shortName: string } {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const brand = this.random.pick(SYLLABLES) + this.random.pick(SYLLABLES);
      if (brand.charAt(0) === brand.charAt(1)) continue;
      const suffix = this.random.chance(0.2) ? '股份有限公司' : '有限公司';
      const name = `${this.random.pick(place.prefixes)}${brand}${word}${suffix}`;
      const shortName = `${brand}${word}`;
      if (this.reserve(name, shortName)) return { name, shortName };
    }
    throw new Error(`could not find a free name for ${word}`);
  }

  /** Reserves a given name; false if taken. */
  reserve(name: string, shortName: string): boolean {
    if (this.names.has(name) || this.shortNames.has(shortName)) return false;
    this.names.add(name);
    this.shortNames.add(shortName);
    return true;
  }

  /** A fresh, valid unified social credit code of an enterprise (9 1 …) registered at `area`. */
  creditCode(area: string): string {
    for (;;) {
      let org = '';
      for (let i = 0; i < 8; i++) {
        org +=
          i < 2 && this.random.chance(0.5) ? this.random.pick([...ORG_CHARS.slice(10)]) : String(this.random.int(0, 9));
      }
      const first17 = `91${area}${org}${orgCodeCheckChar(org)}`;
      const code = first17 + creditCodeCheckChar(first17);
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }
}
