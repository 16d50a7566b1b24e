import type { Dataset } from '../domain/model';
import { parseAmount, parseCnyAmount, parseCurrency } from './amounts';
import {
  type Parsed,
  parseBoolean,
  parseConfidence,
  parseCount,
  parseDate,
  parseEnterpriseId,
  parseInteger,
  parseKey,
  parseName,
  parseNumber,
  parseShare,
  parseTags,
  parseText,
  parseTier,
} from './values';

/**
 * The interchange format (docs/data-format.md): one table per kind of record, as a JSON Lines
 * file, a CSV file or a sheet of a workbook. This table of fields is the single definition of
 * the columns, their types and their Chinese header aliases.
 */
export type Kind = keyof Dataset;

export interface FieldSpec {
  name: string;
  parse: (value: unknown) => Parsed<unknown>;
  required: boolean;
  /** Other headers accepted for the column, as Chinese spreadsheets name it. */
  aliases: readonly string[];
  /** Puts a parsed value into the row when it is more than one field (an amount and its currency). */
  assign?: (row: Record<string, unknown>, value: unknown) => void;
}

const f = (name: string, parse: FieldSpec['parse'], required: boolean, ...aliases: string[]): FieldSpec => ({
  name,
  parse,
  required,
  aliases,
});
/** Provenance: optional in a file; a row without it gets its file as source and confidence 1 (rows.ts). */
const provenance = [
  f('source', parseText, false, '来源', '数据来源'),
  f('confidence', parseConfidence, false, '置信度', '可信度'),
  f('verifiedAt', parseDate, false, '核实日期', '核验日期'),
];

export const FIELDS: { readonly [K in Kind]: readonly FieldSpec[] } = {
  chains: [
    f('id', parseKey, true, '产业链编号', '编号'),
    f('name', parseName, true, '产业链', '名称'),
    f('description', parseText, false, '描述', '说明'),
  ],
  segments: [
    f('id', parseKey, true, '环节编号', '编号'),
    f('chainId', parseKey, true, '产业链编号'),
    f('name', parseName, true, '环节', '名称'),
    f('tier', parseTier, true, '上中下游', '层级'),
    f('order', parseInteger, true, '顺序', '序号'),
    f('parentId', parseKey, false, '上级环节', '上级环节编号', '父环节'),
    f('products', parseTags, false, '产品', '环节产品', '主要产品'),
    f('keywords', parseTags, false, '关键词'),
  ],
  feeds: [f('from', parseKey, true, '上游环节'), f('to', parseKey, true, '下游环节')],
  leaders: [
    f('id', parseKey, true, '链长编号', '编号'),
    f('name', parseName, true, '姓名'),
    f('title', parseName, true, '职务'),
  ],
  leads: [f('leaderId', parseKey, true, '链长编号'), f('chainId', parseKey, true, '产业链编号')],
  enterprises: [
    f('id', parseEnterpriseId, true, '统一社会信用代码', '信用代码', '社会信用代码'),
    f('name', parseName, true, '企业名称', '名称', '公司名称'),
    f('shortName', parseName, false, '简称', '企业简称', '公司简称'),
    f('province', parseName, false, '所属省份', '省份'),
    f('city', parseName, false, '所属城市', '城市'),
    f('district', parseName, false, '所在地区', '注册地', '所属区县', '区县'),
    f('address', parseText, false, '企业地址', '注册地址', '地址'),
    f('local', parseBoolean, false, '是否本地', '本地'),
    f('park', parseText, false, '所在园区', '园区'),
    f('status', parseText, false, '经营状态', '登记状态'),
    f('industry', parseText, false, '所属行业', '行业'),
    f('companyType', parseText, false, '企业类型', '公司类型'),
    f('legalRepresentative', parseText, false, '法定代表人', '法人代表'),
    f('phone', parseText, false, '电话', '联系电话'),
    f('stockCode', parseText, false, '股票代码', '证券代码'),
    f('foundedOn', parseDate, false, '成立日期'),
    f('registeredCapitalCurrency', parseCurrency, false, '注册资本币种', '币种'),
    {
      ...f('registeredCapital', parseAmount, false, '注册资本', '注册资本(万元)'),
      assign: (row, v) => {
        const amount = v as { value: number; currency?: string };
        row.registeredCapital = amount.value;
        if (amount.currency && amount.currency !== 'CNY') row.registeredCapitalCurrency = amount.currency;
      },
    },
    f('employees', parseCount, false, '员工人数', '从业人数', '参保人数'),
    f('revenue', parseCnyAmount, false, '营业收入', '营业收入(万元)'),
    f('tags', parseTags, false, '标签'),
    // written by Chain Atlas: which of the row's values it derived (a data set it wrote reads back the same)
    f('derived', parseTags, false, '推算字段'),
  ],
  anchors: [
    f('enterpriseId', parseEnterpriseId, true, '统一社会信用代码', '企业'),
    f('chainId', parseKey, true, '产业链编号'),
    ...provenance,
  ],
  inSegment: [
    f('enterpriseId', parseEnterpriseId, true, '统一社会信用代码', '企业'),
    f('segmentId', parseKey, true, '环节编号'),
    ...provenance,
  ],
  controls: [
    f('from', parseEnterpriseId, true, '股东', '股东信用代码'),
    f('to', parseEnterpriseId, true, '被投资企业', '被投资企业信用代码'),
    f('share', parseShare, false, '持股比例', '持股比例(%)'),
    ...provenance,
  ],
  supplies: [
    f('from', parseEnterpriseId, true, '供应商', '供应商信用代码'),
    f('to', parseEnterpriseId, true, '客户', '客户信用代码'),
    f('product', parseName, true, '产品', '供应产品'),
    f('annualValue', parseNumber, false, '年供应额', '年供应额(万元)'),
    ...provenance,
  ],
  products: [
    f('enterpriseId', parseEnterpriseId, true, '统一社会信用代码', '企业'),
    f('product', parseName, true, '产品', '主营产品'),
    f('share', parseShare, false, '收入占比', '营收占比'),
    ...provenance,
  ],
  district: [
    f('name', parseName, true, '名称', '区县', '本区'),
    f('city', parseName, false, '城市', '所属城市'),
    f('province', parseName, false, '省份', '所属省份'),
  ],
};

/** The base name of a kind's file or sheet (enterprises.csv, controls.jsonl, …), and Chinese names. */
export const TABLE_NAMES: { readonly [K in Kind]: readonly string[] } = {
  chains: ['chains', '产业链'],
  segments: ['segments', '环节'],
  feeds: ['feeds', '环节关系'],
  leaders: ['leaders', '链长'],
  leads: ['leads', '链长分工'],
  enterprises: ['enterprises', '企业'],
  anchors: ['anchors', '链主'],
  inSegment: ['in_segment', '企业环节'],
  controls: ['controls', '股权'],
  supplies: ['supplies', '供应'],
  products: ['products', '企业产品'],
  district: ['district', '本区'],
};

/** Kinds in the order they are read and written: nodes before the relationships between them. */
export const KINDS: readonly Kind[] = [
  'district',
  'chains',
  'segments',
  'feeds',
  'leaders',
  'leads',
  'enterprises',
  'anchors',
  'inSegment',
  'controls',
  'supplies',
  'products',
];

/** The JSON Lines file name of a kind. */
export const jsonlFile = (kind: Kind) => `${TABLE_NAMES[kind][0]}.jsonl`;

/** JSON Lines: one object a line, LF, a final newline (nothing for no rows). */
export const jsonLines = (rows: readonly object[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

/** The files of a data set, by file name, as JSON Lines (LF, one record a line, final newline). */
export function toJsonLines(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of KINDS) {
    const rows = dataset[kind] as readonly object[];
    files.set(jsonlFile(kind), jsonLines(rows));
  }
  return files;
}
