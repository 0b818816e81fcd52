// One writer per library. A lock file holds the owner's pid and host; a second Dailies (another
// window, or the app and `serve` together) is refused with a message naming the owner. A lock
// left by a crashed process (pid gone, same host) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';

export class LibraryLockedError extends Error {
  constructor(readonly lockFile: string, readonly owner: LockOwner) {
    super(
      `This library is already open in another Dailies (pid ${owner.pid} on ${owner.host}, ${owner.app}, since ` +
        `${new Date(owner.since).toISOString()}). Close it first, or open a different library with --library.`,
    );
    this.name = 'LibraryLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  app: string;
  since: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

export interface LibraryLock {
  release(): void;
}

export function acquireLibraryLock(file: string, app: string): LibraryLock {
  const me: LockOwner = { pid: process.pid, host: os.hostname(), app, since: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readOwner(file)?.pid === me.pid) rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      // An unreadable lock is one being written this instant; treat it as held.
      if (owner && owner.host === me.host && !alive(owner.pid)) {
        rmSync(file, { force: true });
        continue;
      }
      throw new LibraryLockedError(file, owner ?? { pid: 0, host: 'unknown', app: 'unknown', since: 0 });
    }
  }
  throw new Error(`could not take the library lock ${file}`);
}
