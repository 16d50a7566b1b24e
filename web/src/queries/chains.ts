import { graphql, type ResultOf } from '../graphql';

/** What the chain views show of an enterprise. */
export const FirmFields = graphql(`
  fragment FirmFields on Enterprise {
    id
    key
    name
    shortName
    local
    role
    district
    revenue
    anchorOf {
      id
    }
    system {
      id
      root {
        id
        shortName
      }
    }
  }
`);

/**
 * One term of a candidate's score: a value from 0 to 1 and its weight; points = 100 × weight ×
 * value / the weights of the known terms. Value and points are null (missing) when not known.
 */
export const ScoreTermFields = graphql(`
  fragment ScoreTermFields on ScoreTerm {
    key
    label
    value
    weight
    points
    missing
  }
`);

/** A chain's name, who leads and anchors it, and how many firms it has: the head of every chain view. */
export const ChainHeadFields = graphql(`
  fragment ChainHeadFields on Chain {
    id
    key
    name
    description
    leaders {
      name
      title
    }
    anchors {
      id
      shortName
    }
    localCount
    outsideCount
  }
`);

/** 产业链总览: every chain with its leaders, anchors, firms, coverage and gaps. */
export const ChainsOverviewQuery = graphql(
  `
  query ChainsOverview {
    chains(first: 100) {
      totalCount
      nodes {
        ...ChainHeadFields
        segments {
          id
          covered
          parent {
            id
          }
        }
        gapReport {
          fill {
            segment {
              id
            }
          }
          extend {
            segment {
              id
            }
          }
          strengthen {
            segment {
              id
            }
          }
          sourcing {
            overall {
              byCount
            }
          }
        }
        snapshots {
          takenAt
          figures {
            coverage
            localSourcing
          }
        }
      }
    }
  }
`,
  [ChainHeadFields],
);

/**
 * 产业链全景图: the segments with their first firms, local and outside, and what each segment needs.
 * No candidates here: they need the analyst role, and a viewer sees the rest of the map.
 */
export const ChainMapQuery = graphql(
  `
  query ChainMap($id: ID!, $local: Int!, $outside: Int!) {
    chain(id: $id) {
      ...ChainHeadFields
      segments {
        id
        key
        name
        tier
        order
        covered
        parent {
          id
        }
        feedsInto {
          id
        }
        localFirms: enterprises(local: true, first: $local, orderBy: REVENUE) {
          totalCount
          nodes {
            ...FirmFields
          }
        }
        outsideFirms: enterprises(local: false, first: $outside, orderBy: REVENUE) {
          totalCount
          nodes {
            ...FirmFields
          }
        }
      }
      gapReport {
        segments {
          segment {
            id
          }
          need
          direction
          reasons
          localCount
          outsideCount
          sourcing {
            byCount
          }
          concerned {
            id
            shortName
          }
        }
      }
    }
  }
`,
  [ChainHeadFields, FirmFields],
);

/** More firms of a segment (expanding it on the map). */
export const SegmentFirmsQuery = graphql(
  `
  query SegmentFirms($id: ID!, $local: Boolean!, $first: Int!, $after: String) {
    segment(id: $id) {
      id
      enterprises(local: $local, first: $first, after: $after, orderBy: REVENUE) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...FirmFields
        }
      }
    }
  }
`,
  [FirmFields],
);

/** A gap's candidates (招商线索) with every score term and the evidence paths; analysts and above. */
export const GapCandidatesQuery = graphql(
  `
  query GapCandidates($id: ID!, $first: Int!) {
    segment(id: $id) {
      id
      key
      name
      tier
      candidates(first: $first) {
        totalCount
        nodes {
          score
          reason
          reasonEn
          enterprise {
            ...FirmFields
          }
          terms {
            ...ScoreTermFields
          }
          evidence {
            steps {
              kind
              from {
                id
              }
              toEnterprise {
                ...FirmFields
              }
              toSegment {
                id
              }
            }
          }
        }
      }
    }
  }
`,
  [FirmFields, ScoreTermFields],
);

export type Firm = ResultOf<typeof FirmFields>;
export type ChainSummary = ResultOf<typeof ChainsOverviewQuery>['chains']['nodes'][number];
export type ChainMap = NonNullable<ResultOf<typeof ChainMapQuery>['chain']>;
export type MapSegment = ChainMap['segments'][number];
export type SegmentNeed = ChainMap['gapReport']['segments'][number];
export type GapCandidates = NonNullable<ResultOf<typeof GapCandidatesQuery>['segment']>;
/** A segment's candidates: null when refused (below analyst; request() throws then, with the role needed). */
export type SegmentCandidates = NonNullable<GapCandidates['candidates']>;
export type Candidate = SegmentCandidates['nodes'][number];
