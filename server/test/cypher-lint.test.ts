import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allCypherFiles } from '../src/store/neo4j/cypher-files';
import { declaredParameters, lintCypherFile } from '../src/store/neo4j/lint';

const CATALOG = fileURLToPath(new URL('../src/store/neo4j/cypher-catalog.ts', import.meta.url));

/**
 * The lines of cypher-catalog.ts's CypherParameters, read from its source: each file and the names
 * of its parameters (a line is a `{ … }`, an `&` of such, a type of that file, or None).
 */
function catalog(): Map<string, string[]> {
  const source = ts.createSourceFile(CATALOG, readFileSync(CATALOG, 'utf8'), ts.ScriptTarget.Latest, true);
  const declared = new Map<string, ts.Node>();
  for (const s of source.statements) {
    if (ts.isInterfaceDeclaration(s)) declared.set(s.name.text, s);
    if (ts.isTypeAliasDeclaration(s)) declared.set(s.name.text, s.type);
  }
  const names = (node: ts.Node | undefined): string[] => {
    if (node && (ts.isTypeLiteralNode(node) || ts.isInterfaceDeclaration(node)))
      return node.members.map((m) => (m.name as ts.Identifier).text);
    if (node && ts.isIntersectionTypeNode(node)) return node.types.flatMap(names);
    if (node && ts.isTypeReferenceNode(node) && node.typeName.getText() === 'None') return [];
    if (node && ts.isTypeReferenceNode(node) && declared.has(node.typeName.getText()))
      return names(declared.get(node.typeName.getText()));
    throw new Error(`cypher-catalog.ts: cannot read the parameters of ${node?.getText()}`);
  };
  const lines = declared.get('CypherParameters') as ts.InterfaceDeclaration;
  return new Map(
    lines.members.map((m) => [(m.name as ts.StringLiteral).text, names((m as ts.PropertySignature).type).sort()]),
  );
}

describe('cypher-catalog.ts names every file of cypher/ and its parameters', () => {
  const lines = catalog();

  it('lists the files of the cypher/ directory, no more, no fewer', () => {
    expect([...lines.keys()].sort()).toEqual(
      allCypherFiles()
        .map((f) => f.file)
        .sort(),
    );
  });

  it.each(allCypherFiles().map((f) => [f.file, f.path]))('%s: the parameters its comment names', (file, path) => {
    expect(lines.get(file)).toEqual(declaredParameters(readFileSync(path, 'utf8')).sort());
  });
});

describe("every .cypher file passes Neo4j's own linter against the domain schema", () => {
  const files = allCypherFiles();

  it('finds the files', () => {
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['schema/constraints', 'schema/indexes', 'import/enterprises', 'queries/get-enterprises']),
    );
  });

  it.each(files.map((f) => [f.file, f.path]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('//'), 'opens with a comment').toBe(true);
    expect(text).toMatch(/Parameters:/);
    expect(text).toMatch(/Returns:/);
    expect(lintCypherFile(text)).toEqual([]);
    // every parameter used is named in the opening comment, and every one named is used
    const body = text.replace(/^\s*\/\/.*$/gm, '');
    const used = new Set([...body.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(declaredParameters(text).sort());
  });
});

describe('the linter catches', () => {
  const file = (body: string) => `// A test. Parameters: $id. Returns: e.\n${body}\n`;

  it('a syntax error', () => {
    const problems = lintCypherFile(file('MATCH (e:Enterprise {id: $id}) RETRN e'));
    expect(problems.some((p) => p.severity === 'error' && p.line === 2)).toBe(true);
  });

  it('a label the domain does not have', () => {
    const problems = lintCypherFile(file('MATCH (e:Enterprize {id: $id}) RETURN e'));
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/Label Enterprize/) }),
    ]);
  });

  it('a parameter the opening comment does not name', () => {
    const problems = lintCypherFile(file('MATCH (e:Enterprise {id: $key}) RETURN e'));
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', message: 'Parameter $key is not defined.' }),
    ]);
  });
});
