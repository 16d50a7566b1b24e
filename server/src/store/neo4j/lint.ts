import { createRequire } from 'node:module';
import type { SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import { dbSchema } from './schema-description';

// The package's ESM build does not load under Node's own resolver; its CommonJS build does.
const { lintCypherQuery } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as {
  lintCypherQuery: (query: string, schema: ReturnType<typeof dbSchema>) => SyntaxDiagnostic[];
};

export interface CypherProblem {
  statement: number;
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The parameters a file's opening comment names: every `$name` before the first statement. */
export function declaredParameters(text: string): string[] {
  const header = text
    .split('\n')
    .filter((l) => l.trim().startsWith('//'))
    .join('\n');
  return [...new Set([...header.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string))];
}

/**
 * Lints a .cypher file with Neo4j's own parser and semantic analysis against the domain's
 * schema, its declared parameters standing for the parameters: every error and warning.
 */
export function lintCypherFile(text: string): CypherProblem[] {
  const parameters = Object.fromEntries(declaredParameters(text).map((p) => [p, null]));
  const schema = dbSchema(parameters);
  const problems: CypherProblem[] = [];
  let offset = 0;
  text.split(/;\s*(?:\n|$)/).forEach((chunk, statement) => {
    const startLine = text.slice(0, offset).split('\n').length;
    offset += chunk.length + 1;
    if (chunk.replace(/^\s*\/\/.*$/gm, '').trim() === '') return;
    for (const d of lintCypherQuery(chunk, schema)) {
      problems.push({
        statement,
        line: startLine + d.range.start.line,
        severity: d.severity === 1 ? 'error' : 'warning',
        message: typeof d.message === 'string' ? d.message : d.message.value,
      });
    }
  });
  return problems;
}
