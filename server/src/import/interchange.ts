import type { Dataset } from '../domain/model';
import {
  type Parsed,
  parseBoolean,
  parseConfidence,
  parseDate,
  parseEnterpriseId,
  parseInteger,
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
    f('id', parseText, true, '产业链编号', '编号'),
    f('name', parseText, true, '产业链', '名称'),
    f('description', parseText, false, '描述', '说明'),
  ],
  segments: [
    f('id', parseText, true, '环节编号', '编号'),
    f('chainId', parseText, true, '产业链编号'),
    f('name', parseText, true, '环节', '名称'),
    f('tier', parseTier, true, '上中下游', '层级'),
    f('order', parseInteger, true, '顺序', '序号'),
  ],
  feeds: [f('from', parseText, true, '上游环节'), f('to', parseText, true, '下游环节')],
  leaders: [
    f('id', parseText, true, '链长编号', '编号'),
    f('name', parseText, true, '姓名'),
    f('title', parseText, true, '职务'),
  ],
  leads: [f('leaderId', parseText, true, '链长编号'), f('chainId', parseText, true, '产业链编号')],
  enterprises: [
    f('id', parseEnterpriseId, true, '统一社会信用代码', '信用代码'),
    f('name', parseText, true, '企业名称', '名称'),
    f('shortName', parseText, true, '简称', '企业简称'),
    f('district', parseText, true, '所在地区', '注册地'),
    f('local', parseBoolean, true, '是否本地', '本地'),
    f('park', parseText, false, '所在园区', '园区'),
    f('status', parseText, true, '经营状态', '登记状态'),
    f('foundedOn', parseDate, false, '成立日期'),
    f('registeredCapital', parseNumber, false, '注册资本', '注册资本(万元)'),
    f('employees', parseInteger, false, '员工人数', '从业人数'),
    f('revenue', parseNumber, false, '营业收入', '营业收入(万元)'),
    f('tags', parseTags, false, '标签'),
  ],
  anchors: [
    f('enterpriseId', parseEnterpriseId, true, '统一社会信用代码', '企业'),
    f('chainId', parseText, true, '产业链编号'),
    ...provenance,
  ],
  inSegment: [
    f('enterpriseId', parseEnterpriseId, true, '统一社会信用代码', '企业'),
    f('segmentId', parseText, true, '环节编号'),
    ...provenance,
  ],
  controls: [
    f('from', parseEnterpriseId, true, '股东', '股东信用代码'),
    f('to', parseEnterpriseId, true, '被投资企业', '被投资企业信用代码'),
    f('share', parseShare, true, '持股比例', '持股比例(%)'),
    ...provenance,
  ],
  supplies: [
    f('from', parseEnterpriseId, true, '供应商', '供应商信用代码'),
    f('to', parseEnterpriseId, true, '客户', '客户信用代码'),
    f('product', parseText, true, '产品', '供应产品'),
    f('annualValue', parseNumber, false, '年供应额', '年供应额(万元)'),
    ...provenance,
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
};

/** Kinds in the order they are read and written: nodes before the relationships between them. */
export const KINDS: readonly Kind[] = [
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
];

/** The JSON Lines file name of a kind. */
export const jsonlFile = (kind: Kind) => `${TABLE_NAMES[kind][0]}.jsonl`;

/** The files of a data set, by file name, as JSON Lines (LF, one record a line, final newline). */
export function toJsonLines(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of KINDS) {
    const rows = dataset[kind] as readonly object[];
    files.set(jsonlFile(kind), rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
  }
  return files;
}
