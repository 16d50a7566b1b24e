import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { Enterprise } from '../queries';
import { type GraphElements, type NodeData, newElements, placeAround } from './elements';
import { graphStylesheet } from './style';

export interface GraphStats {
  nodes: number;
  edges: number;
}

/** What the explorer asks of the graph. The elements live in Cytoscape, not in React state. */
export interface GraphHandle {
  /** Shows a new graph around `centreId`: replaces every element and lays them out in rings by distance. */
  replace(elements: GraphElements, centreId: string): void;
  /** Adds what is new in `elements` on rings around `parentId`; existing nodes stay where they are. */
  expand(parentId: string, elements: GraphElements): GraphStats;
}

interface GraphCanvasProps {
  ref?: Ref<GraphHandle>;
  onSelect(enterprise: Enterprise | null): void;
  onExpand(id: string): void;
  onStats(stats: GraphStats): void;
}

declare global {
  interface Window {
    /** Read-only hooks for end-to-end tests: where a node is drawn on screen, relative to the canvas. */
    chainAtlasGraph?: { nodeIds(): string[]; renderedPosition(id: string): { x: number; y: number } | null };
  }
}

const MAX_FIT_ZOOM = 1.25;

/** The one owner of the Cytoscape instance: created on mount, destroyed on unmount. */
export function GraphCanvas({ ref, onSelect, onExpand, onStats }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const selectedRef = useRef<string | null>(null);
  const callbacks = useRef({ onSelect, onExpand, onStats });
  callbacks.current = { onSelect, onExpand, onStats };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: graphStylesheet(),
      boxSelectionEnabled: false,
      selectionType: 'single',
      minZoom: 0.1,
      maxZoom: 3,
    });
    cyRef.current = cy;
    const data = (node: NodeSingular) => node.data() as NodeData;
    cy.on('tap', 'node', (event) => {
      const node = event.target as NodeSingular;
      if (selectedRef.current === node.id()) {
        callbacks.current.onExpand(node.id());
      } else {
        selectedRef.current = node.id();
        callbacks.current.onSelect(data(node).enterprise);
      }
    });
    cy.on('dbltap', 'node', (event) => callbacks.current.onExpand((event.target as NodeSingular).id()));
    cy.on('tap', (event) => {
      if (event.target !== cy) return;
      selectedRef.current = null;
      callbacks.current.onSelect(null);
    });
    cy.on('select', 'node', (event) => (event.target as NodeSingular).connectedEdges().addClass('focus'));
    cy.on('unselect', 'node', (event) => (event.target as NodeSingular).connectedEdges().removeClass('focus'));
    cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
    window.chainAtlasGraph = {
      nodeIds: () => cy.nodes().map((node) => node.id()),
      renderedPosition: (id) => {
        const node = cy.getElementById(id);
        return node.nonempty() ? { ...node.renderedPosition() } : null;
      },
    };
    report(cy, container, callbacks.current.onStats);
    return () => {
      delete window.chainAtlasGraph;
      cy.destroy();
      cyRef.current = null;
      selectedRef.current = null;
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      replace(elements, centreId) {
        const cy = cyRef.current;
        const container = containerRef.current;
        if (!cy || !container) return;
        cy.batch(() => {
          cy.elements().remove();
          cy.add([...elements.nodes, ...elements.edges]);
          cy.getElementById(centreId).addClass('centre').select();
        });
        selectedRef.current = centreId;
        cy.layout({
          name: 'concentric',
          concentric: (node) => -Number(node.data('distance')),
          levelWidth: () => 1,
          minNodeSpacing: 50,
          startAngle: (3 / 2) * Math.PI,
          animate: false,
          fit: true,
          padding: 40,
        }).run();
        // A small graph would fill the screen with huge nodes: keep it at a readable size, centred.
        if (cy.zoom() > MAX_FIT_ZOOM) {
          cy.zoom(MAX_FIT_ZOOM);
          cy.center();
        }
        report(cy, container, callbacks.current.onStats);
      },
      expand(parentId, elements) {
        const cy = cyRef.current;
        const container = containerRef.current;
        const parent = cy?.getElementById(parentId);
        if (!cy || !container || !parent || parent.empty()) return { nodes: 0, edges: 0 };
        const fresh = newElements(
          { nodeIds: new Set(cy.nodes().map((n) => n.id())), edgeIds: new Set(cy.edges().map((e) => e.id())) },
          elements,
        );
        const occupied = cy.nodes().map((node) => ({ ...node.position() }));
        const parentData = { position: { ...parent.position() }, distance: Number(parent.data('distance')) };
        const nodes = placeAround(fresh.nodes, parentData, occupied);
        cy.batch(() => cy.add([...nodes, ...fresh.edges]));
        if (parent.selected()) parent.connectedEdges().addClass('focus');
        const view = cy.extent();
        const outside = nodes.some(
          ({ position: p }) => p && (p.x < view.x1 || p.x > view.x2 || p.y < view.y1 || p.y > view.y2),
        );
        if (outside) cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 300 });
        report(cy, container, callbacks.current.onStats);
        return { nodes: nodes.length, edges: fresh.edges.length };
      },
    }),
    [],
  );

  return <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" />;
}

function report(cy: Core, container: HTMLElement, onStats: (stats: GraphStats) => void) {
  const stats = { nodes: cy.nodes().length, edges: cy.edges().length };
  container.dataset.nodeCount = String(stats.nodes);
  container.dataset.edgeCount = String(stats.edges);
  onStats(stats);
}
