// What a stopped run leaves in a library's tmp/: files staged for the store, bundle staging
// folders, frames and masks being made, thumbnails being written. None of it is ever read again
// except a partial download (`job-<uid>.part`) of a job that has not ended, which resumes from
// where it stopped. Only safe while this process holds the library lock and before any of its
// own work starts (nothing else can be writing tmp/ then).
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../catalogue/open.js';
import { ENDED_STATES } from '../catalogue/jobs.js';

export interface Leftover {
  path: string;
  bytes: number;
}

const PARTIAL_RE = /^job-(.+)\.part$/;

/** Bytes under `p` (a file, or a folder's files), not following links. */
function sizeOf(p: string): number {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  let n = 0;
  for (const name of readdirSync(p)) n += sizeOf(path.join(p, name));
  return n;
}

/** A folder's names; none when the folder is not there (a library never written to). */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** tmp/ entries that nothing will read again, with their sizes. */
export function findLeftovers(db: Db, tmpDir: string): Leftover[] {
  const names = namesIn(tmpDir);
  const ended = new Set<string>(ENDED_STATES);
  const stateOf = db.prepare('SELECT state FROM jobs WHERE uid = ?').pluck();
  const out: Leftover[] = [];
  for (const name of names) {
    const partial = PARTIAL_RE.exec(name);
    if (partial) {
      const state = stateOf.get(partial[1]) as string | undefined;
      if (state !== undefined && !ended.has(state)) continue; // resumes at the next start
    }
    const p = path.join(tmpDir, name);
    out.push({ path: p, bytes: sizeOf(p) });
  }
  return out;
}

/** Removes them; returns what went (an entry that cannot be removed is left and not counted). */
export function removeLeftovers(leftovers: readonly Leftover[], log: (msg: string) => void): Leftover[] {
  const removed: Leftover[] = [];
  for (const l of leftovers) {
    try {
      rmSync(l.path, { recursive: true, force: true });
      removed.push(l);
    } catch (err) {
      log(`could not remove ${l.path}: ${(err as Error).message}`);
    }
  }
  return removed;
}
