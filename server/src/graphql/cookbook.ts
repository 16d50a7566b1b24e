import { existsSync, readFileSync } from 'node:fs';
import { COOKBOOK_FILE } from '../paths';

/** A worked query of docs/graphql-cookbook.md. */
export interface Recipe {
  title: string;
  query: string;
  /** JSON text; '{}' when the recipe has none. */
  variables: string;
  /** The line of its heading in the cookbook. */
  line: number;
}

/**
 * The recipes of the cookbook: every `### ` heading followed by a ```graphql block and, right
 * after it, an optional ```json block of variables. The cookbook is the one source: GraphiQL
 * offers these as tabs, and a test runs each against the demo data.
 */
export function readCookbook(text: string): Recipe[] {
  const recipes: Recipe[] = [];
  const heading = /^### (.+)$/gm;
  const starts = [...text.matchAll(heading)];
  starts.forEach((m, k) => {
    const end = starts[k + 1]?.index ?? text.length;
    const section = text.slice(m.index, end);
    const query = /```graphql\n([\s\S]*?)\n```/.exec(section);
    if (!query) return;
    const after = section.slice(query.index + query[0].length);
    const variables = /^\s*```json\n([\s\S]*?)\n```/.exec(after);
    recipes.push({
      title: (m[1] as string).trim(),
      query: (query[1] as string).trim(),
      variables: variables ? (variables[1] as string).trim() : '{}',
      line: text.slice(0, m.index).split('\n').length,
    });
  });
  return recipes;
}

/** The cookbook's recipes as GraphiQL tabs; none when the cookbook is not there. */
export function cookbookTabs(file = COOKBOOK_FILE): { query: string; variables: string }[] {
  if (!existsSync(file)) return [];
  return readCookbook(readFileSync(file, 'utf8')).map((r) => ({
    query: `# ${r.title}\n${r.query}\n`,
    variables: r.variables,
  }));
}
