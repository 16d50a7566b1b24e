import { type ENTERPRISE_RELATION_KINDS, TIERS } from '../../domain/model';
import type { EnterpriseOrder } from '../../domain/records';
import { builder } from '../builder';

export const TierEnum = builder.enumType('Tier', {
  description: 'Where a segment sits along its chain.',
  values: TIERS,
});

export const RelationKindEnum = builder.enumType('RelationKind', {
  description: 'Kinds of relationship between two enterprises.',
  values: {
    CONTROLS: { description: 'Ownership, parent → subsidiary, with a share.' },
    SUPPLIES: { description: 'Supply, supplier → customer, with a product.' },
  } satisfies Record<(typeof ENTERPRISE_RELATION_KINDS)[number], unknown>,
});

export const RoleEnum = builder.enumType('EnterpriseRole', {
  description: "An enterprise's place in the district's enterprise systems (系).",
  values: {
    ROOT: { description: 'A root enterprise (根系企业): controls others and is controlled by none.' },
    DIRECT: {
      description: 'A direct enterprise (直系): controlled by a root, directly or through a chain of control.',
    },
    AFFILIATE: {
      description: 'A supply-chain affiliate (供应链关联企业): outside every system, linked to a member by SUPPLIES.',
    },
    OTHER: { description: 'Neither member nor affiliate of any system.' },
  },
});

export const EnterpriseOrderEnum = builder.enumType('EnterpriseOrder', {
  description: 'How a list of enterprises is sorted; every order ends on the key, so pages never overlap.',
  values: {
    RELEVANCE: {
      description:
        'Exact name first, then names that start with the query, then others; larger revenue first within each.',
    },
    NAME: { description: 'By Chinese name, in Unicode order.' },
    REVENUE: { description: 'Largest revenue first; unknown last.' },
    REGISTERED_CAPITAL: { description: 'Largest registered capital first; unknown last.' },
    EMPLOYEES: { description: 'Most employees first; unknown last.' },
    FOUNDED_ON: { description: 'Oldest first; unknown last.' },
  } satisfies Record<EnterpriseOrder, unknown>,
});

/** How the systems are listed. */
export type SystemOrder = 'ROOT_ID' | 'SIZE';
export const SystemOrderEnum = builder.enumType('SystemOrder', {
  description: 'How the enterprise systems are listed.',
  values: {
    ROOT_ID: { description: "By the root's id." },
    SIZE: {
      description: "Largest first: most direct enterprises, then most supply-chain affiliates, then by the root's id.",
    },
  } satisfies Record<SystemOrder, unknown>,
});
