import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('..', import.meta.url));

it('the web API types are generated from the current server/schema.graphql (run `pnpm gql:generate` in web/)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-gql-'));
  try {
    const out = join(dir, 'graphql-env.d.ts');
    execFileSync(join(WEB, 'node_modules/.bin/gql.tada'), ['generate', 'output', '--output', out], {
      cwd: WEB,
      stdio: 'pipe',
    });
    expect(readFileSync(join(WEB, 'src/graphql-env.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
