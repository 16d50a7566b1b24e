import type { Anchors, Controls, Dataset, Enterprise, Segment, Supplies } from '@chain-atlas/server/domain/model';
import { CHAINS, type ChainSpec } from './chains';
import { ELSEWHERE, HOME, NameMaker, type Place, provinceOf } from './names';
import { Random } from './random';
import { SYSTEMS, type SystemSpec } from './systems';

/**
 * The demo data set in the seed district's shape: 11 chains, 7 enterprise systems of about
 * 100 direct enterprises, and several hundred supply-chain affiliates inside and outside the
 * district, with deliberate gaps (see chains.ts `uncovered`). Deterministic for a given seed.
 */
export const DEMO_SEED = 20261126;

const TAGS = ['高新技术企业', '专精特新', '规上企业', '科技型中小企业', '瞪羚企业', '外资企业', '上市公司'];
const SUPPLY_SOURCES = ['链长办走访', '企业填报', '招标采购公告', '年报披露'];
const LOCAL_PARKS = ['江汉经济开发区', '中央商务区', '汉口滨江国际商务区', '江汉区数字经济产业园', '汉正街片区'];

interface Placed {
  enterprise: Enterprise;
  segments: Segment[];
}

export function buildDemoDataset(seed = DEMO_SEED): Dataset {
  const random = new Random(seed);
  const names = new NameMaker(random);
  const data: Dataset = {
    enterprises: [],
    chains: [],
    segments: [],
    leaders: [],
    controls: [],
    supplies: [],
    inSegment: [],
    anchors: [],
    feeds: [],
    products: [],
    // the home district: its enterprises are local (the demo's rows also say so themselves)
    district: [{ name: '江汉区', city: '武汉市', province: '湖北省' }],
    leads: [],
  };
  const segmentsOf = new Map<string, Segment[]>();
  const uncovered = new Set<string>();
  const verifiedAt = () => random.date(2025, 2025);

  for (const spec of CHAINS) addChain(spec);

  function addChain(spec: ChainSpec): void {
    data.chains.push({ id: spec.id, name: spec.name, description: spec.description });
    const segments = spec.segments.map(
      (s, i): Segment => ({
        id: `${spec.id}-s${i + 1}`,
        chainId: spec.id,
        name: s.name,
        tier: s.tier,
        order: i + 1,
        // what the segment deals in: supply of these counts in it, and candidates that make them match
        products: [...s.products],
      }),
    );
    segmentsOf.set(spec.id, segments);
    data.segments.push(...segments);
    for (const i of spec.uncovered) uncovered.add(segmentAt(segments, i).id);
    for (const [from, to] of spec.feeds) {
      data.feeds.push({ from: segmentAt(segments, from).id, to: segmentAt(segments, to).id });
    }
    const leaderId = `leader-${spec.id}`;
    data.leaders.push({ id: leaderId, name: spec.leader.name, title: spec.leader.title });
    data.leads.push({ leaderId, chainId: spec.id });
  }

  const specOf = (segment: Segment) => {
    const chain = CHAINS.find((c) => c.id === segment.chainId);
    const spec = chain?.segments[segment.order - 1];
    if (!spec) throw new Error(`no spec for segment ${segment.id}`);
    return spec;
  };
  const coveredSegments = (chainId: string) => (segmentsOf.get(chainId) ?? []).filter((s) => !uncovered.has(s.id));

  function addEnterprise(
    name: string,
    shortName: string,
    place: Place,
    size: number,
    extra: Partial<Enterprise> = {},
  ): Enterprise {
    const local = place === HOME;
    const revenue = Math.round(size * random.round(0.6, 1.6, 2));
    const e: Enterprise = {
      id: names.creditCode(place.area),
      name,
      shortName,
      province: provinceOf(place.district),
      district: place.district,
      local,
      ...(local ? { park: random.pick(LOCAL_PARKS) } : {}),
      status: '存续',
      foundedOn: random.date(1996, 2023),
      registeredCapital: Math.max(100, Math.round(revenue / random.int(3, 12) / 100) * 100),
      employees: Math.max(8, Math.round(revenue / random.int(60, 160))),
      revenue,
      tags: random.sample(TAGS, random.int(0, 2)).sort(),
      ...extra,
    };
    data.enterprises.push(e);
    return e;
  }

  function place(e: Enterprise, segment: Segment, source = '链长办认定'): void {
    if (e.local && uncovered.has(segment.id)) throw new Error(`local ${e.name} placed in gap ${segment.id}`);
    data.inSegment.push({ enterpriseId: e.id, segmentId: segment.id, source, confidence: 1, verifiedAt: verifiedAt() });
  }

  function anchor(e: Enterprise, chainId: string): void {
    const a: Anchors = {
      enterpriseId: e.id,
      chainId,
      source: '区产业链工作专班',
      confidence: 1,
      verifiedAt: verifiedAt(),
    };
    data.anchors.push(a);
  }

  function own(parent: Enterprise, child: Enterprise, share: number): void {
    const c: Controls = {
      from: parent.id,
      to: child.id,
      share,
      source: '国家企业信用信息公示系统',
      confidence: 1,
      verifiedAt: verifiedAt(),
    };
    data.controls.push(c);
  }

  function supply(from: Placed, to: Placed, segment: Segment): void {
    const s: Supplies = {
      from: from.enterprise.id,
      to: to.enterprise.id,
      product: random.pick(specOf(segment).products),
      annualValue: Math.round(
        Math.min(from.enterprise.revenue ?? 1000, to.enterprise.revenue ?? 1000) * random.round(0.02, 0.2, 3),
      ),
      source: random.pick(SUPPLY_SOURCES),
      confidence: random.round(0.6, 0.98, 2),
      verifiedAt: verifiedAt(),
    };
    data.supplies.push(s);
  }

  // --- the 7 systems ---------------------------------------------------------------------
  const members: Placed[] = [];
  const membersByChain = new Map<string, Placed[]>();
  const joinChain = (p: Placed) => {
    for (const chainId of new Set(p.segments.map((s) => s.chainId))) {
      membersByChain.set(chainId, [...(membersByChain.get(chainId) ?? []), p]);
    }
  };
  const headroom = new Map<string, number>(); // share of a company not yet held by anyone

  for (const spec of SYSTEMS) addSystem(spec);

  function addSystem(spec: SystemSpec): void {
    if (!names.reserve(spec.name, spec.shortName)) throw new Error(`duplicate root ${spec.name}`);
    const root = addEnterprise(spec.name, spec.shortName, HOME, random.int(800_000, 3_000_000), {
      park: spec.park,
      tags: ['链主企业', '规上企业'],
    });
    const rootSegments = spec.anchors.map((chainId) => {
      const mid = coveredSegments(chainId).filter((s) => s.tier === 'MIDSTREAM');
      return mid[0] ?? (coveredSegments(chainId)[0] as Segment);
    });
    for (const s of rootSegments) place(root, s);
    for (const chainId of spec.anchors) anchor(root, chainId);
    const rootPlaced = { enterprise: root, segments: rootSegments };
    members.push(rootPlaced);
    joinChain(rootPlaced);

    const chains = [...spec.anchors, ...spec.alsoIn];
    // level 1 under the root, level 2 under a level-1 company, level 3 under a level-2 one;
    // the multiplied shares of every path stay at or above 50%, so all are in the system.
    const tree: { e: Enterprise; share: number; level: number }[] = [{ e: root, share: 1, level: 0 }];
    spec.businesses.forEach((business, i) => {
      const level = i < Math.ceil(spec.businesses.length * 0.55) ? 1 : random.chance(0.75) ? 2 : 3;
      const parents = tree.filter((t) => t.level === level - 1);
      const parent = random.pick(parents.length > 0 ? parents : tree);
      const minShare = Math.max(0.51, Math.ceil((0.5 / parent.share) * 100) / 100);
      const share = random.chance(0.45) ? 1 : Math.max(minShare, random.round(minShare, 1, 2));
      const shortName = `${spec.brand}${business}`;
      const name = `${shortName}有限公司`;
      if (!names.reserve(name, shortName)) throw new Error(`duplicate subsidiary ${name}`);
      const e = addEnterprise(name, shortName, HOME, random.int(20_000, 300_000), { park: spec.park });
      own(parent.e, e, share);
      headroom.set(e.id, 1 - share);
      tree.push({ e, share: parent.share * share, level: parent.level + 1 });
      const segment = bestSegment(chains.flatMap(coveredSegments), business);
      place(e, segment);
      const placed = { enterprise: e, segments: [segment] };
      members.push(placed);
      joinChain(placed);
    });
  }

  function bestSegment(candidates: Segment[], business: string): Segment {
    let best = candidates[0] as Segment;
    let bestScore = -1;
    for (const s of candidates) {
      const text = s.name + specOf(s).words.join('');
      const score = [...business].filter((ch) => text.includes(ch)).length + random.next() * 0.5;
      if (score > bestScore) [best, bestScore] = [s, score];
    }
    return best;
  }

  // --- supply-chain affiliates, chain by chain ---------------------------------------------
  const affiliates: Placed[] = [];
  for (const spec of CHAINS) addAffiliates(spec);

  function addAffiliates(spec: ChainSpec): void {
    const segments = segmentsOf.get(spec.id) ?? [];
    const chainMembers = membersByChain.get(spec.id) ?? [];
    if (chainMembers.length === 0) throw new Error(`chain ${spec.id} has no system member`);
    const chainFirms: Placed[] = [];
    for (const segment of segments) {
      const gap = uncovered.has(segment.id);
      // a few segments are deliberately thin: a single local firm
      const locals = gap ? 0 : random.chance(0.2) ? 1 : random.int(3, 8);
      const outside = gap ? random.int(5, 8) : random.int(3, 6);
      for (let i = 0; i < locals + outside; i++) {
        const where = i < locals ? HOME : random.pick(ELSEWHERE);
        const { name, shortName } = names.firm(where, random.pick(specOf(segment).words));
        const e = addEnterprise(name, shortName, where, Math.round(random.next() ** 3 * 200_000) + 2_000);
        place(e, segment, random.chance(0.7) ? '链长办认定' : '企业填报');
        const p: Placed = { enterprise: e, segments: [segment] };
        affiliates.push(p);
        chainFirms.push(p);
      }
    }
    // Every affiliate is linked by SUPPLIES to at least one member: to the members downstream of
    // its segment, or else it buys from the members upstream, or else from any member of the chain.
    const feeds = data.feeds;
    const inSegments = (p: Placed, ids: Set<string>) => p.segments.some((s) => ids.has(s.id));
    for (const firm of chainFirms) {
      const segment = firm.segments[0] as Segment;
      const down = new Set(feeds.filter((f) => f.from === segment.id).map((f) => f.to));
      const up = new Set(feeds.filter((f) => f.to === segment.id).map((f) => f.from));
      const customers = chainMembers.filter((m) => inSegments(m, down));
      const suppliers = chainMembers.filter((m) => inSegments(m, up));
      if (customers.length > 0) {
        for (const m of random.sample(customers, random.int(1, 3))) supply(firm, m, segment);
      } else if (suppliers.length > 0) {
        for (const m of random.sample(suppliers, random.int(1, 2))) supply(m, firm, m.segments[0] as Segment);
      } else {
        supply(firm, random.pick(chainMembers), segment);
      }
      // and to some other firms of the chain downstream of it
      const peers = chainFirms.filter((f) => f !== firm && inSegments(f, down));
      for (const peer of random.sample(peers, random.int(0, 2))) supply(firm, peer, segment);
    }
  }

  // A few affiliates work in a second segment of another chain (outside firms may sit in gaps).
  for (const p of affiliates) {
    if (!random.chance(0.06)) continue;
    const other = random.pick(CHAINS.filter((c) => c.id !== p.segments[0]?.chainId));
    const options = (segmentsOf.get(other.id) ?? []).filter((s) => !p.enterprise.local || !uncovered.has(s.id));
    const segment = random.pick(options);
    place(p.enterprise, segment, '企业填报');
    p.segments.push(segment);
  }

  // Anchors beyond the roots: chains no root anchors get their largest local firm as 链主,
  // and a few chains get a second anchor.
  for (const spec of CHAINS) {
    const anchored = data.anchors.some((a) => a.chainId === spec.id);
    if (anchored && !random.chance(0.4)) continue;
    const locals = affiliates
      .filter((p) => p.enterprise.local && p.segments.some((s) => s.chainId === spec.id))
      .sort((a, b) => (b.enterprise.revenue ?? 0) - (a.enterprise.revenue ?? 0));
    const top = locals[0];
    if (!top) continue;
    top.enterprise.tags = [...new Set(['链主企业', ...top.enterprise.tags])].sort();
    anchor(top.enterprise, spec.id);
  }

  // Minority stakes (below the control threshold): roots hold parts of some affiliates and of
  // other systems' subsidiaries, so that systems must be derived, not read off CONTROLS.
  const roots = members.filter(
    (m) => m.enterprise.tags.includes('链主企业') && data.controls.every((c) => c.to !== m.enterprise.id),
  );
  for (const root of roots) {
    for (const target of random.sample(affiliates, 2)) {
      own(root.enterprise, target.enterprise, random.round(0.1, 0.35, 2));
    }
    const others = members.filter((m) => (headroom.get(m.enterprise.id) ?? 0) >= 0.1 && !sameSystem(root, m));
    const target = others.length > 0 ? random.pick(others) : undefined;
    if (target) {
      const share = random.round(0.05, Math.min(0.3, headroom.get(target.enterprise.id) ?? 0), 2);
      headroom.set(target.enterprise.id, (headroom.get(target.enterprise.id) ?? 0) - share);
      own(root.enterprise, target.enterprise, share);
    }
  }

  function sameSystem(root: Placed, m: Placed): boolean {
    let id: string | undefined = m.enterprise.id;
    for (let hops = 0; id && hops < 10; hops++) {
      if (id === root.enterprise.id) return true;
      const current: string = id;
      id = data.controls.find((c) => c.to === current && (c.share ?? 0) >= 0.5)?.from;
    }
    return false;
  }

  return data;
}

function segmentAt(segments: Segment[], i: number): Segment {
  const s = segments[i];
  if (!s) throw new Error(`segment index ${i} out of range`);
  return s;
}
