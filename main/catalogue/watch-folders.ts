// watch_folders rows: the settings of each watched folder and its last reported status.
import type { Db } from './open.js';
import type { ImagesAs, WatchFolder, WatchMode, WatchStatus } from '../../shared/channels/watch.js';

export type WatchFolderRow = Omit<WatchFolder, 'scan'>;

interface Raw {
  id: number; path: string; mode: WatchMode; project_id: number | null; include: string; exclude: string;
  recursive: number; paused: number; images_as: ImagesAs; status: WatchStatus; files_seen: number;
  last_error: string | null; created_at: number;
}

function fromRaw(r: Raw): WatchFolderRow {
  return {
    id: r.id, path: r.path, mode: r.mode, projectId: r.project_id, include: JSON.parse(r.include) as string[],
    exclude: JSON.parse(r.exclude) as string[], recursive: r.recursive === 1, paused: r.paused === 1,
    imagesAs: r.images_as, status: r.status, filesSeen: r.files_seen, lastError: r.last_error, createdAt: r.created_at,
  };
}

export function listWatchFolders(db: Db): WatchFolderRow[] {
  return (db.prepare('SELECT * FROM watch_folders ORDER BY id').all() as Raw[]).map(fromRaw);
}

export function getWatchFolder(db: Db, id: number): WatchFolderRow | null {
  const r = db.prepare('SELECT * FROM watch_folders WHERE id = ?').get(id) as Raw | undefined;
  return r ? fromRaw(r) : null;
}

export function watchFolderByPath(db: Db, folder: string): WatchFolderRow | null {
  const r = db.prepare('SELECT * FROM watch_folders WHERE path = ?').get(folder) as Raw | undefined;
  return r ? fromRaw(r) : null;
}

export type WatchSettings = Pick<WatchFolderRow, 'path' | 'mode' | 'projectId' | 'include' | 'exclude' | 'recursive' | 'imagesAs'>;

export function insertWatchFolder(db: Db, s: WatchSettings): number {
  const info = db
    .prepare(
      `INSERT INTO watch_folders (path, mode, project_id, include, exclude, recursive, images_as, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'starting', ?)`,
    )
    .run(s.path, s.mode, s.projectId, JSON.stringify(s.include), JSON.stringify(s.exclude), s.recursive ? 1 : 0, s.imagesAs, Date.now());
  return Number(info.lastInsertRowid);
}

export function updateWatchSettings(
  db: Db, id: number, s: Partial<Omit<WatchSettings, 'path'>> & { paused?: boolean },
): void {
  const sets: string[] = [];
  const params: unknown[] = [];
  const put = (col: string, v: unknown) => {
    sets.push(`${col} = ?`);
    params.push(v);
  };
  if (s.mode !== undefined) put('mode', s.mode);
  if (s.projectId !== undefined) put('project_id', s.projectId);
  if (s.include !== undefined) put('include', JSON.stringify(s.include));
  if (s.exclude !== undefined) put('exclude', JSON.stringify(s.exclude));
  if (s.recursive !== undefined) put('recursive', s.recursive ? 1 : 0);
  if (s.imagesAs !== undefined) put('images_as', s.imagesAs);
  if (s.paused !== undefined) put('paused', s.paused ? 1 : 0);
  if (!sets.length) return;
  db.prepare(`UPDATE watch_folders SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
}

export function saveWatchStatus(db: Db, id: number, s: { status: WatchStatus; filesSeen: number; lastError: string | null }): void {
  db.prepare('UPDATE watch_folders SET status = ?, files_seen = ?, last_error = ? WHERE id = ?').run(s.status, s.filesSeen, s.lastError, id);
}

export function deleteWatchFolder(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM watch_folders WHERE id = ?').run(id).changes > 0;
}
