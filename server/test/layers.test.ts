import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The server's layers (docs/architecture.md): a folder of server/src may import its own files and
 * those of the folders named here, nothing else. Lower layers first; `paths.ts`, at the root, is
 * where the workspace's folders are, usable by all.
 */
const LAYERS: Record<string, readonly string[]> = {
  domain: [],
  platform: [],
  paths: [],
  interchange: ['domain'],
  analysis: ['domain'],
  auth: ['domain', 'platform'],
  store: ['domain', 'platform', 'paths', 'interchange', 'analysis'],
  'analysis-pool': ['domain', 'analysis'],
  import: ['domain', 'platform', 'paths', 'interchange', 'analysis', 'store'],
  audit: ['domain', 'platform', 'interchange', 'store', 'import'],
  curation: ['domain', 'platform', 'interchange', 'analysis', 'store', 'import', 'auth'],
  chronicle: ['domain', 'analysis', 'store'],
  graphql: [
    'domain',
    'platform',
    'paths',
    'interchange',
    'analysis',
    'store',
    'analysis-pool',
    'auth',
    'audit',
    'import',
    'curation',
    'chronicle',
  ],
  http: ['domain', 'platform', 'paths', 'store', 'auth', 'graphql'],
  bin: [
    'domain',
    'platform',
    'paths',
    'interchange',
    'analysis',
    'store',
    'analysis-pool',
    'auth',
    'audit',
    'import',
    'curation',
    'chronicle',
    'graphql',
    'http',
  ],
};

/**
 * The store's adapters never import each other. The memory and the embedded store each hold the
 * in-memory graph of store/graph, which imports no adapter.
 */
const ADAPTERS: Record<string, readonly string[]> = {
  'store/graph': [],
  'store/memory': ['store/graph'],
  'store/embedded': ['store/graph'],
  'store/neo4j': [],
};

/** The GraphQL packages, and the only layers that may import them: GraphQL errors are made at the edge. */
const GRAPHQL_PACKAGES = /^(graphql|graphql-yoga|@graphql-yoga\/.*|@pothos\/.*|@envelop\/.*|@escape\.tech\/.*)$/;
const GRAPHQL_EDGE = ['graphql', 'http', 'bin'];

/** At most this many files at server/src's root. */
const MAX_ROOT_FILES = 4;

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

type Graph = Map<string, string[]>;

/** The packages each module imports (what is not a relative path). */
const packages = new Map<string, string[]>();

/** Every .ts file under `root` (relative to it, without .ts) with the project files it imports, type-only imports included. */
function importGraph(root: string): Graph {
  const graph: Graph = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
        const specs = ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
        const targets = specs
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => moduleOf(root, resolve(dirname(path), spec)));
        graph.set(moduleOf(root, path), targets);
        packages.set(
          moduleOf(root, path),
          specs.filter((spec) => !spec.startsWith('.')),
        );
      }
    }
  };
  walk(root);
  return graph;
}

const moduleOf = (root: string, path: string) => relative(root, path).replace(/\.(ts|js)$/, '');

/** A module's layer: its folder under src/, or the root file's own name. */
const layerOf = (module: string) => module.split('/')[0] as string;

/** Imports that break the layer rule, as "from -> to". */
function upwardImports(graph: Graph): string[] {
  const wrong: string[] = [];
  for (const [from, targets] of graph) {
    const layer = layerOf(from);
    for (const to of targets) {
      const target = layerOf(to);
      if (target === layer) {
        const adapter = Object.keys(ADAPTERS).find((a) => from.startsWith(`${a}/`));
        const other = Object.keys(ADAPTERS).find((a) => to.startsWith(`${a}/`));
        if (adapter && other && adapter !== other && !ADAPTERS[adapter]?.includes(other))
          wrong.push(`${from} -> ${to}`);
        continue;
      }
      if (!LAYERS[layer]?.includes(target)) wrong.push(`${from} -> ${to}`);
    }
  }
  return wrong;
}

/** The import circles: each group of modules that reach one another (Tarjan's strongly connected components). */
function circles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the server’s layers (docs/architecture.md)', () => {
  const graph = importGraph(SRC);

  it('puts every folder of server/src in a layer', () => {
    const unknown = [...new Set([...graph.keys()].map(layerOf))].filter((layer) => !(layer in LAYERS));
    expect(unknown).toEqual([]);
  });

  it('imports only downward: each folder from itself and the layers below it', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('imports GraphQL packages only at the GraphQL edge (graphql/, http/, bin/)', () => {
    const below = [...packages]
      .filter(([module]) => !GRAPHQL_EDGE.includes(layerOf(module)))
      .flatMap(([module, specs]) =>
        specs.filter((spec) => GRAPHQL_PACKAGES.test(spec)).map((spec) => `${module} -> ${spec}`),
      );
    expect(below).toEqual([]);
  });

  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it(`keeps at most ${MAX_ROOT_FILES} files at server/src's root`, () => {
    const root = [...graph.keys()].filter((m) => !m.includes('/'));
    expect(root.length).toBeLessThanOrEqual(MAX_ROOT_FILES);
  });

  it('catches an upward import, an adapter importing another, and a circle', () => {
    const made: Graph = new Map([
      ['domain/records', ['store/port']],
      ['store/port', ['domain/records']],
      ['store/neo4j/reads', ['store/memory/search', 'store/port']],
      ['store/embedded/fold', ['store/graph/memory-graph']],
      ['store/embedded/loader', ['store/memory/memory-store']],
      ['store/memory/search', []],
      ['store/memory/memory-store', ['store/graph/memory-graph']],
      ['store/graph/memory-graph', []],
      ['graphql/context', ['http/app']],
      ['http/app', []],
    ]);
    expect(upwardImports(made)).toEqual([
      'domain/records -> store/port',
      'store/neo4j/reads -> store/memory/search',
      'store/embedded/loader -> store/memory/memory-store',
      'graphql/context -> http/app',
    ]);
    expect(circles(made)).toEqual([['domain/records', 'store/port']]);
  });
});
