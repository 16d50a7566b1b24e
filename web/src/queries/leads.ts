import { graphql, type ResultOf } from '../graphql';

/** A lead as the board's card shows it. */
export const LeadCardFields = graphql(`
  fragment LeadCardFields on Lead {
    id
    key
    stage
    reason
    owner
    nextStep
    dueOn
    overdue
    daysInStage
    notes
    createdAt
    updatedAt
    enterprise {
      id
      key
      name
      shortName
    }
    chain {
      id
      key
      name
    }
    segment {
      id
      key
      name
    }
  }
`);

/** What landing leads would change on their chain. */
export const LeadEffectFields = graphql(`
  fragment LeadEffectFields on LeadEffect {
    chain {
      key
      name
    }
    leadIds
    segments
    coveredBefore
    coveredAfter
    gapsClosed {
      key
      name
    }
    localSourcingBefore
    localSourcingAfter
    singleSourcesBefore
    singleSourcesAfter
  }
`);

/**
 * 招商项目: the board of a chain (or of the district: every chain), a page of 100 at a time.
 * Analysts and above: below, FORBIDDEN.
 */
export const PipelineQuery = graphql(
  `
  query Pipeline($chain: ID, $after: String) {
    leads(chain: $chain, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...LeadCardFields
      }
    }
  }
`,
  [LeadCardFields],
);

/** What landing everything signed and beyond would change, per chain: the board's sum. */
export const PipelineEffectsQuery = graphql(
  `
  query PipelineEffects($chain: ID) {
    leadEffects(chain: $chain) {
      ...LeadEffectFields
    }
  }
`,
  [LeadEffectFields],
);

/** The name of the chain a board is of. */
export const PipelineChainQuery = graphql(`
  query PipelineChain($id: ID!) {
    chain(id: $id) {
      id
      key
      name
    }
  }
`);

/** One lead's effect and history, when its card is opened. */
export const LeadDetailQuery = graphql(
  `
  query LeadDetail($id: ID!) {
    lead(id: $id) {
      id
      contacts {
        name
        role
      }
      effect {
        ...LeadEffectFields
      }
      history {
        at
        by
        kind
        from
        to
        note
        fields
      }
    }
  }
`,
  [LeadEffectFields],
);

/** The leads of a chain by firm: for the chain map's candidates and the targets table. */
export const ChainLeadsQuery = graphql(`
  query ChainLeads($chain: ID!) {
    leads(chain: $chain, first: 100) {
      nodes {
        id
        key
        stage
        enterprise {
          key
        }
        segment {
          key
        }
      }
    }
  }
`);

export const CreateLeadMutation = graphql(
  `
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) {
      lead {
        ...LeadCardFields
      }
    }
  }
`,
  [LeadCardFields],
);

export const MoveLeadMutation = graphql(
  `
  mutation MoveLead($id: ID!, $stage: LeadStage!, $note: String) {
    moveLead(id: $id, stage: $stage, note: $note) {
      lead {
        ...LeadCardFields
      }
    }
  }
`,
  [LeadCardFields],
);

export const UpdateLeadMutation = graphql(
  `
  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {
    updateLead(id: $id, input: $input) {
      lead {
        ...LeadCardFields
      }
    }
  }
`,
  [LeadCardFields],
);

export type LeadCard = ResultOf<typeof LeadCardFields>;
export type LeadEffect = ResultOf<typeof LeadEffectFields>;
export type LeadStage = LeadCard['stage'];
export type LeadDetail = NonNullable<ResultOf<typeof LeadDetailQuery>['lead']>;
export type ChainLead = ResultOf<typeof ChainLeadsQuery>['leads']['nodes'][number];
