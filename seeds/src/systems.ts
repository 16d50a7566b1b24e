/**
 * The seed district's 7 enterprise systems (系): each root (根系企业) with the businesses
 * its subsidiaries run, and the chains it anchors (链主).
 */
export interface SystemSpec {
  name: string;
  shortName: string;
  /** The brand its subsidiaries carry in their names. */
  brand: string;
  /** Chain ids the root anchors; its subsidiaries work in these chains' covered segments. */
  anchors: readonly string[];
  /** Further chain ids where subsidiaries work without the root anchoring. */
  alsoIn: readonly string[];
  park: string;
  /** Subsidiary business names (e.g. 冷链物流 → 长江冷链物流有限公司). */
  businesses: readonly string[];
}

export const SYSTEMS: readonly SystemSpec[] = [
  {
    name: '湖北长江商贸物流集团有限公司',
    shortName: '长江商贸',
    brand: '长江',
    anchors: ['logistics'],
    alsoIn: ['finance'],
    park: '汉口北商贸物流园',
    businesses: ['冷链物流', '国际货运代理', '供应链服务', '仓储', '城市配送', '跨境电商', '物流装备租赁', '多式联运', '电商产业园运营', '国际商贸', '汽车物流', '医药物流', '进出口', '快运'],
  },
  {
    name: '汉江金融控股集团有限公司',
    shortName: '汉江金控',
    brand: '汉江',
    anchors: ['finance'],
    alsoIn: ['logistics'],
    park: '江汉区金融街',
    businesses: ['融资租赁', '商业保理', '融资担保', '小额贷款', '产业基金管理', '股权投资', '资产管理', '保险代理', '金融服务外包', '征信服务', '供应链金融', '财富管理', '科技金融'],
  },
  {
    name: '楚天生态环境集团有限公司',
    shortName: '楚天生态',
    brand: '楚天',
    anchors: ['eco', 'construction'],
    alsoIn: [],
    park: '江汉经济开发区',
    businesses: ['水务', '固废处置', '园林绿化', '环境工程', '再生资源', '建设工程', '绿色建材', '物业服务', '环境检测', '城市运营', '生态修复', '建筑设计', '水环境治理', '资源循环'],
  },
  {
    name: '江汉康养产业集团有限公司',
    shortName: '江汉康养',
    brand: '江汉康养',
    anchors: ['eldercare'],
    alsoIn: ['biomed'],
    park: '江汉区健康产业园',
    businesses: ['颐养院', '居家养老服务', '护理院', '康复医院', '医药连锁', '健康管理', '智慧养老科技', '社区服务', '康复器械', '养老服务', '互联网医院', '医养投资', '护理培训'],
  },
  {
    name: '湖北星图智能科技集团有限公司',
    shortName: '星图智能',
    brand: '星图',
    anchors: ['ai', 'software'],
    alsoIn: [],
    park: '江汉区数字经济产业园',
    businesses: ['数据科技', '智能软件', '云计算', '信息安全', '智慧城市', '系统集成', '数据标注', '工业智能', '信创软件', '数字科技', '智能视觉', '信息技术服务', '知识工程', '数字孪生'],
  },
  {
    name: '汉驰新能源汽车集团有限公司',
    shortName: '汉驰汽车',
    brand: '汉驰',
    anchors: ['nev'],
    alsoIn: [],
    park: '江汉经济开发区',
    businesses: ['新能源汽车销售', '动力电池', '汽车电子', '汽车服务', '汽车租赁', '电池回收', '新能源物流车', '汽车零部件', '车联网科技', '二手车', '汽车检测', '整车物流'],
  },
  {
    name: '知音文旅发展集团有限公司',
    shortName: '知音文旅',
    brand: '知音',
    anchors: ['culture'],
    alsoIn: ['testing'],
    park: '汉口历史风貌区',
    businesses: ['文化传媒', '演艺', '会展', '旅游', '文创', '文化商业管理', '影视', '研学旅行', '检测认证', '文化科技', '酒店管理', '质量技术服务', '博物馆运营', '演出经纪'],
  },
];
