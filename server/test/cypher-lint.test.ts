import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCypherFiles } from '../src/store/neo4j/cypher-files';
import { declaredParameters, lintCypherFile } from '../src/store/neo4j/lint';

describe("every .cypher file passes Neo4j's own linter against the domain schema", () => {
  const files = allCypherFiles();

  it('finds the files', () => {
    expect(files.map((f) => `${f.folder}/${f.name}`)).toEqual(
      expect.arrayContaining(['schema/constraints', 'schema/indexes', 'import/enterprises', 'queries/get-enterprises']),
    );
  });

  it.each(files.map((f) => [`${f.folder}/${f.name}`, f.path]))('%s', (_name, path) => {
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
