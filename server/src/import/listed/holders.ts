import { join } from 'node:path';
import type { Controls } from '../../domain/model';
import type { EnterpriseRow } from './companies';
import { institutionOf, isPerson } from './holder-names';
import { readCsv, textField } from './lines';
import { byText, foldName, holderId, provinceOfName, sixDigitCode } from './names';
import type { Report } from './report';

interface Holding {
  company: string;
  end: string;
  ann: string;
  holder: string;
  ratio: number;
}

const FILE = 'stockHolder.csv';

/**
 * Ownership from the top-10 holders of each company's latest report period (the latest
 * announcement of it): holders folded into institutions, persons left out, a holder whose name
 * is a listed company's full name given that company's code, others an `H-` id.
 */
export async function readControls(dir: string, enterprises: Map<string, EnterpriseRow>, report: Report) {
  const file = join(dir, FILE);
  const latest = new Map<string, Holding[]>();
  report.rows(
    FILE,
    await readCsv(file, (row, line) => {
      const company = sixDigitCode(textField(row, 'ts_code', file, line));
      const ratio = Number(textField(row, 'hold_ratio', file, line));
      const h: Holding = {
        company: company ?? '',
        end: textField(row, 'end_date', file, line),
        ann: textField(row, 'ann_date', file, line),
        holder: textField(row, 'holder_name', file, line),
        ratio,
      };
      if (!company || !enterprises.has(company)) return report.drop(FILE, 'company not in company.json');
      if (!(ratio > 0 && ratio <= 100)) return report.drop(FILE, 'hold_ratio not in (0, 100]');
      const list = latest.get(company) ?? [];
      const top = list[0];
      if (top && (h.end < top.end || (h.end === top.end && h.ann < top.ann)))
        return report.drop(FILE, 'not the latest period');
      if (top && (h.end > top.end || h.ann > top.ann)) {
        report.drop(FILE, 'not the latest period', list.length);
        list.length = 0;
      }
      if (list.some((x) => x.holder === h.holder)) return report.drop(FILE, 'repeated (company, period, holder) row');
      list.push(h);
      latest.set(company, list);
    }),
  );

  const listed = new Map<string, string>();
  for (const e of enterprises.values()) listed.set(foldName(e.name), e.id);
  const holders = new Map<string, EnterpriseRow>();
  const controls: Controls[] = [];
  for (const company of [...latest.keys()].sort(byText)) {
    const shares = new Map<string, { share: number; folded: boolean; end: string }>();
    const names = new Map<string, string>();
    for (const h of latest.get(company) as Holding[]) {
      const { name, folded } = institutionOf(h.holder);
      if (isPerson(name)) {
        report.drop(FILE, 'holder is a natural person');
        continue;
      }
      const id = listed.get(name) ?? holderId(name);
      if (id === company) {
        report.drop(FILE, 'holder is the company itself');
        continue;
      }
      if (!listed.has(name)) names.set(id, name);
      if (folded) report.note('controls: sub-account or fund rows folded into their institution');
      const before = shares.get(id);
      shares.set(id, {
        share: (before?.share ?? 0) + h.ratio / 100,
        folded: folded || (before?.folded ?? false),
        end: h.end,
      });
    }
    const total = [...shares.values()].reduce((sum, s) => sum + s.share, 0);
    if (total > 1 + 1e-9) {
      report.drop(FILE, 'company whose holders would sum over 100% (all its rows)', shares.size);
      continue;
    }
    for (const [id, name] of names) {
      const province = provinceOfName(name);
      holders.set(id, { id, name, ...(province ? { province } : {}), tags: ['股东'] });
    }
    for (const [from, s] of shares) {
      const share = Math.round(s.share * 1e6) / 1e6;
      const source = `tushare top10_holders ${s.end}${s.folded ? ' (子账户合并到机构)' : ''}`;
      if (share > 0) controls.push({ from, to: company, share: Math.min(share, 1), source, confidence: 1 });
    }
  }
  controls.sort((a, b) => byText(a.to, b.to) || byText(a.from, b.from));
  return { controls, holders };
}
