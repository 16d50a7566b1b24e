/**
 * pnpm run import -- <files or folders> [--dry-run] [--encoding gb18030] [--data-dir DIR]
 *   [--skip-invalid [--rejects FILE]] [--keep-extra-columns]
 *
 * Imports interchange files (docs/data-format.md) into the embedded store's data directory
 * (CHAIN_DATA_DIR, default data/). Checks everything first and writes nothing when anything is
 * wrong; a running server picks up the import within a second.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../audit/audit-log';
import { ImportAudit } from '../audit/import-audit';
import { changedAnything, takeSnapshots } from '../chronicle/snapshots';
import { type ImportSummary, importFiles } from '../import/importer';
import { KINDS } from '../interchange/format';
import { formatProblem, ImportError, type ImportProblem } from '../interchange/problems';
import { ENCODINGS, type Encoding } from '../interchange/sources/events';
import { EmbeddedStore } from '../store/embedded/embedded-store';
import type { GraphStore } from '../store/port';
import { auditFileFromEnv } from './config';
import { dataDirFromEnv, openNeo4jStore } from './open-store';

const USAGE = `usage: pnpm run import -- <files or folders> [--dry-run] [--encoding ${ENCODINGS.join('|')}] [--data-dir DIR]
       [--skip-invalid [--rejects FILE]] [--keep-extra-columns]`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const encoding = values.encoding?.toLowerCase() as Encoding | undefined;
  if (encoding && !ENCODINGS.includes(encoding)) {
    console.error(`--encoding must be one of ${ENCODINGS.join(', ')}; got '${values.encoding}'.\n${USAGE}`);
    return 2;
  }
  if (positionals.length === 0) {
    console.error(`Name the files or folders to import.\n${USAGE}`);
    return 2;
  }
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const paths = positionals.map((p) => resolve(cwd, p));
  const dataDir = values['data-dir'] ? resolve(cwd, values['data-dir']) : dataDirFromEnv();
  // Neo4j when NEO4J_URI is set (and no --data-dir asks for the embedded store), else the embedded store
  const neo4j = values['data-dir'] ? undefined : await openNeo4jStore(process.env, { seed: false });
  const store = neo4j ?? (await EmbeddedStore.open(dataDir));
  const where = neo4j ? `Neo4j at ${process.env.NEO4J_URI}` : dataDir;
  const progress = new Progress();
  // in the audit log the server shares (CHAIN_AUDIT_FILE): before the commit, and after
  const audit = new ImportAudit(new AuditLog(auditFileFromEnv()), paths, where);
  try {
    const summary = await importFiles(audit.target(store), {
      paths,
      dryRun: values['dry-run'] ?? false,
      skipInvalid: values['skip-invalid'] ?? false,
      keepExtraColumns: values['keep-extra-columns'] ?? false,
      ...(encoding ? { encoding } : {}),
      onProgress: (p) => progress.show(p.rows),
    });
    progress.clear();
    const rejects =
      summary.rejected.length > 0
        ? resolve(cwd, values.rejects ?? `import-rejects-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`)
        : undefined;
    if (rejects) writeLines(rejects, summary.rejected);
    printWarnings(summary.warnings, summary.warningCount);
    printSummary(summary, where, rejects);
    if (!summary.dryRun)
      audit.done('ok', {
        counts: summary.counts,
        rowsRead: summary.rowsRead,
        rejected: summary.rejected.length,
        warnings: summary.warningCount,
      });
    if (!summary.dryRun && changedAnything(summary.counts)) await snapshotAfter(store, paths);
    return 0;
  } catch (e) {
    progress.clear();
    if (!values['dry-run']) {
      const problems = e instanceof ImportError ? e.total : undefined;
      audit.done(e instanceof ImportError ? 'BAD_INPUT' : 'FAILED', { problems, error: (e as Error).message });
    }
    if (!(e instanceof ImportError)) throw e;
    const shown = e.problems.slice(0, 500);
    for (const p of shown) console.error(formatProblem(p));
    if (e.total > shown.length) console.error(`… and ${(e.total - shown.length).toLocaleString('en')} more`);
    const rows = new Set(e.problems.map((p) => `${p.file}\u0000${p.sheet ?? ''}\u0000${p.line}`)).size;
    const scope =
      e.total > e.problems.length
        ? `(the first ${e.problems.length.toLocaleString('en')} in ${rows.toLocaleString('en')} row(s) or header(s))`
        : `in ${rows} row(s) or header(s)`;
    console.error(`\nRejected: ${e.total.toLocaleString('en')} problem(s) ${scope}. Nothing was written.`);
    if (e.reason) console.error(`Why: ${e.reason}.`);
    return 1;
  } finally {
    await store.close();
  }
}

/**
 * A snapshot of every chain as the import left them: what "what changed" compares with. The
 * import stands if this fails; the next import or a `takeSnapshots` request takes one.
 */
async function snapshotAfter(store: GraphStore, paths: readonly string[]): Promise<void> {
  try {
    // the cause says it was an import; the note, of what
    const note = paths.map((p) => basename(p)).join(', ');
    const snapshots = await takeSnapshots(store, { cause: 'IMPORT', note });
    console.log(`Snapshots: ${snapshots.length} chain(s), for "what changed".`);
  } catch (e) {
    console.error(`The import stands, but its snapshot of the chains failed: ${(e as Error).message}`);
  }
}

/** One JSON object a line, written a slice at a time (millions of rows make no string too long). */
function writeLines(path: string, rows: readonly object[]): void {
  writeFileSync(path, '');
  for (let i = 0; i < rows.length; i += 10_000)
    appendFileSync(
      path,
      rows
        .slice(i, i + 10_000)
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      encoding: { type: 'string' },
      'data-dir': { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      rejects: { type: 'string' },
      'keep-extra-columns': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function printWarnings(warnings: readonly ImportProblem[], count: number): void {
  if (count === 0) return;
  for (const w of warnings.slice(0, 100)) console.warn(`warning: ${formatProblem(w)}`);
  if (count > 100) console.warn(`… and ${(count - Math.min(100, warnings.length)).toLocaleString('en')} more warnings`);
}

function printSummary(s: ImportSummary, where: string, rejects: string | undefined): void {
  const total = s.seconds.check + s.seconds.write;
  const verb = s.dryRun ? 'Checked (dry run: nothing was written)' : `Imported into ${where}`;
  console.log(`${verb}: ${s.files.length} file(s), ${s.rowsRead.toLocaleString('en')} rows in ${total.toFixed(2)} s.`);
  const rows = KINDS.filter((k) => s.counts[k].added + s.counts[k].updated + s.counts[k].unchanged > 0);
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  console.log(
    `  ${'kind'.padEnd(12)}${pad(s.dryRun ? 'would add' : 'added', 10)}${pad('updated', 10)}${pad('unchanged', 11)}`,
  );
  for (const k of rows) {
    const c = s.counts[k];
    console.log(`  ${k.padEnd(12)}${pad(c.added, 10)}${pad(c.updated, 10)}${pad(c.unchanged, 11)}`);
  }
  const derived = s.derivation.derived;
  if (derived.shortName + derived.local > 0)
    console.log(`  derived: ${derived.shortName} short name(s), ${derived.local} 'local' (marked as derived)`);
  if (s.warningCount > 0) console.log(`  warnings: ${s.warningCount} (printed above)`);
  const whole = s.rejected.filter((r) => r.problems !== undefined).length;
  if (rejects)
    console.log(
      `  rejected: ${s.rejected.length} row(s) left out for their problems (--skip-invalid), listed in ${rejects}` +
        (whole < s.rejected.length
          ? ` (the first ${whole.toLocaleString('en')} with their problems and the row as read, the others by place)`
          : ', each with its problems'),
    );
  else console.log('  rejected: 0 rows');
}

/** Rows read and rows a second, on one line of a terminal; nothing when output is not a terminal. */
class Progress {
  private readonly started = performance.now();
  private last = 0;
  private shown = false;

  show(rows: number): void {
    if (!process.stderr.isTTY) return;
    const now = performance.now();
    if (now - this.last < 200) return;
    this.last = now;
    const rate = Math.round(rows / ((now - this.started) / 1e3));
    process.stderr.write(`\r  read ${rows.toLocaleString('en')} rows (${rate.toLocaleString('en')} rows/s)   `);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`Import failed: ${e.message}`);
    process.exit(1);
  },
);
