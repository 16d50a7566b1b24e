import { join } from 'node:path';
import type * as Model from '../../domain/model';
import { readJsonl, textField } from './lines';
import { byText, cleanText, sixDigitCode } from './names';
import type { Report } from './report';

/** A products.jsonl row: what an enterprise makes. */

/** Lines of a revenue breakdown that are bookkeeping, not products (平衡项目, 分部间抵销, …). */
const ACCOUNTING = /抵销|抵消|抵减|冲销|平衡项目|调整项目|^调整$|^合并|分部间|内部交易|公司内部各业务|公司内各业务/;
export const isAccountingLine = (product: string): boolean => ACCOUNTING.test(product);

/** Products by maker: 6-digit code → product → weight (the largest given, when repeated). */
export type Makes = Map<string, Map<string, number>>;

export const PRODUCT_SOURCE = 'chainkg company_product 主营产品';

/**
 * company_product: accounting lines and unknown companies dropped, repeated (company, product)
 * pairs merged (the largest weight kept), product names' blanks and line breaks made one space.
 */
export async function readMakes(dir: string, known: (code: string) => boolean, report: Report): Promise<Makes> {
  const makes: Makes = new Map();
  const name = 'company_product.jsonl';
  const file = join(dir, 'reconstructed-from-surrealql', name);
  report.rows(
    name,
    await readJsonl(file, (row, line) => {
      const code = sixDigitCode(row.company_code);
      const product = cleanText(textField(row, 'product_name', file, line));
      const weight = typeof row.rel_weight === 'number' && Number.isFinite(row.rel_weight) ? row.rel_weight : 0;
      if (!code || !known(code)) return report.drop(name, 'company not in company.json');
      if (isAccountingLine(product)) return report.drop(name, 'accounting line (平衡项目, 抵销, 调整项目, …)');
      const list = makes.get(code) ?? new Map<string, number>();
      const before = list.get(product);
      if (before !== undefined) report.drop(name, 'repeated (company, product) pair, merged');
      list.set(product, before === undefined ? weight : Math.max(before, weight));
      makes.set(code, list);
    }),
  );
  return makes;
}

/** A weight as a share of revenue: only in (0, 1], to six places. */
export function shareOf(weight: number): number | undefined {
  if (!(weight > 0 && weight <= 1)) return undefined;
  const share = Math.round(weight * 1e6) / 1e6;
  return share > 0 ? share : undefined;
}

/** products.jsonl rows, by enterprise then product. */
export function productRows(makes: Makes, report: Report): Model.Makes[] {
  const rows: Model.Makes[] = [];
  for (const code of [...makes.keys()].sort(byText)) {
    const list = makes.get(code) as Map<string, number>;
    for (const product of [...list.keys()].sort(byText)) {
      const weight = list.get(product) as number;
      const share = shareOf(weight);
      if (share === undefined)
        report.note(weight > 1 ? 'products: share left out, weight > 1' : 'products: share left out, weight <= 0');
      rows.push({
        enterpriseId: code,
        product,
        ...(share !== undefined ? { share } : {}),
        source: PRODUCT_SOURCE,
        confidence: 1,
      });
    }
  }
  return rows;
}

/** product_product's material edges, as (input product, output product, relation) triples. */
export interface Flow {
  input: string;
  output: string;
  rel: '上游材料' | '下游产品';
}

/**
 * product_product: `上游材料` (A, B) means B goes into A; `下游产品` (A, B) means A goes into B.
 * `产品小类` (subtypes, built from substrings) and self-loops are left out.
 */
export async function readFlows(dir: string, report: Report): Promise<Flow[]> {
  const flows: Flow[] = [];
  const name = 'product_product.jsonl';
  const file = join(dir, 'reconstructed-from-surrealql', name);
  report.rows(
    name,
    await readJsonl(file, (row, line) => {
      const a = cleanText(textField(row, 'from_entity', file, line));
      const b = cleanText(textField(row, 'to_entity', file, line));
      const rel = textField(row, 'rel', file, line);
      if (rel !== '上游材料' && rel !== '下游产品') return report.drop(name, `relation ${rel} (not a material flow)`);
      if (a === b) return report.drop(name, 'self-loop');
      if (isAccountingLine(a) || isAccountingLine(b)) return report.drop(name, 'accounting line');
      flows.push(rel === '上游材料' ? { input: b, output: a, rel } : { input: a, output: b, rel });
    }),
  );
  return flows;
}
