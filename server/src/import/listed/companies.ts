import { join } from 'node:path';
import type { Industries } from './industries';
import { readJsonl, textField } from './lines';
import { byText, cleanText, exchangeSuffix, provinceOfName, sixDigitCode, suffixOfExchange } from './names';
import type { Report } from './report';

/** An enterprises.jsonl row. */
export interface EnterpriseRow {
  id: string;
  name: string;
  shortName?: string;
  province?: string;
  stockCode?: string;
  tags?: string[];
}

interface Candidate {
  fullname: string;
  short: string;
  suffix: string | undefined;
  line: number;
}

/** A short name without the marks of its trading status: *ST, ST, 退市, and spaces. */
const bareShort = (short: string) => short.replace(/\s+/g, '').replace(/^(\*?ST|退市)/, '');

/**
 * How well a candidate row fits its code: first, its short name is the one company_industry
 * gives; then, how many characters of the short name its full name contains.
 */
function fit(c: Candidate, industryName: string | undefined): [number, number] {
  const short = bareShort(c.short);
  const matches = industryName !== undefined && short !== '' && short === bareShort(industryName) ? 1 : 0;
  const shared = [...new Set(short)].filter((ch) => c.fullname.includes(ch)).length;
  return [matches, shared];
}

/**
 * The listed companies of company.json, one per 6-digit code. A code given twice with different
 * full names (a misaligned join in the source) keeps the best-fitting row (see `fit`; then the
 * first in the file) and counts the others as dropped.
 */
export async function readCompanies(dir: string, industries: Industries, report: Report) {
  const byCode = new Map<string, Candidate[]>();
  const file = join(dir, 'company.json');
  report.rows(
    'company.json',
    await readJsonl(file, (row, line) => {
      const code = sixDigitCode(row.code);
      if (!code) return report.drop('company.json', 'no 6-digit code');
      const fullname = cleanText(textField(row, 'fullname', file, line));
      const short = typeof row.name === 'string' ? cleanText(row.name) : '';
      const suffix = exchangeSuffix(row.code) ?? suffixOfExchange(row.location);
      const list = byCode.get(code) ?? [];
      const same = list.find((c) => c.fullname === fullname);
      if (same) {
        report.drop('company.json', 'repeated row of the same company');
        same.suffix ??= suffix;
        if (!same.short) same.short = short;
      } else list.push({ fullname, short, suffix, line });
      byCode.set(code, list);
    }),
  );

  const enterprises = new Map<string, EnterpriseRow>();
  for (const code of [...byCode.keys()].sort(byText)) {
    const list = byCode.get(code) as Candidate[];
    const industryName = industries.companyName.get(code);
    const ranked = list
      .map((c) => ({ c, f: fit(c, industryName) }))
      .sort((a, b) => b.f[0] - a.f[0] || b.f[1] - a.f[1] || a.c.line - b.c.line);
    const best = (ranked[0] as { c: Candidate }).c;
    if (list.length > 1) {
      report.note('company.json: codes given with different full names');
      report.drop('company.json', 'duplicate code with a different fullname', list.length - 1);
    }
    const suffix = best.suffix ?? industries.companySuffix.get(code);
    const province = provinceOfName(best.fullname);
    enterprises.set(code, {
      id: code,
      name: best.fullname,
      ...(best.short ? { shortName: best.short } : {}),
      ...(province ? { province } : {}),
      ...(suffix ? { stockCode: `${code}.${suffix}` } : {}),
      tags: ['上市'],
    });
  }
  return enterprises;
}
