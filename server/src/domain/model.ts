/**
 * The domain model of Chain Atlas: the property graph's node and relationship types,
 * as plain data. Every store returns these; nothing here knows about a database.
 * See docs/data-format.md for how they are written in interchange files.
 */

export type Tier = 'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM';
export const TIERS: readonly Tier[] = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];

export interface Enterprise {
  /** Unified social credit code (统一社会信用代码) where known, or another stable key (a stock code). */
  id: string;
  name: string;
  /** Given, or derived from the name (region and legal-form affixes taken off): see `derived`. */
  shortName: string;
  /** The county-level district (区县) it is registered in, when known. */
  district?: string;
  province?: string;
  city?: string;
  /** Registered address. */
  address?: string;
  /** Inside the home district (本地) or not: given, or derived from the location (`derived`). */
  local: boolean;
  park?: string;
  /** Registration status (登记状态, e.g. 存续); unknown when absent. */
  status?: string;
  /** Industry as the source classifies it (所属行业). */
  industry?: string;
  /** Legal form as the registry writes it (企业类型). */
  companyType?: string;
  legalRepresentative?: string;
  phone?: string;
  /** Listed: its stock code with the exchange, e.g. 300750.SZ. */
  stockCode?: string;
  /** ISO date, YYYY-MM-DD. */
  foundedOn?: string;
  /** In 10k (万) of `registeredCapitalCurrency`, as registries report it. */
  registeredCapital?: number;
  /** ISO 4217 code of the registered capital; CNY when absent. */
  registeredCapitalCurrency?: string;
  employees?: number;
  /** Annual revenue in 10k CNY (万元). */
  revenue?: number;
  tags: string[];
  /** Fields whose value was derived by Chain Atlas rather than given (shortName, local). */
  derived?: string[];
  /** Columns of the source that the format does not know, kept by request (--keep-extra-columns). */
  attributes?: Record<string, string>;
}

/** The home district of a data set: enterprises located in it are local (本地). */
export interface District {
  name: string;
  city?: string;
  province?: string;
}

export interface Chain {
  id: string;
  name: string;
  description?: string;
}

export interface Segment {
  id: string;
  chainId: string;
  name: string;
  tier: Tier;
  /** Position of the segment along its chain, from upstream (low) to downstream (high). */
  order: number;
  /** The segment this one is a part of (环节 → 子环节), in the same chain. */
  parentId?: string;
  /** What the segment makes or deals in (产品); supply of these counts in this segment. */
  products?: string[];
  keywords?: string[];
}

/** (:Enterprise)-[:MAKES {share}]->(:Product): what an enterprise makes (主营产品). */
export interface Makes extends Provenance {
  enterpriseId: string;
  product: string;
  /** Share of its revenue, in (0, 1], when known. */
  share?: number;
}

export interface Leader {
  id: string;
  name: string;
  title: string;
}

/** Where a relationship taken from data came from. */
export interface Provenance {
  source: string;
  /** In [0, 1]. */
  confidence: number;
  /** ISO date, YYYY-MM-DD. */
  verifiedAt?: string;
}

/** (:Enterprise)-[:CONTROLS {share}]->(:Enterprise): parent → subsidiary. */
export interface Controls extends Provenance {
  from: string;
  to: string;
  /** In (0, 1]; absent when the source does not say (an ownership of unknown extent). */
  share?: number;
}

/** (:Enterprise)-[:SUPPLIES {product, annualValue}]->(:Enterprise): supplier → customer. */
export interface Supplies extends Provenance {
  from: string;
  to: string;
  product: string;
  /** In 10k CNY (万元) a year. */
  annualValue?: number;
}

/** (:Enterprise)-[:IN_SEGMENT]->(:Segment). */
export interface InSegment extends Provenance {
  enterpriseId: string;
  segmentId: string;
}

/** (:Enterprise)-[:ANCHORS]->(:Chain): the enterprise is a chain owner (链主). */
export interface Anchors extends Provenance {
  enterpriseId: string;
  chainId: string;
}

/** (:Segment)-[:FEEDS]->(:Segment): the chain's template. */
export interface Feeds {
  from: string;
  to: string;
}

/** (:Leader)-[:LEADS]->(:Chain). */
export interface Leads {
  leaderId: string;
  chainId: string;
}

/** The relationship kinds between two enterprises. */
export type EnterpriseRelationKind = 'CONTROLS' | 'SUPPLIES';
export const ENTERPRISE_RELATION_KINDS: readonly EnterpriseRelationKind[] = ['CONTROLS', 'SUPPLIES'];

/** A whole data set, as it is imported. (Segment.chainId stands for OF_CHAIN.) */
export interface Dataset {
  enterprises: Enterprise[];
  chains: Chain[];
  segments: Segment[];
  leaders: Leader[];
  controls: Controls[];
  supplies: Supplies[];
  inSegment: InSegment[];
  anchors: Anchors[];
  feeds: Feeds[];
  leads: Leads[];
  products: Makes[];
  /** At most one row: the home district. */
  district: District[];
}
