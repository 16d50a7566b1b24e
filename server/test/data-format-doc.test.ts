import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELDS, KINDS, TABLE_NAMES } from '../src/interchange/format';

/**
 * docs/data-format.md against the field table it describes (interchange.ts): every kind's file
 * names, and for each kind its fields, their Chinese aliases and which are required. The page is
 * what a district's data staff read to name their columns: it must not promise a header the
 * import refuses, nor leave out one it takes.
 */
const DOC = readFileSync(fileURLToPath(new URL('../../docs/data-format.md', import.meta.url)), 'utf8');

interface DocField {
  name: string;
  aliases: string[];
  required: boolean;
}

/** The rows of the first table after a `###`/`##` heading whose text starts with `title`. */
function tableAfter(title: string): string[][] {
  const lines = DOC.split('\n');
  const at = lines.findIndex((l) => /^#{2,3} /.test(l) && l.replace(/^#+ /, '').split(/\s/)[0] === title);
  if (at < 0) throw new Error(`docs/data-format.md has no section "${title}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^#{1,3} /.test(line)) break;
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    // a cell may hold an escaped bar (\|): split on the others
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.replace(/\\\|/g, '|').trim());
    if (cells.every((c) => /^-+$/.test(c))) continue;
    rows.push(cells);
  }
  return rows.slice(1); // the header
}

const list = (cell: string) =>
  cell
    .split(',')
    .map((a) => a.trim().replace(/^`|`$/g, ''))
    .filter(Boolean)
    .sort();

function documentedFields(title: string): DocField[] {
  return tableAfter(title).flatMap(([field = '', aliases = '', type = '']) => {
    if (field === '*provenance*') return documentedFields('provenance');
    const name = /^`(\w+)`$/.exec(field)?.[1];
    if (!name) throw new Error(`docs/data-format.md, section "${title}": "${field}" is not a \`field\``);
    return [{ name, aliases: list(aliases), required: type.includes('(required)') }];
  });
}

describe('docs/data-format.md', () => {
  it('names every kind by the file and sheet names the import takes', () => {
    const documented = Object.fromEntries(tableAfter('Which').map(([kind = '', names = '']) => [kind, list(names)]));
    const expected = Object.fromEntries(KINDS.map((k) => [TABLE_NAMES[k][0], [...TABLE_NAMES[k]].sort()]));
    expect(documented).toEqual(expected);
  });

  it.each(KINDS.map((k) => [TABLE_NAMES[k][0] as string, k] as const))(
    'lists the fields of %s with their aliases, and which are required',
    (title, kind) => {
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      const documented = documentedFields(title).sort(byName);
      const fields = FIELDS[kind]
        .map((f) => ({ name: f.name, aliases: [...f.aliases].sort(), required: f.required }))
        .sort(byName);
      expect(documented).toEqual(fields);
    },
  );
});
