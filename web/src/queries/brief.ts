import { graphql, type ResultOf } from '../graphql';
import { ChainHeadFields } from './chains';
import { ChangesFields, FiguresFields } from './changes';

/**
 * A chain's one-page brief for the monthly meeting (链况简报): the map's segments with their
 * needs and counts, the figures now and their change since a moment, the gaps. Everyone's; the
 * candidates are asked for apart (BriefCandidatesQuery), as they are an analyst's.
 */
export const ChainBriefQuery = graphql(
  `
  query ChainBrief($id: ID!, $since: String!) {
    chain(id: $id) {
      ...ChainHeadFields
      segments {
        id
        name
        tier
        order
        parent {
          id
        }
      }
      gapReport {
        segments {
          segment {
            id
          }
          need
          reasons
          group
          localCount
          outsideCount
        }
      }
      snapshots {
        takenAt
        figures {
          coverage
          localSourcing
        }
      }
      changes(since: $since) {
        ...ChangesFields
      }
    }
  }
`,
  [ChainHeadFields, FiguresFields, ChangesFields],
);

/** The best candidates of each gap of a chain, its pipeline and the leads that moved, for the brief (analyst role). */
export const BriefCandidatesQuery = graphql(`
  query BriefCandidates($id: ID!, $since: String!) {
    chain(id: $id) {
      pipeline {
        stage
        count
        overdue
      }
      leadsMoved(since: $since) {
        from
        to
        lead {
          enterprise {
            shortName
            name
          }
        }
      }
      gapReport {
        segments {
          segment {
            id
          }
          candidates(first: 3) {
            nodes {
              score
              enterprise {
                name
                shortName
              }
            }
          }
        }
      }
    }
  }
`);

export type ChainBrief = NonNullable<ResultOf<typeof ChainBriefQuery>['chain']>;
export type BriefSegmentNeed = ChainBrief['gapReport']['segments'][number];
export type BriefCandidates = NonNullable<ResultOf<typeof BriefCandidatesQuery>['chain']>;
