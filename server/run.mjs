/**
 * Runs one of the built programs (server/dist/, made by `pnpm build`):
 *   node server/run.mjs server|import|convert-listed|token [its arguments]
 * with source maps on, and a plain message when it has not been built yet rather than Node's
 * "Cannot find module". The program sees its own arguments as it would run alone.
 */
import { existsSync } from 'node:fs';

const PROGRAMS = ['server', 'import', 'convert-listed', 'token'];
const program = process.argv[2] ?? '';
if (!PROGRAMS.includes(program)) {
  console.error(`usage: node server/run.mjs ${PROGRAMS.join('|')} [arguments]`);
  process.exit(2);
}
const bundle = new URL(`./dist/${program}.js`, import.meta.url);
if (!existsSync(bundle)) {
  console.error('Chain Atlas is not built yet: run `pnpm build` first (`npm run demo` builds and starts it).');
  process.exit(1);
}
process.argv.splice(2, 1);
process.setSourceMapsEnabled(true);
await import(bundle.href);
