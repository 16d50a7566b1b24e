import type { InSegment, Segment } from '../../domain/model';
import type { BuiltChain } from './chains';
import type { EnterpriseRow } from './companies';
import type { Industries } from './industries';
import { byText } from './names';
import type { Makes } from './products';

/** How many products a segment lists: those made by most of its firms. */
export const SEGMENT_PRODUCTS = 5;
/** Product names too general to say what a segment is about. */
const GENERIC =
  /其他|其它|^(主营业务|技术服务|服务|销售|贸易|租赁|材料销售|商品销售|销售商品|配件|劳务|工程施工|材料|加工费)$/;

/**
 * Memberships (company_industry's L3 industry → that industry's segment in every chain that has
 * it), and each segment's products: the non-generic products made by most of its firms.
 */
export function memberships(
  built: BuiltChain,
  industries: Industries,
  enterprises: Map<string, EnterpriseRow>,
  makes: Makes,
): { rows: InSegment[]; firms: Map<string, string[]> } {
  const rows: InSegment[] = [];
  const firms = new Map<string, string[]>();
  for (const [code, segmentId] of built.l3) {
    const members = [...(industries.members.get(code)?.keys() ?? [])].filter((c) => enterprises.has(c)).sort(byText);
    firms.set(segmentId, members);
    const source = `chainkg company_industry 申万2021三级行业: ${industries.nameOf.get(code)}`;
    for (const id of members) rows.push({ enterpriseId: id, segmentId, source, confidence: 1 });
  }
  rows.sort((a, b) => byText(a.segmentId, b.segmentId) || byText(a.enterpriseId, b.enterpriseId));
  for (const segment of built.segments) {
    const own = firms.get(segment.id);
    const of = own ?? built.segments.filter((s) => s.parentId === segment.id).flatMap((s) => firms.get(s.id) ?? []);
    const products = topProducts(of, makes);
    if (products.length > 0) (segment as Segment).products = products;
  }
  return { rows, firms };
}

/** The products most of the firms make (then the larger summed share of revenue, then by name). */
function topProducts(firms: readonly string[], makes: Makes): string[] {
  const tally = new Map<string, { firms: number; weight: number }>();
  for (const firm of new Set(firms)) {
    for (const [product, weight] of makes.get(firm) ?? []) {
      if (GENERIC.test(product)) continue;
      const t = tally.get(product) ?? { firms: 0, weight: 0 };
      t.firms += 1;
      t.weight += weight > 0 && weight <= 1 ? weight : 0;
      tally.set(product, t);
    }
  }
  return [...tally]
    .sort(([a, x], [b, y]) => y.firms - x.firms || y.weight - x.weight || byText(a, b))
    .slice(0, SEGMENT_PRODUCTS)
    .map(([p]) => p);
}
