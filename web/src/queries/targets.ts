import { graphql, type ResultOf } from '../graphql';
import { ScoreTermFields } from './chains';

/** 招商目标: every gap of a chain with its ranked candidates and their score terms. */
export const TargetsQuery = graphql(
  `
  query Targets($id: ID!) {
    chain(id: $id) {
      id
      key
      name
      gapReport {
        segments {
          segment {
            id
            key
            name
            tier
            order
          }
          need
          direction
          reasons
          candidates(first: 100) {
            totalCount
            nodes {
              score
              terms {
                ...ScoreTermFields
              }
              enterprise {
                id
                key
                name
                shortName
                district
                revenue
                employees
                local
              }
            }
          }
        }
      }
    }
  }
`,
  [ScoreTermFields],
);

export type TargetsChain = NonNullable<ResultOf<typeof TargetsQuery>['chain']>;
export type TargetsGap = TargetsChain['gapReport']['segments'][number];
