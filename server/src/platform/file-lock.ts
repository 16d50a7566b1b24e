import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Takes the lock file `path` unless a live process holds it: returns its release, or the holder's
 * pid. The file appears with the holder's pid already in it (written under another name, then
 * linked into place, which fails if the lock is there), so nobody ever reads an empty lock and
 * takes it for one left by a dead process. A lock whose holder died is taken over.
 */
export function takeLock(path: string): (() => void) | number {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const mine = `${path}.${process.pid}.${randomUUID().slice(0, 8)}`;
  writeFileSync(mine, String(process.pid), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(mine, path);
        return () => rmSync(path, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = Number(readQuietly(path));
        if (holder && isAlive(holder)) return holder;
        rmSync(path, { force: true }); // left by a process that died
      }
    }
    return Number(readQuietly(path)) || -1;
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Runs `fn` holding the lock file `path` (takeLock), so that processes changing one small file
 * (the tokens file: the server and `pnpm run token`) do not undo each other's changes. Waits up
 * to `waitMs` for another holder.
 */
export function withFileLock<T>(path: string, fn: () => T, waitMs = 5000): T {
  const until = Date.now() + waitMs;
  let taken = takeLock(path);
  while (typeof taken === 'number') {
    if (Date.now() > until) throw new Error(`${path} is held by process ${taken}; try again when it is done.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    taken = takeLock(path);
  }
  try {
    return fn();
  } finally {
    taken();
  }
}

function readQuietly(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Whether a process is running (a lock's holder). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Syncs a folder, so that a file created or renamed in it survives a power cut. */
export function syncDir(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
