// A library opened by the command line, without Electron and without the app's services (no
// watchers, no job engine). Commands that write take the library lock, so the CLI and a running
// app never write together; commands that only read open the catalogue read-only and work while
// the app has the library open (SQLite's WAL lets readers and one writer share the file).
import { existsSync, mkdirSync } from 'node:fs';
import type { LimitFunction } from 'p-limit';
import { openCatalogue, type Db } from '../catalogue/open.js';
import { acquireLibraryLock, type LibraryLock } from '../library/lock.js';
import { createMediaPool } from '../store/pool.js';
import { PreviewWork } from '../import/preview-work.js';
import { libraryLayout, type LibraryLayout } from '../store/layout.js';
import { resolveMediaTools, type MediaTools } from '../store/tools.js';

export interface LibrarySession {
  db: Db;
  layout: LibraryLayout;
  tools: MediaTools;
  pool: LimitFunction;
  /** Counted like the app's, with no window to tell (the command waits for it instead). */
  previews: PreviewWork;
  close(): void;
}

export class NoLibraryError extends Error {}

export function openLibrary(dir: string, mode: 'read' | 'write'): LibrarySession {
  const layout = libraryLayout(dir);
  if (mode === 'read' && !existsSync(layout.catalogue)) throw new NoLibraryError(`There is no Dailies library at ${layout.root}.`);
  let lock: LibraryLock | null = null;
  if (mode === 'write') {
    for (const d of [layout.root, layout.media, layout.thumbs, layout.tmp]) mkdirSync(d, { recursive: true });
    lock = acquireLibraryLock(layout.lock, 'cli');
  }
  let db: Db;
  try {
    db = openCatalogue(layout.catalogue, { readonly: mode === 'read' });
  } catch (err) {
    lock?.release();
    throw err;
  }
  return {
    db, layout, tools: resolveMediaTools(), pool: createMediaPool(), previews: new PreviewWork(() => {}),
    close() {
      db.close();
      lock?.release();
    },
  };
}
