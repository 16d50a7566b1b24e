/**
 * Builds the server for running without TypeScript at run time: each program below bundled
 * with its own code into one ES module in server/dist/ (packages from node_modules stay
 * imports). dist/ sits one level below server/ as src/ does, so `src/paths.ts` finds the
 * workspace's folders from either. The analysis pool finds `worker.js` beside the bundle.
 *   node build.mjs        (pnpm --filter @chain-atlas/server build)
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const programs = {
  server: 'src/bin/server.ts',
  worker: 'src/analysis-pool/worker.ts',
  import: 'src/bin/import.ts',
  'convert-listed': 'src/bin/convert-listed.ts',
  token: 'src/bin/token.ts',
};

rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: programs,
  outdir: 'dist',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(`server built into server/dist/ in ${Math.round(performance.now() - started)} ms`);
