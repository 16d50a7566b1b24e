import { graphql, type ResultOf } from '../graphql';

/** Everything the details panel and the graph show about an enterprise. */
export const EnterpriseFields = graphql(`
  fragment EnterpriseFields on Enterprise {
    id
    key
    name
    shortName
    district
    city
    province
    local
    park
    status
    industry
    stockCode
    derivedFields
    attributes {
      name
      value
    }
    foundedOn
    registeredCapital
    registeredCapitalCurrency
    employees
    revenue
    tags
    role
    segments {
      id
      key
      name
      tier
      chain {
        id
        key
        name
      }
    }
  }
`);

/**
 * A relation as the graph draws it: its ends, and its share or product. Its yearly value and
 * provenance are for analysts querying the API: the app shows neither, and asking for them makes
 * the answer of a large view larger and the server's work on it longer.
 */
export const RelationFields = graphql(`
  fragment RelationFields on Relation {
    id
    kind
    fromId
    toId
    share
    product
  }
`);

export const SearchEnterprisesQuery = graphql(`
  query SearchEnterprises($query: String!, $first: Int) {
    searchEnterprises(query: $query, first: $first) {
      totalCount
      nodes {
        id
        key
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
  query Neighbourhood($id: ID!, $depth: Int, $limit: Int, $kinds: [RelationKind!]) {
    neighbourhood(id: $id, depth: $depth, limit: $limit, kinds: $kinds) {
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
        ...RelationFields
      }
      truncated
    }
  }
`,
  [EnterpriseFields, RelationFields],
);

/** The members of the system (系) an enterprise belongs to, to fold into one node or open again. */
export const SystemOfQuery = graphql(`
  query SystemOf($id: ID!) {
    enterprise(id: $id) {
      id
      system {
        id
        root {
          id
          shortName
        }
        directCount
        members(first: 100) {
          totalCount
          nodes {
            enterprise {
              id
            }
          }
        }
      }
    }
  }
`);

/** The shortest paths between two enterprises, with everything the graph draws of them. */
export const PathQuery = graphql(
  `
  query Path($from: ID!, $to: ID!, $maxHops: Int, $kinds: [RelationKind!]) {
    fromEnd: enterprise(id: $from) {
      id
      shortName
    }
    toEnd: enterprise(id: $to) {
      id
      shortName
    }
    path(from: $from, to: $to, maxHops: $maxHops, kinds: $kinds, limit: 20) {
      found
      length
      paths {
        enterprises {
          ...EnterpriseFields
        }
        relations {
          ...RelationFields
        }
      }
    }
  }
`,
  [EnterpriseFields, RelationFields],
);

export type Enterprise = ResultOf<typeof EnterpriseFields>;
export type SearchHit = ResultOf<typeof SearchEnterprisesQuery>['searchEnterprises']['nodes'][number];
export type Neighbourhood = NonNullable<ResultOf<typeof NeighbourhoodQuery>['neighbourhood']>;
export type Relation = Neighbourhood['edges'][number];
export type EnterpriseRole = Enterprise['role'];
export type RelationKind = Relation['kind'];
export type PathSearch = NonNullable<ResultOf<typeof PathQuery>['path']>;

/** The district's largest enterprise systems, largest first: where the explorer starts. */
export const LargestSystemsQuery = graphql(`
  query LargestSystems($first: Int!) {
    systems(first: $first, orderBy: SIZE) {
      totalCount
      nodes {
        id
        directCount
        affiliateCount
        root {
          id
          key
          shortName
        }
      }
    }
  }
`);
