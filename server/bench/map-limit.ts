import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from '../src/interchange/format';
import { EmbeddedStore } from '../src/store/embedded/embedded-store';
import { check } from './scenario';

/**
 * Beyond V8's Map limit (2^24 entries): a data directory whose manifest promises 17 million
 * enterprises is refused before anything is loaded, with a message that says why and what to do.
 */
export async function mapLimit(scratch: string) {
  const dir = join(scratch, 'xl-store');
  mkdirSync(dir, { recursive: true });
  const rows = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const segments = [
    { name: '000001', rows: { ...rows, enterprises: 17_000_000, supplies: 40_000_000 }, createdAt: '', note: 'XL' },
  ];
  writeFileSync(join(dir, 'MANIFEST'), JSON.stringify({ version: 1, segments }));
  const started = performance.now();
  const message = await EmbeddedStore.open(dir).then(
    () => 'opened (unexpected)',
    (e: Error) => e.message,
  );
  const msTaken = performance.now() - started;
  check('LIMIT', message.includes('16,777,216'), `the 17M-enterprise store was not refused for its size: ${message}`);
  console.log(`\nMap limit: a 17M-enterprise store is refused in ${msTaken.toFixed(1)} ms:\n  ${message}`);
  return { refusedInMs: msTaken, message };
}
