import cytoscape, { type Core, type ElementDefinition, type Position, type StylesheetJson } from 'cytoscape';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';

/**
 * The one owner of a Cytoscape instance, for every view: created on mount, destroyed on
 * unmount; elements go in and out inside cy.batch(); nothing is laid out unless a view says so
 * (views compute positions, see graph/layouts/). The graph never lives in React state.
 */
export interface CanvasHandle {
  /** Shows these elements instead of the current ones; positions are the elements' own. */
  replace(elements: readonly ElementDefinition[], options?: { fit?: boolean; maxZoom?: number }): void;
  /** Adds elements whose ids are new; updates the data and position of those already there. */
  upsert(elements: readonly ElementDefinition[]): void;
  remove(ids: readonly string[]): void;
  /** Moves nodes to new positions (animated when asked); resolves when they are there. */
  place(positions: ReadonlyMap<string, Position>, options?: { animate?: boolean }): Promise<void>;
  positions(): Map<string, Position>;
  nodeIds(): string[];
  setClass(ids: readonly string[], className: string, on: boolean): void;
  select(id: string | null): void;
  fit(ids?: readonly string[], padding?: number): void;
  /** The whole graph as a PNG, twice the screen's resolution, on white. */
  png(): Blob;
  /** For views that need more (events on elements of their own). */
  cy(): Core | null;
}

interface CanvasProps {
  ref?: Ref<CanvasHandle>;
  stylesheet: StylesheetJson;
  onNodeTap?(id: string): void;
  onNodeDoubleTap?(id: string): void;
  onBackgroundTap?(): void;
  /** Reports the counts after every change (also kept on the container's data attributes). */
  onChange?(stats: { nodes: number; edges: number }): void;
  label: string;
  testId?: string;
}

declare global {
  interface Window {
    /** Read-only hooks for end-to-end tests: which nodes are drawn, and where on the canvas. */
    chainAtlasGraph?: {
      nodeIds(): string[];
      renderedPosition(id: string): { x: number; y: number } | null;
      /** Where a node is in the graph's own coordinates (unchanged by pan and zoom). */
      position(id: string): { x: number; y: number } | null;
      data(id: string): Record<string, unknown> | null;
      visibleNodeCount(): number;
      edgeIds(selector?: string): string[];
    };
  }
}

export function Canvas({
  ref,
  stylesheet,
  onNodeTap,
  onNodeDoubleTap,
  onBackgroundTap,
  onChange,
  label,
  testId,
}: CanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const callbacks = useRef({ onNodeTap, onNodeDoubleTap, onBackgroundTap, onChange });
  callbacks.current = { onNodeTap, onNodeDoubleTap, onBackgroundTap, onChange };

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; the stylesheet is applied below
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: stylesheet,
      boxSelectionEnabled: false,
      selectionType: 'single',
      minZoom: 0.05,
      maxZoom: 3,
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (e) => callbacks.current.onNodeTap?.(e.target.id()));
    cy.on('dbltap', 'node', (e) => callbacks.current.onNodeDoubleTap?.(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) callbacks.current.onBackgroundTap?.();
    });
    cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    window.chainAtlasGraph = {
      nodeIds: () => cy.nodes().map((n) => n.id()),
      renderedPosition: (id) => {
        const node = cy.getElementById(id);
        return node.nonempty() ? { ...node.renderedPosition() } : null;
      },
      position: (id) => {
        const node = cy.getElementById(id);
        return node.nonempty() ? { ...node.position() } : null;
      },
      data: (id) => {
        const el = cy.getElementById(id);
        return el.nonempty() ? (el.data() as Record<string, unknown>) : null;
      },
      visibleNodeCount: () => cy.nodes(':visible').length,
      edgeIds: (selector = 'edge') => cy.edges(selector).map((e) => e.id()),
    };
    return () => {
      delete window.chainAtlasGraph;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    cyRef.current?.style(stylesheet);
  }, [stylesheet]);

  useImperativeHandle(ref, () => {
    const changed = () => {
      const cy = cyRef.current;
      const container = containerRef.current;
      if (!cy || !container) return;
      const stats = { nodes: cy.nodes().length, edges: cy.edges().length };
      container.dataset.nodeCount = String(stats.nodes);
      container.dataset.edgeCount = String(stats.edges);
      callbacks.current.onChange?.(stats);
    };
    const cy = () => cyRef.current;
    return {
      replace(elements, { fit = true, maxZoom = 1.25 } = {}) {
        const c = cy();
        if (!c) return;
        c.batch(() => {
          c.elements().remove();
          c.add([...elements]);
        });
        if (fit) {
          c.fit(undefined, 40);
          if (c.zoom() > maxZoom) {
            c.zoom(maxZoom);
            c.center();
          }
        }
        changed();
      },
      upsert(elements) {
        const c = cy();
        if (!c) return;
        c.batch(() => {
          for (const el of elements) {
            const id = el.data.id;
            const there = id ? c.getElementById(id) : undefined;
            if (there?.nonempty()) {
              there.data(el.data);
              if (el.position) there.position(el.position);
              if (el.classes !== undefined) there.classes(el.classes);
            } else c.add(el);
          }
        });
        changed();
      },
      remove(ids) {
        const c = cy();
        if (!c) return;
        c.batch(() => {
          for (const id of ids) c.getElementById(id).remove();
        });
        changed();
      },
      async place(positions, { animate = false } = {}) {
        const c = cy();
        if (!c) return;
        if (!animate) {
          c.batch(() => {
            for (const [id, p] of positions) c.getElementById(id).position(p);
          });
          return;
        }
        const moves = [...positions].flatMap(([id, p]) => {
          const node = c.getElementById(id);
          return node.nonempty()
            ? [
                node
                  .animation({ position: p, duration: 350 } as Parameters<typeof node.animation>[0])
                  .play()
                  .promise(),
              ]
            : [];
        });
        await Promise.all(moves);
      },
      positions: () =>
        new Map(
          cy()
            ?.nodes()
            .map((n) => [n.id(), { ...n.position() }]) ?? [],
        ),
      nodeIds: () =>
        cy()
          ?.nodes()
          .map((n) => n.id()) ?? [],
      setClass(ids, className, on) {
        const c = cy();
        if (!c) return;
        c.batch(() => {
          for (const id of ids) {
            if (on) c.getElementById(id).addClass(className);
            else c.getElementById(id).removeClass(className);
          }
        });
      },
      select(id) {
        const c = cy();
        if (!c) return;
        c.elements(':selected').unselect();
        if (id) c.getElementById(id).select();
      },
      fit(ids, padding = 40) {
        const c = cy();
        if (!c) return;
        const eles = ids ? ids.reduce((all, id) => all.union(c.getElementById(id)), c.collection()) : c.elements();
        c.animate({ fit: { eles, padding } }, { duration: 300 });
      },
      png() {
        const c = cy();
        if (!c) return new Blob();
        return c.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
      },
      cy,
    };
  }, []);

  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      data-testid={testId ?? 'graph-canvas'}
      role="img"
      aria-label={label}
    />
  );
}
