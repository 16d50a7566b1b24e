/** Writes src/persisted-operations.json from the operations of src/queries.ts (`pnpm persist`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatManifest, persistedOperations } from './persisted-operations';

const file = fileURLToPath(new URL('../src/persisted-operations.json', import.meta.url));
const manifest = await persistedOperations();
writeFileSync(file, formatManifest(manifest));
console.log(`Wrote ${Object.keys(manifest).length} operations to ${file}`);
