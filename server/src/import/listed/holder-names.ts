import { foldName } from './names';

/** Words that make a holder an organisation (公司, 基金, LIMITED, …) rather than a person. */
const CORPORATE_CJK =
  /公司|集团|有限|企业|合伙|基金|银行|证券|信托|保险|资产|资管|投资|管理|中心|委员会|研究|大学|学院|院|医院|厂|社|局|政府|国资|组合|计划|产品|账户|理事会|控股|实业|结算|财政|办公室|协会/;
const CORPORATE_LATIN =
  /LIMITED|FUND|GROUP|SICAV|B\.V\.|S\.A\.|L\.P\.|\b(LTD|INC|CORP|CORPORATION|CO|COMPANY|BANK|FD|TRUST|CAPITAL|INVESTMENTS?|HOLDINGS?|AG|PLC|LLC|LP|SA|NV|BV|INTERNATIONAL|AUTHORITY|FOUNDATION|PARTNERS|MANAGEMENT|ASSETS?|SECURITIES)\b/i;

export const isCorporate = (name: string): boolean => CORPORATE_CJK.test(name) || CORPORATE_LATIN.test(name);

/**
 * A natural person: no corporate word, and either at most 4 Chinese characters (王伟, 欧阳明辉)
 * (or two parts joined by ·, as 买买提·艾力), or letters and blanks only (CAO SHENGCHUN). Other names without a corporate word (a firm's
 * name cut short, such as 中辰番茄制品) are taken as organisations.
 */
export function isPerson(name: string): boolean {
  if (isCorporate(name)) return false;
  return /^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]+·[\u4e00-\u9fff]+$|^[A-Za-z .,'-]+$/.test(name);
}

/** National social security fund portfolios (全国社保基金一零四组合, 基本养老保险基金八零二组合). */
const NSSF_PORTFOLIO = /^(全国社保基金|基本养老保险基金).*组合$/;
export const NSSF = '全国社会保障基金理事会';

/**
 * The institution a holder name stands for. A fund, product or sub-account is written
 * `institution-account` (中国平安人寿保险股份有限公司-传统-普通保险产品, …-自有资金): it is folded
 * into the institution, the part before the first hyphen, when that part is an organisation's
 * name. Social security portfolios are folded into 全国社会保障基金理事会.
 */
export function institutionOf(raw: string): { name: string; folded: boolean } {
  const name = foldName(raw).replaceAll('－', '-');
  if (NSSF_PORTFOLIO.test(name)) return { name: NSSF, folded: true };
  const cut = name.indexOf('-');
  if (cut > 0) {
    const head = name.slice(0, cut).trim();
    if (isCorporate(head)) return { name: head, folded: true };
  }
  return { name, folded: false };
}
