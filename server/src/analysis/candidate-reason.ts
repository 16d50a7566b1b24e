import type { Measured, ScoreTerm } from './candidate-terms';

/**
 * One line on why a firm is a candidate, in Chinese and English: the two terms that give it the
 * most points, said with their facts (which products, how many firms it supplies).
 */
export function candidateReason(terms: readonly ScoreTerm[], m: Measured): { zh: string; en: string } {
  const top = terms
    .filter((t) => (t.points ?? 0) > 0)
    .sort((a, b) => (b.points ?? 0) - (a.points ?? 0))
    .slice(0, 2);
  if (top.length === 0)
    return {
      zh: '与该环节无已知关联，仅因同链候选而列出',
      en: 'no known tie to this link; listed as a firm of the chain',
    };
  const zh: string[] = [];
  const en: string[] = [];
  const products = m.products.join('、');
  for (const t of top) {
    switch (t.key) {
      case 'PRODUCT_MATCH':
        zh.push(`主营${products}，与该环节产品吻合`);
        en.push(`makes ${m.products.join(', ')}, as the link's firms do`);
        break;
      case 'WORKS_IN_SEGMENT':
        zh.push('已从事该环节');
        en.push('works in this link');
        break;
      case 'PROXIMITY':
        zh.push(`已向链上${m.customers}家企业供货${m.anchors > 0 ? `（含链主${m.anchors}家）` : ''}`);
        en.push(
          `already supplies ${m.customers} firm(s) of the chain${m.anchors > 0 ? ` (${m.anchors} anchor(s))` : ''}`,
        );
        break;
      case 'ADJACENCY':
        zh.push('从事相邻环节');
        en.push('works in a neighbouring link');
        break;
      case 'SCALE':
        zh.push('规模较大');
        en.push('large for the pool');
        break;
      case 'DISTANCE':
        zh.push('位于本省');
        en.push('in the home province');
        break;
    }
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
