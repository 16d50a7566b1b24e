import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/roles';
import { readCookbook } from '../src/graphql/cookbook';
import { COOKBOOK_FILE } from '../src/paths';
import { demoApi } from './support/helpers';

const recipes = readCookbook(readFileSync(COOKBOOK_FILE, 'utf8'));

/** Whether an answer holds any non-empty list: a recipe that finds nothing shows nothing. */
const findsSomething = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === 'object' && value !== null && Object.values(value).some(findsSomething);

describe('docs/graphql-cookbook.md: every recipe runs against the demo data', () => {
  it('has at least 12 recipes, for chain leaders, investment staff and analysts', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(12);
    const text = readFileSync(COOKBOOK_FILE, 'utf8');
    for (const audience of ['## For chain leaders', '## For investment-attraction staff', '## For analysts'])
      expect(text).toContain(audience);
  });

  it.each(recipes.map((r) => [`${r.line}: ${r.title}`, r] as const))('%s', async (_title, recipe) => {
    // each on a store of its own: a curation recipe changes it
    const { query } = await demoApi();
    // a recipe that needs a role says so in its title: "(editor token)"
    const role = /\((analyst|editor|admin) token\)/.exec(recipe.title)?.[1] as Role | undefined;
    const { data, errors } = await query(recipe.query, JSON.parse(recipe.variables), role);
    expect(errors).toBeUndefined();
    for (const [field, value] of Object.entries(data ?? {})) expect(value, field).not.toBeNull();
    expect(findsSomething(data)).toBe(true);
  });

  it('offers the recipes as GraphiQL tabs, the first being the README query', async () => {
    const { yoga } = await demoApi();
    const page = await (await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } })).text();
    for (const r of recipes) expect(page).toContain(JSON.stringify(`# ${r.title}`).slice(1, -1));
    expect(recipes[0]?.title).toBe('1. Every chain and its segments');
  });
});
