import { builder } from '../builder';
import { loadEnterprise } from '../context';
import { arrayConnection } from '../pagination';
import { CentralityRef, ChokepointsRef, SingleSourceRef } from './analysis-refs';
import { EnterpriseRef } from './refs';
import { enterprisePage } from './values';

/** The GraphQL side of a gap report's chokepoints (single sources) and centrality. */

const SupplyLinkRef = builder.objectRef<{ from: string; to: string }>('SupplyLink');
SupplyLinkRef.implement({
  fields: (t) => ({
    supplier: t.field({ type: EnterpriseRef, resolve: (l, _a, { loaders }) => loadEnterprise(loaders, l.from) }),
    customer: t.field({ type: EnterpriseRef, resolve: (l, _a, { loaders }) => loadEnterprise(loaders, l.to) }),
  }),
});

SingleSourceRef.implement({
  description: 'A local chain member that gets one of its inputs from one supplier alone, a local one.',
  fields: (t) => ({
    customer: t.field({
      type: EnterpriseRef,
      description: 'The local chain member.',
      resolve: (d, _a, { loaders }) => loadEnterprise(loaders, d.customerId),
    }),
    input: t.exposeString('input', {
      description: 'What it buys: the product name, trimmed, half-width and lower case.',
    }),
    supplier: t.field({
      type: EnterpriseRef,
      description: 'Its only supplier of that input, local or outside counted: a chokepoint.',
      resolve: (d, _a, { loaders }) => loadEnterprise(loaders, d.supplierId),
    }),
  }),
});

ChokepointsRef.implement({
  description:
    'Chokepoints (卡点): local firms that are the sole supplier of an input to a local chain member, counting every supplier of that input, local or from outside the district.',
  fields: (t) => ({
    suppliers: t.connection({
      type: EnterpriseRef,
      description: 'The local firms that are the sole supplier of some input to a local chain member, by id.',
      resolve: (c, args, { loaders }) => enterprisePage(loaders, args, c.supplierIds),
    }),
    singleSources: t.connection({
      type: SingleSourceRef,
      description: 'Every single-source dependency, by customer, input, then supplier.',
      resolve: (c, args) => arrayConnection(args, c.singleSources),
    }),
    bridges: t.connection({
      type: SingleSourceRef,
      description:
        'The single-source dependencies whose supply link is also a bridge of the local supply flow: losing it cuts the customer off from the supplier’s side.',
      resolve: (c, args) => arrayConnection(args, c.bridges),
    }),
  }),
});

CentralityRef.implement({
  description:
    "Where the chain's supply flow hangs together. Information only: no gap reason rests on it (see Chokepoints).",
  fields: (t) => ({
    articulationPoints: t.connection({
      type: EnterpriseRef,
      description: 'Local firms whose loss splits the local supply flow, taken undirected.',
      resolve: (c, args, { loaders }) => enterprisePage(loaders, args, c.articulationPoints),
    }),
    bridges: t.connection({
      type: SupplyLinkRef,
      description: 'Supply links whose loss splits the local supply flow, taken undirected.',
      resolve: (c, args) => arrayConnection(args, c.bridges),
    }),
    topBetweenness: t.connection({
      type: EnterpriseRef,
      description: "The firms most of the chain's supply flow runs through: highest betweenness first.",
      resolve: (c, args, { loaders }) =>
        enterprisePage(
          loaders,
          args,
          c.betweenness.map((b) => b.enterpriseId),
        ),
    }),
  }),
});
