import { join } from 'node:path';
import { ConvertError, readJsonl, textField } from './lines';
import { byText, cleanText, exchangeSuffix, sixDigitCode } from './names';
import type { Report } from './report';

/** The Shenwan 2021 classification: industries by code and name, and each one's parent. */
export interface Industries {
  nameOf: Map<string, string>;
  codeOf: Map<string, string>;
  /** Parent code of an L2 or L3 code. */
  parentOf: Map<string, string>;
  /** For an L3 name: the names upstream of it with their counts (industry_up). */
  ups: Map<string, Map<string, number>>;
  /** Members of each L3 code: company code → the short name company_industry gives. */
  members: Map<string, Map<string, string>>;
  /** company_industry's short name and exchange suffix of each 6-digit code. */
  companyName: Map<string, string>;
  companySuffix: Map<string, string>;
}

export const level = (code: string): 1 | 2 | 3 => (code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3);

export async function readIndustries(dir: string, report: Report): Promise<Industries> {
  const nameOf = new Map<string, string>();
  const codeOf = new Map<string, string>();
  let file = join(dir, 'industry.json');
  report.rows(
    'industry.json',
    await readJsonl(file, (row, line) => {
      const code = textField(row, 'code', file, line);
      const name = cleanText(textField(row, 'name', file, line));
      nameOf.set(code, name);
      codeOf.set(name, code);
    }),
  );

  const parentOf = new Map<string, string>();
  file = join(dir, 'industry_industry.json');
  report.rows(
    'industry_industry.json',
    await readJsonl(file, (row, line) => {
      const from = codeOf.get(cleanText(textField(row, 'from_industry', file, line)));
      const to = codeOf.get(cleanText(textField(row, 'to_industry', file, line)));
      if (from && to && from !== to) parentOf.set(from, to);
      else report.drop('industry_industry.json', 'industry not in industry.json');
    }),
  );
  // where the hierarchy file says nothing, the code says it: xxyyzz is under xxyy00, under xx0000
  for (const code of nameOf.keys()) {
    const parent = level(code) === 3 ? `${code.slice(0, 4)}00` : level(code) === 2 ? `${code.slice(0, 2)}0000` : '';
    if (parent && !parentOf.has(code) && nameOf.has(parent)) parentOf.set(code, parent);
  }

  const ups = new Map<string, Map<string, number>>();
  file = join(dir, 'industry_up.json');
  report.rows(
    'industry_up.json',
    await readJsonl(file, (row, line) => {
      const name = cleanText(textField(row, 'industry', file, line));
      const given = row.ups;
      if (typeof given !== 'object' || given === null || Array.isArray(given))
        throw new ConvertError(file, line, "field 'ups' is not an object");
      const counts = new Map<string, number>();
      for (const [up, n] of Object.entries(given)) if (typeof n === 'number' && n > 0) counts.set(cleanText(up), n);
      ups.set(name, counts);
    }),
  );

  const members = new Map<string, Map<string, string>>();
  const companyName = new Map<string, string>();
  const companySuffix = new Map<string, string>();
  file = join(dir, 'company_industry.json');
  report.rows(
    'company_industry.json',
    await readJsonl(file, (row, line) => {
      const code = sixDigitCode(row.company_code);
      const name = cleanText(textField(row, 'industry_name', file, line));
      const given = typeof row.industry_code === 'string' ? row.industry_code.trim() : '';
      if (!code) return report.drop('company_industry.json', 'no 6-digit company code');
      // a name industry.json lacks with a code it has (其他能源设备Ⅲ for 630306 其他电源设备Ⅲ): the
      // code joins, and the name becomes another name of it (industry_up uses it too)
      if (level(given) === 3 && nameOf.has(given) && !codeOf.has(name)) {
        codeOf.set(name, given);
        report.note(`company_industry.json: names taken as another name of the code (${given} ${name})`);
      }
      // rows that give codes industry.json does not have, with names it does: join by name
      const industry = nameOf.get(given) === name ? given : codeOf.get(name);
      if (!industry || level(industry) !== 3)
        return report.drop('company_industry.json', 'industry not an L3 industry of the classification');
      if (nameOf.get(given) !== name)
        report.note('company_industry.json: rows whose code and name are not a pair of industry.json (joined)');
      const short = typeof row.company_name === 'string' ? cleanText(row.company_name) : '';
      const list = members.get(industry) ?? new Map<string, string>();
      list.set(code, short);
      members.set(industry, list);
      if (short) companyName.set(code, short);
      const suffix = exchangeSuffix(row.company_code);
      if (suffix) companySuffix.set(code, suffix);
    }),
  );
  for (const [name, counts] of ups) {
    if (!codeOf.has(name)) report.drop('industry_up.json', 'industry not in the classification');
    for (const up of counts.keys())
      if (!codeOf.has(up)) report.drop('industry_up.json', 'upstream link to a name not in the classification');
  }

  return { nameOf, codeOf, parentOf, ups, members, companyName, companySuffix };
}

/** The L3 codes under an industry code (itself if it is L3), in code order. */
export function l3Under(industries: Industries, code: string): string[] {
  const out: string[] = [];
  for (const c of industries.nameOf.keys()) {
    if (level(c) !== 3) continue;
    let at: string | undefined = c;
    while (at && at !== code) at = industries.parentOf.get(at);
    if (at === code) out.push(c);
  }
  return out.sort(byText);
}
