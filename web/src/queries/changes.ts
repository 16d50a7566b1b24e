import { graphql, type ResultOf } from '../graphql';
import { ChainHeadFields } from './chains';

/** A chain's figures as its snapshots keep them. */
export const FiguresFields = graphql(`
  fragment FiguresFields on ChainFigures {
    segments
    covered
    coverage
    fill
    extend
    strengthen
    localSourcing
    chokepoints
    members
    localMembers
    links
  }
`);

/** What changed in a chain since a moment, as the changes view and the brief show it. */
export const ChangesFields = graphql(
  `
  fragment ChangesFields on ChainChanges {
    since
    before {
      takenAt
      cause
      note
      figures {
        ...FiguresFields
      }
    }
    after {
      figures {
        ...FiguresFields
      }
    }
    gapsClosed {
      name
      before
      after
    }
    gapsOpened {
      name
      before
      after
    }
    needs {
      name
      before
      after
    }
    entered {
      firm {
        name
        local
        enterprise {
          id
          key
        }
      }
      segments
    }
    left {
      firm {
        name
        local
        enterprise {
          id
          key
        }
      }
      segments
    }
    linksAdded {
      from {
        name
        local
      }
      to {
        name
      }
    }
    linksLost {
      from {
        name
        local
      }
      to {
        name
      }
    }
    withheld
  }
`,
  [FiguresFields],
);

/**
 * 自上次会议以来: what changed in a chain since a moment, and its snapshots (to offer the moments of
 * past meetings and draw the figures over time). perCaller: a viewer is told of fewer firms.
 */
export const ChainChangesQuery = graphql(
  `
  query ChainChanges($id: ID!, $since: String!) {
    chain(id: $id) {
      ...ChainHeadFields
      snapshots {
        takenAt
        cause
        note
        figures {
          ...FiguresFields
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

export const TakeSnapshotsMutation = graphql(`
  mutation TakeSnapshots($chains: [ID!], $note: String) {
    takeSnapshots(chains: $chains, note: $note) {
      snapshots {
        takenAt
      }
    }
  }
`);

export type ChainChangesData = NonNullable<ResultOf<typeof ChainChangesQuery>['chain']>;
export type Changes = NonNullable<ChainChangesData['changes']>;
export type Figures = Changes['after']['figures'];
export type SnapshotPoint = ChainChangesData['snapshots'][number];

/** The leads made or moved on a chain since a moment (analyst role: refused below it). */
export const LeadsMovedQuery = graphql(`
  query LeadsMoved($id: ID!, $since: String!) {
    chain(id: $id) {
      leadsMoved(since: $since) {
        from
        to
        moves
        at
        lead {
          key
          owner
          enterprise {
            name
            key
          }
        }
      }
    }
  }
`);

export type LeadMoved = NonNullable<NonNullable<ResultOf<typeof LeadsMovedQuery>['chain']>['leadsMoved']>[number];
