import type { Supplies } from '../../domain/model';
import { byText } from './names';
import { type Flow, type Makes, shareOf } from './products';
import type { Report } from './report';

/** At most this many suppliers of one input to one customer: those it is the largest share of. */
export const MAX_SUPPLIERS = 5;
/** Inferred links are guesses from product names: this is how much they are trusted. */
export const SUPPLY_CONFIDENCE = 0.3;

/**
 * Supplier → customer links inferred from products: for a flow of input I into output O
 * (上游材料 (O, I) or 下游产品 (I, O)), each maker of I supplies each maker of O with I. Per
 * customer and input, only the MAX_SUPPLIERS makers of I for which I is the largest share of
 * revenue are kept (then by code); a firm never supplies itself.
 */
export function inferSupplies(flows: readonly Flow[], makes: Makes, report: Report): Supplies[] {
  const makers = new Map<string, { code: string; share: number }[]>();
  for (const [code, list] of makes) {
    for (const [product, weight] of list) {
      const m = makers.get(product) ?? [];
      m.push({ code, share: shareOf(weight) ?? 0 });
      makers.set(product, m);
    }
  }
  for (const m of makers.values()) m.sort((a, b) => b.share - a.share || byText(a.code, b.code));

  // per (customer, input): the first (by text) flow that brings the input to one of its products
  const why = new Map<string, string>();
  for (const flow of flows) {
    if (!makers.has(flow.input)) continue;
    const text = `chainkg ${flow.rel}: ${flow.input}→${flow.output}`;
    for (const customer of makers.get(flow.output) ?? []) {
      const key = `${customer.code}\t${flow.input}`;
      const before = why.get(key);
      if (before === undefined || byText(text, before) < 0) why.set(key, text);
    }
  }

  const rows: Supplies[] = [];
  for (const [key, source] of why) {
    const [customer, input] = key.split('\t') as [string, string];
    const candidates = (makers.get(input) ?? []).filter((m) => m.code !== customer);
    if (candidates.length < (makers.get(input)?.length ?? 0))
      report.drop('supplies', 'self-supply (a firm makes both ends)');
    if (candidates.length > MAX_SUPPLIERS)
      report.drop(
        'supplies',
        `over the cap of ${MAX_SUPPLIERS} suppliers per customer and input`,
        candidates.length - MAX_SUPPLIERS,
      );
    for (const supplier of candidates.slice(0, MAX_SUPPLIERS))
      rows.push({ from: supplier.code, to: customer, product: input, source, confidence: SUPPLY_CONFIDENCE });
  }
  return rows.sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to) || byText(a.product, b.product));
}
