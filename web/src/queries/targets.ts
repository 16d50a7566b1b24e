import { graphql, type ResultOf } from '../graphql';
import { ScoreTermFields } from './chains';

/**
 * 招商目标: every gap of a chain with its ranked candidates, their score terms and why they are
 * listed, scored with the weights asked for (null: the defaults). The chain's
 * name comes on its own (`chain`), the leads under another name (`leads`): candidates need the
 * analyst role, and for a caller below it only `leads` is null (with a FORBIDDEN error), so the
 * view can still name the chain while it says which role is needed.
 */
export const TargetsQuery = graphql(
  `
  query Targets($id: ID!, $weights: CandidateWeightsInput) {
    chain(id: $id) {
      id
      key
      name
    }
    leads: chain(id: $id) {
      id
      gapReport(weights: $weights) {
        segments {
          segment {
            id
            key
            name
            tier
            order
          }
          need
          group
          direction
          reasons
          candidates(first: 100) {
            totalCount
            nodes {
              score
              reason
              reasonEn
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

type TargetsAnswer = ResultOf<typeof TargetsQuery>;
/** The chain's name and key: what the view shows even to a caller who may not see the leads. */
export type TargetsHead = NonNullable<TargetsAnswer['chain']>;
/** The chain with its gaps and their candidates. */
export type TargetsChain = TargetsHead & Pick<NonNullable<TargetsAnswer['leads']>, 'gapReport'>;
export type TargetsGap = TargetsChain['gapReport']['segments'][number];
