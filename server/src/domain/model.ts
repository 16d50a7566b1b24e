/**
 * The domain model of Chain Atlas: the property graph's node and relationship types,
 * as plain data. Every store returns these; nothing here knows about a database.
 * See docs/data-format.md for how they are written in interchange files.
 */

export type Tier = 'UPSTREAM' | 'MIDSTREAM' | 'DOWNSTREAM';
export const TIERS: readonly Tier[] = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];

export interface Enterprise {
  /** Unified social credit code (统一社会信用代码) where known. */
  id: string;
  name: string;
  shortName: string;
  district: string;
  /** Inside the district (本地) or not. */
  local: boolean;
  park?: string;
  status: string;
  /** ISO date, YYYY-MM-DD. */
  foundedOn?: string;
  /** In 10k CNY (万元), as registries report it. */
  registeredCapital?: number;
  employees?: number;
  /** Annual revenue in 10k CNY (万元). */
  revenue?: number;
  tags: string[];
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
  /** In (0, 1]. */
  share: number;
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
}
