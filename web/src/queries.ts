import { graphql, type ResultOf } from './graphql';

/** Everything the details panel and the graph show about an enterprise. */
export const EnterpriseFields = graphql(`
  fragment EnterpriseFields on Enterprise {
    id
    key
    name
    shortName
    district
    local
    park
    status
    foundedOn
    registeredCapital
    employees
    revenue
    tags
    role
    segments {
      id
      name
      tier
      chain {
        id
        name
      }
    }
  }
`);

export const SearchEnterprisesQuery = graphql(`
  query SearchEnterprises($query: String!, $first: Int) {
    searchEnterprises(query: $query, first: $first) {
      totalCount
      nodes {
        id
        name
        shortName
        role
        local
        district
      }
    }
  }
`);

export const NeighbourhoodQuery = graphql(
  `
  query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
    neighbourhood(id: $id, depth: $depth, limit: $limit) {
      centre {
        id
      }
      nodes {
        distance
        enterprise {
          ...EnterpriseFields
        }
      }
      edges {
        id
        kind
        fromId
        toId
        share
        product
        annualValue
        provenance {
          source
          confidence
          verifiedAt
        }
      }
      truncated
    }
  }
`,
  [EnterpriseFields],
);

export type Enterprise = ResultOf<typeof EnterpriseFields>;
export type SearchHit = ResultOf<typeof SearchEnterprisesQuery>['searchEnterprises']['nodes'][number];
export type Neighbourhood = NonNullable<ResultOf<typeof NeighbourhoodQuery>['neighbourhood']>;
export type Relation = Neighbourhood['edges'][number];
export type EnterpriseRole = Enterprise['role'];
export type RelationKind = Relation['kind'];
