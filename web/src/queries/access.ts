import { graphql, type ResultOf } from '../graphql';

/** Who the server takes this tab's requests for: the token's name and role, or the anonymous caller. */
export const MeQuery = graphql(`
  query Me {
    me {
      name
      role
      authenticated
    }
  }
`);

/** Records an export (the targets' CSV) in the server's audit log; analysts and above. */
export const RecordExportMutation = graphql(`
  mutation RecordExport($chain: ID!, $format: String!, $rows: Int!) {
    recordExport(chain: $chain, format: $format, rows: $rows)
  }
`);

export type Caller = ResultOf<typeof MeQuery>['me'];
export type AccessRole = Caller['role'];
