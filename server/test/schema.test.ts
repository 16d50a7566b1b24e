import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from '../src/graphql/schema/index';
import { SCHEMA_FILE } from '../src/paths';

it('the committed schema.graphql is the printed schema (run `pnpm schema:print` after a change)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(`${printSchema(schema)}\n`);
});
