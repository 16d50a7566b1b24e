/** Writes the printed schema to server/schema.graphql (committed; a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema/index';
import { SCHEMA_FILE } from '../paths';

writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
console.log(`Wrote ${SCHEMA_FILE}`);
