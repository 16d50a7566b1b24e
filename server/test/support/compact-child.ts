/**
 * For the compaction crash tests: compacts the data directory named on the command line once, in
 * a process of its own (CHAIN_FAILPOINT kills it at a step of the compaction).
 */
import { EmbeddedStore } from '../../src/store/embedded/embedded-store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: compact-child.ts <data dir>');
const store = await EmbeddedStore.open(dir, { compaction: false });
console.log(JSON.stringify({ folded: await store.compact() }));
