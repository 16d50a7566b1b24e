import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { userInfo } from 'node:os';
import type { Dataset } from '../domain/model';
import { resolveInputs } from '../import/inputs';
import type { ImportTarget } from '../store/port';
import type { AuditLog } from './audit-log';

/** An input file as the intent names it: how big it was and its sha-256 when the import committed. */
export interface FileDigest {
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * An import in the audit log, written before it commits and after: the store given to the
 * importer (`target`) records, just before its commit, an entry `started` that names the files
 * (each with its size and sha-256, as `sha256sum` prints them), the rows about to be written by
 * kind, and one digest over the files — synced to disk; if that cannot be written the import is
 * refused and nothing is written. When the import ends, `done` records its outcome and counts
 * against that entry; an import refused before committing (its checks) gets one entry then. A
 * process killed between the commit and `done` leaves the entry `started`: the rows may be in.
 */
export class ImportAudit {
  private intent: string | undefined;

  constructor(
    private readonly log: AuditLog,
    private readonly paths: readonly string[],
    private readonly where: string,
    private readonly who = `cli:${userInfo().username}`,
  ) {}

  /** The store, with its commit recorded before it happens; everything else passes through. */
  target<T extends ImportTarget>(store: T): T {
    return new Proxy(store, {
      get: (target, name, receiver) => {
        if (name === 'commit') {
          const commit: ImportTarget['commit'] = async (data, note, check) => {
            await this.intend(data);
            return target.commit(data, note, check);
          };
          return commit;
        }
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** The entry that says the import is about to commit: files, rows, digest; synced before it returns. */
  async intend(data: Dataset): Promise<void> {
    const files = await digests(this.paths);
    const digest = createHash('sha256')
      .update(files.map((f) => `${f.sha256}  ${f.file}\n`).join(''))
      .digest('hex');
    const rows = Object.fromEntries(
      Object.entries(data)
        .filter(([, list]) => Array.isArray(list) && list.length > 0)
        .map(([kind, list]) => [kind, (list as unknown[]).length]),
    );
    this.intent = this.log.record({
      who: this.who,
      role: 'local',
      action: 'import',
      target: this.paths.join(', '),
      detail: { into: this.where, files: files.slice(0, 16), fileCount: files.length, rows, digest },
      from: 'local',
      outcome: 'started',
    }).id;
  }

  /** How it ended: against the entry of its intent, or (refused before it committed) in an entry of its own. */
  done(outcome: string, detail: Record<string, unknown>): void {
    if (this.intent) this.log.end(this.intent, outcome, detail);
    else
      this.log.record({
        who: this.who,
        role: 'local',
        action: 'import',
        target: this.paths.join(', '),
        detail: { into: this.where, ...detail },
        from: 'local',
        outcome,
      });
  }
}

/** The input files of `paths` (as the importer finds them), each with its size and sha-256. */
async function digests(paths: readonly string[]): Promise<FileDigest[]> {
  const { inputs } = resolveInputs(paths);
  const out: FileDigest[] = [];
  for (const input of inputs) {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(input.path)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    out.push({ file: input.file, bytes, sha256: hash.digest('hex') });
  }
  return out;
}
