import type { ElementDefinition, Position } from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import { HIDING_CLASSES } from './classes';

/**
 * What the user is looking at, as a graph (graphology): the firms and links there, their data,
 * classes (centre, filtered, folded, folded-away, meta…) and positions, and the firm selected.
 * Views and hooks change it and read it; a Canvas given it (see Canvas's `model`) draws it, and
 * tells it what the user changes there (a node dragged, a node selected). Nothing is read back
 * out of the drawing.
 */
export interface Mirror {
  /** Draws these elements instead of those drawn (see CanvasHandle.replace). */
  replace(elements: readonly ElementDefinition[], options?: { fit?: boolean; maxZoom?: number }): void;
  /** Draws new elements a slice at a time; stops when `alive` turns false. */
  addInSlices(elements: readonly ElementDefinition[], alive?: () => boolean): Promise<void>;
  upsert(elements: readonly ElementDefinition[]): void;
  remove(ids: readonly string[]): void;
  setClass(ids: readonly string[], className: string, on: boolean): void;
  /** Sets data fields; a field set to undefined is removed. */
  setData(id: string, patch: Readonly<Record<string, unknown>>): void;
  place(positions: ReadonlyMap<string, Position>, options?: { animate?: boolean }): Promise<void>;
  select(id: string | null): void;
}

/** An element as the model keeps it: its definition's data, classes and position, and the rest of it. */
interface Attributes {
  data: Record<string, unknown>;
  classes: Set<string>;
  position?: Position;
  /** The rest of its definition (e.g. `selectable`), given back as it came. */
  rest: Omit<ElementDefinition, 'data' | 'classes' | 'position'>;
}

/** A node or an edge as read from the model. */
export interface ModelElement {
  id: string;
  data: Readonly<Record<string, unknown>>;
  classes: ReadonlySet<string>;
}

export interface ModelNode extends ModelElement {
  position: Position | undefined;
}

export interface ModelEdge extends ModelElement {
  source: string;
  target: string;
}

const classList = (classes: ElementDefinition['classes']): string[] =>
  (Array.isArray(classes) ? classes : (classes ?? '').split(/\s+/)).filter((c) => c !== '');

function attributesOf(el: ElementDefinition): Attributes {
  const { data, classes, position, ...rest } = el;
  return {
    data: { ...data },
    classes: new Set(classList(classes)),
    ...(position ? { position: { ...position } } : {}),
    rest,
  };
}

const hidden = (a: Attributes) => HIDING_CLASSES.some((c) => a.classes.has(c));

/** A model at one version (see GraphModel.snapshot). */
export interface ModelSnapshot {
  readonly version: number;
  readonly model: GraphModel;
}

export class GraphModel {
  private readonly graph = new MultiDirectedGraph<Attributes, Attributes>({ allowSelfLoops: true });
  private mirror: Mirror | null = null;
  private selectedId: string | null = null;
  /** How the elements held were first drawn (fitted or not, how near), for a canvas mounted again. */
  private drawnWith: { fit?: boolean; maxZoom?: number } | undefined;
  private readonly listeners = new Set<() => void>();
  private changes = 0;
  private notifying = false;
  private seen: ModelSnapshot | undefined;
  /** Elements handed to the canvas a slice at a time, not all drawn yet; those of them changed meanwhile. */
  private readonly drawing = new Set<string>();
  private readonly touched = new Set<string>();

  // --- drawing ---

  /**
   * The Canvas that draws the model from now on: it is handed what the model holds now, if
   * anything (a canvas mounted again). Returns how to let it go.
   */
  attach(mirror: Mirror): () => void {
    this.mirror = mirror;
    if (this.graph.order > 0) {
      mirror.replace(this.elements(), this.drawnWith);
      if (this.selectedId) mirror.select(this.selectedId);
    }
    return () => {
      if (this.mirror === mirror) this.mirror = null;
    };
  }

  // --- changes ---

  /** Holds these elements instead of those it held. */
  replace(elements: readonly ElementDefinition[], options?: { fit?: boolean; maxZoom?: number }) {
    this.graph.clear();
    this.selectedId = null;
    this.drawnWith = options;
    this.put(elements);
    this.mirror?.replace(elements, options);
    this.changed();
  }

  /**
   * Adds the elements whose ids are new (an edge only with both its ends); the canvas draws them a
   * slice at a time, and this resolves once it has (or `alive` turned false).
   */
  async add(elements: readonly ElementDefinition[], alive: () => boolean = () => true): Promise<void> {
    const added = this.put(elements);
    const mirror = this.mirror;
    for (const id of added.keys()) this.drawing.add(id);
    try {
      await mirror?.addInSlices(elements, alive);
    } finally {
      for (const id of added.keys()) this.drawing.delete(id);
      if (mirror && mirror === this.mirror) this.redraw(mirror, added);
      this.changed();
    }
  }

  /** Adds elements whose ids are new; updates the data, position and (if given) classes of those there. */
  upsert(elements: readonly ElementDefinition[]) {
    for (const el of elements) {
      const id = el.data.id;
      const there = id !== undefined ? this.attributes(id) : undefined;
      if (!there) {
        this.put([el]);
        continue;
      }
      Object.assign(there.data, el.data);
      if (el.position) there.position = { ...el.position };
      if (el.classes !== undefined) there.classes = new Set(classList(el.classes));
    }
    this.touch(elements.flatMap((el) => (el.data.id === undefined ? [] : [el.data.id])));
    this.mirror?.upsert(elements);
    this.changed();
  }

  /** Removes elements (a node with its edges). */
  remove(ids: readonly string[]) {
    for (const id of ids) {
      if (this.graph.hasNode(id)) this.graph.dropNode(id);
      else if (this.graph.hasEdge(id)) this.graph.dropEdge(id);
    }
    this.touch(ids);
    this.mirror?.remove(ids);
    this.changed();
  }

  setClass(ids: readonly string[], className: string, on: boolean) {
    if (ids.length === 0) return;
    for (const id of ids) {
      const a = this.attributes(id);
      if (!a) continue;
      if (on) a.classes.add(className);
      else a.classes.delete(className);
    }
    this.touch(ids);
    this.mirror?.setClass(ids, className, on);
    this.changed();
  }

  /** Sets data fields of an element; a field set to undefined is removed. */
  setData(id: string, patch: Readonly<Record<string, unknown>>) {
    const a = this.attributes(id);
    if (!a) return;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete a.data[key];
      else a.data[key] = value;
    }
    this.touch([id]);
    this.mirror?.setData(id, patch);
    this.changed();
  }

  /** Moves nodes; resolves when the canvas shows them there (after an animation, when asked for one). */
  async place(positions: ReadonlyMap<string, Position>, options?: { animate?: boolean }): Promise<void> {
    for (const [id, p] of positions) if (this.graph.hasNode(id)) this.graph.getNodeAttributes(id).position = { ...p };
    await this.mirror?.place(positions, options);
  }

  select(id: string | null) {
    this.selectedId = id !== null && this.graph.hasNode(id) ? id : null;
    this.mirror?.select(id);
  }

  /** What the canvas tells: the user moved a node there. */
  moved(id: string, position: Position) {
    if (this.graph.hasNode(id)) this.graph.getNodeAttributes(id).position = { ...position };
  }

  /** What the canvas tells: the user selected this node (or none). */
  selectedBy(id: string | null) {
    this.selectedId = id;
  }

  // --- reads ---

  /** Counts the changes to what the model holds (not to positions): for views that render what they read. */
  get version(): number {
    return this.changes;
  }

  /**
   * The model as it is at this version: a new object after each change to what it holds (not to
   * positions), for views that compute what they show from it.
   */
  snapshot(): ModelSnapshot {
    if (this.seen?.version !== this.changes) this.seen = { version: this.changes, model: this };
    return this.seen;
  }

  /** Calls `listener` after changes to what the model holds (once for a run of changes in one task). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get selected(): string | null {
    return this.selectedId;
  }

  has(id: string): boolean {
    return this.graph.hasNode(id) || this.graph.hasEdge(id);
  }

  hasNode(id: string): boolean {
    return this.graph.hasNode(id);
  }

  data(id: string): Readonly<Record<string, unknown>> | undefined {
    return this.attributes(id)?.data;
  }

  hasClass(id: string, className: string): boolean {
    return !!this.attributes(id)?.classes.has(className);
  }

  position(id: string): Position | undefined {
    const p = this.graph.hasNode(id) ? this.graph.getNodeAttributes(id).position : undefined;
    return p && { ...p };
  }

  /** Every node's position (those without one left out). */
  positions(): Map<string, Position> {
    const all = new Map<string, Position>();
    this.graph.forEachNode((id, a) => {
      if (a.position) all.set(id, { ...a.position });
    });
    return all;
  }

  get nodeCount(): number {
    return this.graph.order;
  }

  get edgeCount(): number {
    return this.graph.size;
  }

  nodes(): ModelNode[] {
    return this.graph.mapNodes((id, a) => ({ id, data: a.data, classes: a.classes, position: a.position }));
  }

  edges(): ModelEdge[] {
    return this.graph.mapEdges((id, a, source, target) => ({ id, source, target, data: a.data, classes: a.classes }));
  }

  /** Whether a node is drawn (not hidden by a class), or an edge (and its two ends). */
  visible(id: string): boolean {
    if (this.graph.hasNode(id)) return !hidden(this.graph.getNodeAttributes(id));
    if (!this.graph.hasEdge(id)) return false;
    return (
      !hidden(this.graph.getEdgeAttributes(id)) &&
      this.visible(this.graph.source(id)) &&
      this.visible(this.graph.target(id))
    );
  }

  visibleNodes(): ModelNode[] {
    return this.nodes().filter((n) => !hidden(this.graph.getNodeAttributes(n.id)));
  }

  visibleEdges(): ModelEdge[] {
    return this.edges().filter((e) => this.visible(e.id));
  }

  /** A node's edges, in and out. */
  edgesOf(id: string): ModelEdge[] {
    if (!this.graph.hasNode(id)) return [];
    return this.graph.mapEdges(id, (edge, a, source, target) => ({
      id: edge,
      source,
      target,
      data: a.data,
      classes: a.classes,
    }));
  }

  /** What the model holds, as element definitions: nodes first. */
  elements(): ElementDefinition[] {
    const definition = (id: string, a: Attributes): ElementDefinition => ({
      ...a.rest,
      data: { ...a.data, id },
      ...(a.classes.size > 0 ? { classes: [...a.classes].join(' ') } : {}),
      ...(a.position ? { position: { ...a.position } } : {}),
    });
    return [...this.graph.mapNodes((id, a) => definition(id, a)), ...this.graph.mapEdges((id, a) => definition(id, a))];
  }

  // --- inside ---

  private attributes(id: string): Attributes | undefined {
    if (this.graph.hasNode(id)) return this.graph.getNodeAttributes(id);
    if (this.graph.hasEdge(id)) return this.graph.getEdgeAttributes(id);
    return undefined;
  }

  /** Adds the elements whose ids are new: nodes first, then edges whose two ends are there. */
  /** Adds the elements whose ids are new: nodes first, then edges whose two ends are there. Returns them, with the classes they came with. */
  private put(elements: readonly ElementDefinition[]): Map<string, ReadonlySet<string>> {
    const added = new Map<string, ReadonlySet<string>>();
    for (const el of elements) {
      const id = el.data.id;
      if (el.group === 'edges' || id === undefined || this.has(id)) continue;
      const a = attributesOf(el);
      this.graph.addNode(id, a);
      added.set(id, new Set(a.classes));
    }
    for (const el of elements) {
      const { id, source, target } = el.data;
      if (el.group !== 'edges' || id === undefined || this.has(id)) continue;
      if (!this.graph.hasNode(source) || !this.graph.hasNode(target)) continue;
      const a = attributesOf(el);
      this.graph.addDirectedEdgeWithKey(id, source, target, a);
      added.set(id, new Set(a.classes));
    }
    return added;
  }

  /**
   * After elements went to the canvas a slice at a time: what changed of them meanwhile (classes,
   * data, or removed), handed to it again; a change to an element not drawn yet is lost there.
   */
  private redraw(mirror: Mirror, added: ReadonlyMap<string, ReadonlySet<string>>) {
    const gone: string[] = [];
    const classes = new Map<string, string[]>();
    const turn = (className: string, on: boolean, id: string) => {
      const key = `${on ? '+' : '-'}${className}`;
      classes.set(key, [...(classes.get(key) ?? []), id]);
    };
    for (const [id, given] of added) {
      if (!this.touched.has(id)) continue;
      this.touched.delete(id);
      const a = this.attributes(id);
      if (!a) {
        gone.push(id);
        continue;
      }
      for (const c of a.classes) if (!given.has(c)) turn(c, true, id);
      for (const c of given) if (!a.classes.has(c)) turn(c, false, id);
      const { id: _id, source: _source, target: _target, ...data } = a.data;
      mirror.setData(id, data);
    }
    if (gone.length > 0) mirror.remove(gone);
    for (const [key, ids] of classes) mirror.setClass(ids, key.slice(1), key.startsWith('+'));
  }

  /** Notes a change to elements being drawn a slice at a time (see `redraw`). */
  private touch(ids: Iterable<string>) {
    if (this.drawing.size === 0) return;
    for (const id of ids) if (this.drawing.has(id)) this.touched.add(id);
  }

  private changed() {
    this.changes++;
    if (this.notifying) return;
    this.notifying = true;
    queueMicrotask(() => {
      this.notifying = false;
      for (const listener of [...this.listeners]) listener();
    });
  }
}
