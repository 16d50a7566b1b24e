import type { Supplies, Tier } from '../../src/domain/model';
import type { ChainSubgraph } from '../../src/domain/records';
import type { EnterpriseRecord } from '../../src/store/port';

/**
 * A hand-built chain subgraph for the analysis tests: segments in order, FEEDS as pairs, firms as
 * [id, local, segments…], supply links as [from, to, annualValue?, product?] (product 'p' unless
 * given), and the anchors (链主).
 */
export function chain(spec: {
  segments: string[];
  feeds: [string, string][];
  firms: [string, boolean, ...string[]][];
  supplies?: [string, string, (number | undefined)?, string?][];
  anchors?: string[];
}): ChainSubgraph {
  const tiers: Tier[] = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];
  return {
    chain: {
      id: 'c',
      name: '测试链',
      segments: spec.segments.map((id, i) => ({
        id,
        chainId: 'c',
        name: id,
        tier: tiers[Math.min(2, i)] as Tier,
        order: i + 1,
      })),
      feeds: spec.feeds.map(([from, to]) => ({ from, to })),
      leaders: [],
      anchorIds: spec.anchors ?? [],
    },
    enterprises: spec.firms.map(
      ([id, local]): EnterpriseRecord => ({
        id,
        name: id,
        shortName: id,
        district: local ? '本区' : '外区',
        local,
        status: '存续',
        tags: [],
        role: 'OTHER',
        revenue: 1000,
      }),
    ),
    memberships: spec.firms.flatMap(([id, , ...segments]) =>
      segments.map((segmentId) => ({ enterpriseId: id, segmentId })),
    ),
    supplies: (spec.supplies ?? []).map(
      ([from, to, annualValue, product]): Supplies => ({
        from,
        to,
        product: product ?? 'p',
        source: 't',
        confidence: 1,
        ...(annualValue !== undefined ? { annualValue } : {}),
      }),
    ),
  };
}
