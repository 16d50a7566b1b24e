import cytoscape, { type Core, type Position } from 'cytoscape';

/** Cytoscape's fcose layout with its default settings, run on a drawn graph; loaded only when asked for. */
export async function fcosePositions(cy: Core): Promise<Map<string, Position>> {
  const { default: fcose } = await import('cytoscape-fcose');
  cytoscape.use(fcose);
  cy.layout({ name: 'fcose', animate: false, fit: false } as cytoscape.LayoutOptions).run();
  return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
}
