/** Writes the printed schema to server/schema.graphql (committed; a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { SCHEMA_FILE } from '../paths';
import { schema } from '../schema/index';

writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
console.log(`Wrote ${SCHEMA_FILE}`);
